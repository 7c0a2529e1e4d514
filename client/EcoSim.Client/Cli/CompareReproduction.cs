using System.Text.Json;
using EcoSim.Experiments.Ensembles;
using EcoSim.Experiments.Output;

namespace EcoSim.Client.Cli;

/// <summary>Reproduces an <c>ecosim compare</c> from its manifest: both scenario texts, the seeds, engine, shard size, ticks and options.</summary>
internal sealed class CompareReproduction(ComparisonManifest manifest) : Reproduction
{
    /// <summary>Reads a comparison manifest.</summary>
    /// <exception cref="ManifestProblem">A key is missing or bad.</exception>
    public static Reproduction From(JsonElement root)
    {
        var manifest = RecordedManifest.Deserialize<ComparisonManifest>(root, 1);
        RecordedManifest.CheckCommon(manifest);
        if (manifest.Baseline is null) throw new ManifestProblem("baseline", "is missing");
        if (manifest.Policy is null) throw new ManifestProblem("policy", "is missing");
        var seeds = manifest.Seeds;
        if (seeds is null || seeds.Count == 0) throw new ManifestProblem("seeds", "lists no seeds");
        if (!seeds.SequenceEqual(PairedRuns.Seeds(seeds[0], seeds.Count)))
            throw new ManifestProblem("seeds", $"are not consecutive from {seeds[0]}; compare runs consecutive seeds");
        return new CompareReproduction(manifest);
    }

    public override string Description =>
        $"comparison of {manifest.Policy.Name} with {manifest.Baseline.Name}, {manifest.Seeds.Count} paired seeds from {manifest.Seeds[0]}, " +
        $"{manifest.TickCount} ticks, engine {manifest.Engine}" + (manifest.Engine == RunManifest.OrleansEngine ? $", {manifest.FirmsPerShard} firms per shard" : "");

    public override IReadOnlyList<ManifestFile> RecordedFiles => manifest.Files;

    public override async Task<int> RunAsync(string outputPath, ReproductionContext context, CancellationToken cancellation)
    {
        using var baseline = Rebuild(manifest.Baseline, "baseline");
        using var policy = Rebuild(manifest.Policy, "policy");
        if (manifest.TickCount > baseline.Scenario.World.Ticks)
            throw new ManifestProblem("tickCount", $"{manifest.TickCount} is more than the {baseline.Scenario.World.Ticks} ticks of the recorded baseline");
        var settings = new CompareSettings(baseline.Path, policy.Path, manifest.Seeds.Count, manifest.Seeds[0], outputPath, manifest.Engine,
            Math.Max(1, manifest.FirmsPerShard), manifest.TickCount, context.Cluster, PlotsDrawn(manifest.Plots, manifest.Files), Math.Max(2, Environment.ProcessorCount))
        {
            RecordedBaselinePath = manifest.Baseline.Path ?? "",
            RecordedPolicyPath = manifest.Policy.Path ?? "",
            Origin = RecordedOrigin.Of(manifest),
            Overwrite = context.Overwrite,
            RecordedCodeVersion = manifest.CodeVersion,
        };
        return await new ComparePipeline(context.Output, context.Errors).ExecuteAsync(settings, cancellation);
    }

    private static RecordedScenario Rebuild(ManifestScenario scenario, string key)
    {
        RecordedManifest.CheckScenario(scenario, key);
        return RecordedManifest.Rebuild(scenario, key);
    }
}
