using EcoSim.Experiments;
using EcoSim.Experiments.Ensembles;
using EcoSim.Experiments.Output;

namespace EcoSim.Experiments.Reproducing;

/// <summary>
/// Reads a manifest for <c>ecosim reproduce</c> (with <see cref="ManifestReader"/>, the one reader) and picks
/// what reproduces it by its payload (a run, a comparison, an ensemble of seeds or a sweep). A new kind of
/// output is supported by adding a case to <see cref="Read"/>.
/// </summary>
internal static class RecordedManifest
{
    /// <summary>The reproduction the manifest at <paramref name="path"/> describes.</summary>
    /// <exception cref="ManifestProblem">The file is missing, unreadable, not JSON, not an EcoSim manifest, of an unknown kind or newer version, or a key is missing, bad or given twice.</exception>
    public static Reproduction Read(string path)
    {
        var manifest = ManifestReader.Read(path);
        CheckCommon(manifest);
        return manifest.Payload switch
        {
            RunPayload run => RunReproduction.From(manifest, run),
            ComparisonPayload comparison => CompareReproduction.From(manifest, comparison),
            EnsemblePayload ensemble => EnsembleReproduction.From(manifest, ensemble),
            SweepPayload sweep => SweepReproduction.From(manifest, sweep),
            Sensitivity.SensitivityPayload sensitivity => SensitivityReproduction.From(manifest, sensitivity),
            Calibration.CalibrationPayload calibration => Calibration.CalibrationReproduction.From(manifest, calibration),
            Validation.ValidationPayload validation => CheckModelReproduction.From(manifest, validation),
            var other => throw new ManifestProblem("kind", $"a {other.GetType().Name} cannot be reproduced by this program"),
        };
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
    public static Scenarios.Scenario Rebuild(ManifestScenario scenario, string key, Scenarios.ScenarioLimits? limits) =>
        RecordedScenario.Rebuild(scenario.Text, scenario.Sha256, scenario.Path ?? "", $"{key}.text", $"{key}.sha256", limits);

    /// <summary>Checks that the seeds are what <paramref name="command"/> (e.g. "ecosim sweep") runs: one or more consecutive seeds, at most <see cref="Experiment.MaxSeeds"/>.</summary>
    public static void CheckSeeds(IReadOnlyList<ulong>? seeds, string command)
    {
        if (seeds is null || seeds.Count == 0) throw new ManifestProblem("seeds", "lists no seeds");
        if (seeds.Count > Experiment.MaxSeeds) throw new ManifestProblem("seeds", $"lists {seeds.Count} seeds; at most {Experiment.MaxSeeds} are run");
        if (!seeds.SequenceEqual(Experiment.ConsecutiveSeeds(seeds[0], seeds.Count)))
            throw new ManifestProblem("seeds", $"are not consecutive from {seeds[0]}, as {command} runs them");
    }

    /// <summary>Checks the values every kind shares.</summary>
    public static void CheckCommon(OutputManifest manifest)
    {
        var (engine, firmsPerShard, tickCount, files) = (manifest.Engine, manifest.FirmsPerShard, manifest.TickCount, manifest.Files);
        if (EngineKinds.Parse(engine) is not { } kind)
            throw new ManifestProblem("engine", $"'{engine}' is not an engine this program runs ({string.Join(", ", EngineKinds.All.Select(k => k.Name()))})");
        // 0 on Orleans: each run whole in one grain (EnsembleLayout).
        if (firmsPerShard < 0)
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
