using EcoSim.Experiments.Checkpoints;
using EcoSim.Experiments.Output;
using EcoSim.Experiments.Pipelines;

namespace EcoSim.Experiments.Reproducing;

/// <summary>Reproduces an <c>ecosim run</c> from its manifest: same scenario text, seed, engine, shard size, ticks and options.</summary>
internal sealed class RunReproduction(OutputManifest manifest, RunPayload run) : Reproduction
{
    /// <summary>Checks a run manifest's own keys.</summary>
    /// <exception cref="ManifestProblem">A key is bad.</exception>
    public static Reproduction From(OutputManifest manifest, RunPayload run)
    {
        // 'required' keeps a key from being absent, not from being null.
        if (run.ScenarioText is null) throw new ManifestProblem("scenarioText", "is missing (null)");
        if (run.ScenarioSha256 is null) throw new ManifestProblem("scenarioSha256", "is missing (null)");
        if (run.FirmPanelEvery is < 1) throw new ManifestProblem("firmPanelEvery", $"{run.FirmPanelEvery} is not a number of ticks");
        return new RunReproduction(manifest, run);
    }

    public override string Description =>
        $"run of {run.ScenarioName}, seed {run.Seed}, {manifest.TickCount} ticks, engine {manifest.Engine}" +
        Layout(manifest) +
        (run.FirmPanelEvery is int every ? $", firm panel every {every} ticks" : "");

    public override IReadOnlyList<ManifestFile> RecordedFiles => manifest.Files;

    public override async Task<OutputOutcome> RunAsync(string outputPath, ReproductionContext context, CancellationToken cancellation)
    {
        var scenario = RecordedScenario.Rebuild(run.ScenarioText, run.ScenarioSha256, run.ScenarioPath, "scenarioText", "scenarioSha256", context.Limits);
        var recorded = AsRecorded(scenario.WithSeed(run.Seed), run.ScenarioPath, manifest.TickCount);
        var settings = new RunSettings(recorded, Settings(manifest, outputPath, context)) { FirmPanelEvery = run.FirmPanelEvery, Checkpoints = Checkpointing.Recorded(run.Checkpoints) };
        return await new RunPipeline(context.Events).ExecuteAsync(settings, cancellation);
    }
}
