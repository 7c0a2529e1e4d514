using System.Text.RegularExpressions;
using EcoSim.Experiments.Output;
using EcoSim.Scenarios;

namespace EcoSim.Experiments.Reproducing;

/// <summary>
/// Turns the scenario text a manifest embeds (the scenario file, then each file it extends under a
/// <c># ---- extends: NAME ----</c> header) back into the scenario, in memory: the text is split into its
/// files, loaded once (<see cref="ScenarioLoader.LoadTexts"/>), and checked to be the text whose SHA-256
/// the manifest records.
/// </summary>
internal static partial class RecordedScenario
{
    /// <summary>
    /// Rebuilds and loads the scenario, at <paramref name="recordedPath"/>, checking its estimated run against <paramref name="limits"/>
    /// (null: the defaults); <paramref name="textKey"/> and <paramref name="shaKey"/> name the manifest's keys in errors.
    /// </summary>
    /// <exception cref="ManifestProblem">The text does not match its hash, cannot be split into its files, does not load or is over the limits.</exception>
    public static Scenario Rebuild(string text, string sha256, string recordedPath, string textKey, string shaKey, ScenarioLimits? limits)
    {
        if (!string.Equals(ContentHash.OfText(text), sha256, StringComparison.Ordinal))
            throw new ManifestProblem(shaKey, $"is not the SHA-256 of {textKey} ({ContentHash.OfText(text)}): the manifest was changed after it was written");
        string[] parts = ExtendsHeader().Split(text); // text, name, text, name, text...
        var chain = new List<ScenarioSource> { new(SafeName(recordedPath), parts[0]) };
        for (int i = 1; i + 1 < parts.Length; i += 2) chain.Add(new ScenarioSource(parts[i], parts[i + 1]));
        Scenario scenario;
        try { scenario = ScenarioLoader.LoadTexts(recordedPath, chain, limits); }
        catch (ScenarioException e) { throw new ManifestProblem(textKey, $"does not load: {string.Join("; ", e.Errors)}"); }
        if (scenario.Sha256 != sha256)
            throw new ManifestProblem(textKey, "read back as a different text; it cannot be split into the files it was combined from");
        return scenario;
    }

    private static string SafeName(string recordedPath)
    {
        string name = Path.GetFileName(recordedPath.Replace('\\', '/').TrimEnd('/'));
        return name.Length == 0 || name is "." or ".." ? "scenario.yaml" : name;
    }

    [GeneratedRegex(@"\n# ---- extends: ([^\n]*) ----\n")]
    private static partial Regex ExtendsHeader();
}
