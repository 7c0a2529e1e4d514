using System.Text.RegularExpressions;
using EcoSim.Experiments.Output;
using EcoSim.Scenarios;

namespace EcoSim.Client.Cli;

/// <summary>
/// Turns the scenario text a manifest embeds (the scenario file, then each file it extends under a
/// <c># ---- extends: NAME ----</c> header) back into files in a temporary folder, at the places their
/// <c>extends</c> keys name, loads it, and checks that the text's SHA-256 is the one recorded.
/// </summary>
internal sealed partial class RecordedScenario : IDisposable
{
    private readonly string _folder;

    private RecordedScenario(string folder, Scenario scenario)
    {
        _folder = folder;
        Scenario = scenario;
    }

    /// <summary>The scenario, loaded from its reconstructed files.</summary>
    public Scenario Scenario { get; }

    /// <summary>The reconstructed scenario file, for a pipeline to read.</summary>
    public string Path => Scenario.Path;

    /// <summary>Rebuilds and loads the scenario; <paramref name="textKey"/> and <paramref name="shaKey"/> name the manifest's keys in errors.</summary>
    /// <exception cref="ManifestProblem">The text does not match its hash, cannot be split into its files, or does not load.</exception>
    public static RecordedScenario Rebuild(string text, string sha256, string recordedPath, string textKey, string shaKey)
    {
        if (!string.Equals(ContentHash.OfText(text), sha256, StringComparison.Ordinal))
            throw new ManifestProblem(shaKey, $"is not the SHA-256 of {textKey} ({ContentHash.OfText(text)}): the manifest was changed after it was written");
        string folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"ecosim-reproduce-{Guid.NewGuid():N}");
        try
        {
            string first = System.IO.Path.Combine(folder, SafeName(recordedPath));
            WriteChain(text, first, folder, textKey);
            Scenario scenario;
            try { scenario = ScenarioLoader.Load(first); }
            catch (ScenarioException e) { throw new ManifestProblem(textKey, $"does not load: {string.Join("; ", e.Errors.Select(x => x.ToString().Replace(folder, "", StringComparison.Ordinal)))}"); }
            if (scenario.Sha256 != sha256)
                throw new ManifestProblem(textKey, "read back as a different text; it cannot be split into the files it was combined from");
            return new RecordedScenario(folder, scenario);
        }
        catch
        {
            Delete(folder);
            throw;
        }
    }

    public void Dispose() => Delete(_folder);

    private static void WriteChain(string text, string first, string root, string textKey)
    {
        string[] parts = ExtendsHeader().Split(text); // text, name, text, name, text...
        string path = first;
        for (int i = 0; ; i += 2)
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
            File.WriteAllText(path, parts[i], MetricsCsvFormat.Encoding);
            if (i + 1 >= parts.Length) return;
            string name = parts[i + 1];
            if (ExtendsKey().Match(parts[i]) is not { Success: true } extends)
                throw new ManifestProblem(textKey, $"has a part for '{name}' but the file before it extends nothing");
            string parent = System.IO.Path.GetFullPath(System.IO.Path.Combine(System.IO.Path.GetDirectoryName(path)!, extends.Groups["file"].Value.Trim('"', '\'')));
            if (!parent.StartsWith(root + System.IO.Path.DirectorySeparatorChar, StringComparison.Ordinal) || System.IO.Path.GetFileName(parent) != name)
                throw new ManifestProblem(textKey, $"extends '{extends.Groups["file"].Value}', which does not match the part named '{name}'");
            path = parent;
        }
    }

    private static string SafeName(string recordedPath)
    {
        string name = System.IO.Path.GetFileName(recordedPath.Replace('\\', '/').TrimEnd('/'));
        return name.Length == 0 || name is "." or ".." ? "scenario.yaml" : name;
    }

    private static void Delete(string folder)
    {
        try { if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { /* a leftover temporary copy is harmless */ }
    }

    [GeneratedRegex(@"\n# ---- extends: ([^\n]*) ----\n")]
    private static partial Regex ExtendsHeader();

    [GeneratedRegex(@"^extends:[ \t]*(?<file>[^#\r\n]*?)[ \t]*(#.*)?$", RegexOptions.Multiline)]
    private static partial Regex ExtendsKey();
}
