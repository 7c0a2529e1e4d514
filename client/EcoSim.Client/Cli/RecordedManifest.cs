using System.Text.Json;
using EcoSim.Experiments;
using EcoSim.Experiments.Ensembles;
using EcoSim.Experiments.Output;

namespace EcoSim.Client.Cli;

/// <summary>
/// Reads a manifest for <c>ecosim reproduce</c> and picks what reproduces it by its <c>kind</c> (a run, a
/// comparison, an ensemble of seeds or a sweep). A new kind of output is supported by adding a case to
/// <see cref="Kinds"/>.
/// </summary>
internal static class RecordedManifest
{
    /// <summary>What reproduces each kind of manifest; run manifests written before <c>kind</c> existed have none and are runs.</summary>
    private static readonly IReadOnlyDictionary<string, Func<JsonElement, Reproduction>> Kinds = new Dictionary<string, Func<JsonElement, Reproduction>>(StringComparer.Ordinal)
    {
        ["run"] = RunReproduction.From,
        ["compare"] = CompareReproduction.From,
        ["ensemble"] = EnsembleReproduction.From,
        ["sweep"] = SweepReproduction.From,
    };

    /// <summary>The reproduction the manifest at <paramref name="path"/> describes.</summary>
    /// <exception cref="ManifestProblem">The file is missing, unreadable, not JSON, not an EcoSim manifest, of an unknown kind or newer version, or a key is missing, bad or given twice.</exception>
    public static Reproduction Read(string path)
    {
        byte[] bytes;
        try { bytes = File.ReadAllBytes(path); }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException) { throw new ManifestProblem(null, "file not found"); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { throw new ManifestProblem(null, $"cannot read the file: {e.Message}"); }
        JsonDocument document;
        try { document = JsonDocument.Parse(bytes); }
        catch (JsonException e) { throw new ManifestProblem(null, $"not valid JSON ({e.Message})"); }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw new ManifestProblem(null, "not an EcoSim manifest (expected a JSON object)");
            if (!root.TryGetProperty("format", out var format)) throw new ManifestProblem("format", $"is missing (\"{RunManifest.FormatMarker}\" in an EcoSim manifest)");
            if (format.ValueKind != JsonValueKind.String || format.GetString() != RunManifest.FormatMarker)
                throw new ManifestProblem("format", $"is not \"{RunManifest.FormatMarker}\": not an EcoSim manifest");
            ManifestStrictness.RefuseDuplicateKeys(root);
            string kind = "run";
            if (root.TryGetProperty("kind", out var kindValue))
                kind = kindValue.ValueKind == JsonValueKind.String ? kindValue.GetString()! : throw new ManifestProblem("kind", "must be a string");
            if (!Kinds.TryGetValue(kind, out var reproduction))
                throw new ManifestProblem("kind", $"'{kind}' cannot be reproduced by this program (it reproduces: {string.Join(", ", Kinds.Keys)})");
            // Every kind lists its files; without the key there would be nothing to compare, and no way to tell a forgotten list from an empty one.
            if (!root.TryGetProperty("files", out _)) throw new ManifestProblem("files", "is missing");
            return reproduction(root);
        }
    }

    /// <summary>Deserialises the whole manifest as <typeparamref name="T"/>, naming the key at fault when that fails.</summary>
    public static T Deserialize<T>(JsonElement root, int newestVersion) where T : class
    {
        if (root.TryGetProperty("formatVersion", out var version) && (version.ValueKind != JsonValueKind.Number || !version.TryGetInt32(out int v) || v > newestVersion))
            throw new ManifestProblem("formatVersion", $"{version} is not a manifest version this program reads (1 to {newestVersion})");
        try { return root.Deserialize<T>(ManifestJson.Options) ?? throw new ManifestProblem(null, "is null"); }
        catch (JsonException e) { throw ManifestStrictness.Describe(e, root); }
    }

    /// <summary>Checks that a recorded scenario has its name, text and hash; <paramref name="key"/> names it in errors.</summary>
    public static void CheckScenario(ManifestScenario? scenario, string key)
    {
        if (scenario is null) throw new ManifestProblem(key, "is missing");
        if (scenario.Name is null) throw new ManifestProblem($"{key}.name", "is missing");
        if (scenario.Text is null) throw new ManifestProblem($"{key}.text", "is missing");
        if (scenario.Sha256 is null) throw new ManifestProblem($"{key}.sha256", "is missing");
    }

    /// <summary>Rebuilds a recorded scenario (checked by <see cref="CheckScenario"/>) from its text, checking its hash.</summary>
    public static Scenarios.Scenario Rebuild(ManifestScenario scenario, string key) =>
        RecordedScenario.Rebuild(scenario.Text, scenario.Sha256, scenario.Path ?? "", $"{key}.text", $"{key}.sha256");

    /// <summary>Checks that the seeds are what <paramref name="command"/> (e.g. "ecosim sweep") runs: one or more consecutive seeds, at most <see cref="EnsembleOptions.MaxSeeds"/>.</summary>
    public static void CheckSeeds(IReadOnlyList<ulong>? seeds, string command)
    {
        if (seeds is null || seeds.Count == 0) throw new ManifestProblem("seeds", "lists no seeds");
        if (seeds.Count > EnsembleOptions.MaxSeeds) throw new ManifestProblem("seeds", $"lists {seeds.Count} seeds; at most {EnsembleOptions.MaxSeeds} are run");
        if (!seeds.SequenceEqual(Experiment.ConsecutiveSeeds(seeds[0], seeds.Count)))
            throw new ManifestProblem("seeds", $"are not consecutive from {seeds[0]}, as {command} runs them");
    }

    /// <summary>Checks the values every kind shares.</summary>
    public static void CheckCommon(OutputManifest manifest)
    {
        var (engine, firmsPerShard, tickCount, files) = (manifest.Engine, manifest.FirmsPerShard, manifest.TickCount, manifest.Files);
        if (EngineKinds.Parse(engine) is not { } kind)
            throw new ManifestProblem("engine", $"'{engine}' is not an engine this program runs ({string.Join(", ", EngineKinds.All.Select(k => k.Name()))})");
        if (firmsPerShard < 0 || (kind == EngineKind.Orleans && firmsPerShard < 1))
            throw new ManifestProblem("firmsPerShard", $"{firmsPerShard} is not a shard size");
        if (tickCount < 1) throw new ManifestProblem("tickCount", $"{tickCount} is not a number of ticks");
        if (files is null || files.Count == 0) throw new ManifestProblem("files", "lists no files, so there is nothing to compare");
        foreach (var file in files)
        {
            if (file is null || string.IsNullOrEmpty(file.Path) || file.Path.StartsWith('/') || file.Path.Split('/').Contains(".."))
                throw new ManifestProblem("files", $"'{file?.Path}' is not a path inside the output folder");
            if (file.Sha256 is not { Length: 64 } hash || !hash.All(char.IsAsciiHexDigitLower))
                throw new ManifestProblem("files", $"'{file.Path}' has no SHA-256 (64 lower-case hex digits)");
        }
    }
}
