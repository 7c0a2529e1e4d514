using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace EcoSim.Scenarios;

/// <summary>
/// Walks the parser's events for a file's text one at a time, without building a tree, and stops at
/// the first thing that would make building the tree unsafe: nesting deeper than
/// <see cref="ScenarioLoader.MaxDepth"/> (the tree loader recurses once per level), any anchor or
/// alias (an alias bomb expands exponentially), or text that is not YAML. Each is reported at its own
/// line and column.
/// </summary>
internal static class YamlPreScan
{
    public const string AnchorMessage = "YAML anchors and aliases are not supported in scenario files; write values out, or use 'extends'";

    /// <summary>True when the text may be loaded as a tree; otherwise records one error and returns false.</summary>
    public static bool Check(ErrorSink sink, string text)
    {
        var scanner = new Scanner(new StringReader(text));
        var parser = new Parser(scanner);
        var open = new Stack<ParsingEvent>(); // the collections entered and not yet left
        try
        {
            while (parser.MoveNext())
            {
                switch (parser.Current)
                {
                    case AnchorAlias alias:
                        // Every anchor stops the scan, so an alias met here names an anchor that does not exist.
                        sink.At(alias.Start, "", $"not valid YAML: The anchor '{alias.Value}' does not exist");
                        return false;
                    case NodeEvent node when !node.Anchor.IsEmpty:
                        sink.At(node.Start, "", AnchorMessage);
                        return false;
                    case NodeEvent node when open.Count > ScenarioLoader.MaxDepth:
                        sink.At(node.Start, "", $"nesting is deeper than {ScenarioLoader.MaxDepth} levels");
                        return false;
                }
                if (parser.Current is SequenceStart or MappingStart) open.Push(parser.Current);
                else if (parser.Current is SequenceEnd or MappingEnd) open.Pop();
            }
            return true;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            YamlFailure.Record(sink, e, scanner, text, open.FirstOrDefault(IsFlow));
            return false;
        }
    }

    private static bool IsFlow(ParsingEvent e) => e is SequenceStart { Style: SequenceStyle.Flow } or MappingStart { Style: MappingStyle.Flow };
}
