using System.Text.Json;
using EcoSim.Experiments.Ensembles;
using EcoSim.Experiments.Output;

namespace EcoSim.Client.Cli;

/// <summary>Reproduces an <c>ecosim run --seeds N</c> from its manifest: same scenario text, seeds, engine, shard size, ticks and plots.</summary>
internal sealed class EnsembleReproduction(EnsembleManifest manifest) : Reproduction
{
    /// <summary>Reads an ensemble manifest.</summary>
    /// <exception cref="ManifestProblem">A key is missing or bad.</exception>
    public static Reproduction From(JsonElement root)
    {
        var manifest = RecordedManifest.Deserialize<EnsembleManifest>(root, 1);
        RecordedManifest.CheckCommon(manifest);
        RecordedManifest.CheckScenario(manifest.Scenario, "scenario");
        RecordedManifest.CheckSeeds(manifest.Seeds, "ecosim run --seeds");
        return new EnsembleReproduction(manifest);
    }

    public override string Description =>
        $"ensemble of {manifest.Scenario.Name}, {manifest.Seeds.Count} seeds from {manifest.Seeds[0]}, {manifest.TickCount} ticks, engine {manifest.Engine}" +
        (OnOrleans(manifest) ? $", {manifest.FirmsPerShard} firms per shard" : "");

    public override IReadOnlyList<ManifestFile> RecordedFiles => manifest.Files;

    public override async Task<int> RunAsync(string outputPath, ReproductionContext context, CancellationToken cancellation)
    {
        var scenario = RecordedManifest.Rebuild(manifest.Scenario, "scenario");
        var settings = new EnsembleSettings(AsRecorded(scenario, manifest.Scenario.Path, manifest.TickCount), manifest.Seeds, Settings(manifest, outputPath, context, Parallel));
        return await new RunEnsemblePipeline(context.Output, context.Errors).ExecuteAsync(settings, cancellation);
    }
}
