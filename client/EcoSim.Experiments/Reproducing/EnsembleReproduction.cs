using EcoSim.Experiments.Ensembles;
using EcoSim.Experiments.Output;
using EcoSim.Experiments.Pipelines;

namespace EcoSim.Experiments.Reproducing;

/// <summary>Reproduces an <c>ecosim run --seeds N</c> from its manifest: same scenario text, seeds, engine, shard size, ticks and plots.</summary>
internal sealed class EnsembleReproduction(OutputManifest recorded, EnsemblePayload manifest) : Reproduction
{
    /// <summary>Checks an ensemble manifest's own keys.</summary>
    /// <exception cref="ManifestProblem">A key is missing or bad.</exception>
    public static Reproduction From(OutputManifest recorded, EnsemblePayload manifest)
    {
        RecordedManifest.CheckScenario(manifest.Scenario, "scenario");
        RecordedManifest.CheckSeeds(manifest.Seeds, "ecosim run --seeds");
        return new EnsembleReproduction(recorded, manifest);
    }

    public override string Description =>
        $"ensemble of {manifest.Scenario.Name}, {manifest.Seeds.Count} seeds from {manifest.Seeds[0]}, {recorded.TickCount} ticks, engine {recorded.Engine}" +
        Layout(recorded);

    public override IReadOnlyList<ManifestFile> RecordedFiles => recorded.Files;

    public override async Task<OutputOutcome> RunAsync(string outputPath, ReproductionContext context, CancellationToken cancellation)
    {
        var scenario = RecordedManifest.Rebuild(manifest.Scenario, "scenario", context.Limits);
        var settings = new EnsembleSettings(AsRecorded(scenario, manifest.Scenario.Path, recorded.TickCount), manifest.Seeds, Settings(recorded, outputPath, context, Parallel));
        return await new RunEnsemblePipeline(context.Events).ExecuteAsync(settings, cancellation);
    }
}
