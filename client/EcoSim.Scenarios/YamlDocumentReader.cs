using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace EcoSim.Scenarios;

/// <summary>
/// Reads a file's text as one YAML document, safely: the text is pre-scanned
/// (<see cref="YamlPreScan"/>) before any tree is built, and nothing YamlDotNet throws escapes.
/// </summary>
internal static class YamlDocumentReader
{
    /// <summary>The document's root node, or null after recording an error in <paramref name="sink"/>.</summary>
    public static YamlNode? Read(ErrorSink sink, string text)
    {
        if (!YamlPreScan.Check(sink, text)) return null;
        var stream = new YamlStream();
        var scanner = new Scanner(new StringReader(text));
        try { stream.Load(new Parser(scanner)); }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            YamlFailure.Record(sink, e, scanner, text); // e.g. a duplicate key, which only the tree notices
            return null;
        }
        if (stream.Documents.Count == 1) return stream.Documents[0].RootNode;
        sink.File_(stream.Documents.Count == 0 ? "file is empty" : "holds several YAML documents; a scenario is one document");
        return null;
    }
}
