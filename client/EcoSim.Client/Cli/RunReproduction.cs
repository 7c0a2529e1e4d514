using System.Text.Json;
using EcoSim.Experiments.Output;

namespace EcoSim.Client.Cli;

/// <summary>Reproduces an <c>ecosim run</c> from its manifest: same scenario text, seed, engine, shard size, ticks and options.</summary>
internal sealed class RunReproduction(RunManifest manifest) : Reproduction
{
    /// <summary>Reads a run manifest.</summary>
    /// <exception cref="ManifestProblem">A key is missing or bad.</exception>
    public static Reproduction From(JsonElement root)
    {
        var manifest = RecordedManifest.Deserialize<RunManifest>(root, RunManifest.CurrentFormatVersion);
        RecordedManifest.CheckCommon(manifest);
        if (manifest.ScenarioText is null) throw new ManifestProblem("scenarioText", "is missing (null)");
        if (manifest.ScenarioSha256 is null) throw new ManifestProblem("scenarioSha256", "is missing (null)");
        if (manifest.FirmPanelEvery is < 1) throw new ManifestProblem("firmPanelEvery", $"{manifest.FirmPanelEvery} is not a number of ticks");
        return new RunReproduction(manifest);
    }

    public override string Description =>
        $"run of {manifest.ScenarioName}, seed {manifest.Seed}, {manifest.TickCount} ticks, engine {manifest.Engine}" +
        (OnOrleans(manifest) ? $", {manifest.FirmsPerShard} firms per shard" : "") +
        (manifest.FirmPanelEvery is int every ? $", firm panel every {every} ticks" : "");

    public override IReadOnlyList<ManifestFile> RecordedFiles => manifest.Files;

    public override async Task<int> RunAsync(string outputPath, ReproductionContext context, CancellationToken cancellation)
    {
        var scenario = RecordedScenario.Rebuild(manifest.ScenarioText, manifest.ScenarioSha256, manifest.ScenarioPath, "scenarioText", "scenarioSha256");
        var recorded = AsRecorded(scenario.WithSeed(manifest.Seed), manifest.ScenarioPath, manifest.TickCount);
        var settings = new RunSettings(recorded, Settings(manifest, outputPath, context)) { FirmPanelEvery = manifest.FirmPanelEvery };
        return await new RunPipeline(context.Output, context.Errors).ExecuteAsync(settings, cancellation);
    }
}
