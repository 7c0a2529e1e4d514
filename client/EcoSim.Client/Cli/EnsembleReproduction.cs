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
        (manifest.Engine == RunManifest.OrleansEngine ? $", {manifest.FirmsPerShard} firms per shard" : "");

    public override IReadOnlyList<ManifestFile> RecordedFiles => manifest.Files;

    public override async Task<int> RunAsync(string outputPath, ReproductionContext context, CancellationToken cancellation)
    {
        using var scenario = RecordedManifest.Rebuild(manifest.Scenario, "scenario");
        if (manifest.TickCount > scenario.Scenario.World.Ticks)
            throw new ManifestProblem("tickCount", $"{manifest.TickCount} is more than the {scenario.Scenario.World.Ticks} ticks of the recorded scenario");
        var settings = new EnsembleSettings(scenario.Path, outputPath, manifest.Seeds[0], manifest.Seeds.Count, manifest.Engine, Math.Max(1, manifest.FirmsPerShard),
            manifest.TickCount, context.Cluster, PlotsDrawn(manifest.Plots, manifest.Files), Math.Max(2, Environment.ProcessorCount))
        {
            RecordedScenarioPath = manifest.Scenario.Path ?? "",
            Origin = RecordedOrigin.Of(manifest),
            Overwrite = context.Overwrite,
            RecordedCodeVersion = manifest.CodeVersion,
        };
        return await new RunEnsemblePipeline(context.Output, context.Errors).ExecuteAsync(settings, cancellation);
    }
}
