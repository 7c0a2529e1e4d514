using EcoSim.Experiments;
using EcoSim.Experiments.Ensembles;
using EcoSim.Experiments.Output;

namespace EcoSim.Client.Cli;

/// <summary>Reproduces an <c>ecosim compare</c> from its manifest: both scenario texts, the seeds, engine, shard size, ticks and options.</summary>
internal sealed class CompareReproduction(OutputManifest recorded, ComparisonPayload manifest) : Reproduction
{
    /// <summary>Checks a comparison manifest's own keys.</summary>
    /// <exception cref="ManifestProblem">A key is missing or bad.</exception>
    public static Reproduction From(OutputManifest recorded, ComparisonPayload manifest)
    {
        if (manifest.Baseline is null) throw new ManifestProblem("baseline", "is missing");
        if (manifest.Policy is null) throw new ManifestProblem("policy", "is missing");
        var seeds = manifest.Seeds;
        if (seeds is null || seeds.Count == 0) throw new ManifestProblem("seeds", "lists no seeds");
        if (!seeds.SequenceEqual(Experiment.ConsecutiveSeeds(seeds[0], seeds.Count)))
            throw new ManifestProblem("seeds", $"are not consecutive from {seeds[0]}; compare runs consecutive seeds");
        return new CompareReproduction(recorded, manifest);
    }

    public override string Description =>
        $"comparison of {manifest.Policy.Name} with {manifest.Baseline.Name}, {manifest.Seeds.Count} paired seeds from {manifest.Seeds[0]}, " +
        $"{recorded.TickCount} ticks, engine {recorded.Engine}" + (OnOrleans(recorded) ? $", {recorded.FirmsPerShard} firms per shard" : "");

    public override IReadOnlyList<ManifestFile> RecordedFiles => recorded.Files;

    public override async Task<int> RunAsync(string outputPath, ReproductionContext context, CancellationToken cancellation)
    {
        var baseline = Rebuild(manifest.Baseline, "baseline");
        var policy = Rebuild(manifest.Policy, "policy");
        AsRecorded(baseline, manifest.Baseline.Path, recorded.TickCount, "baseline"); // checks the tick count
        var (first, second) = (baseline with { Path = manifest.Baseline.Path ?? "" }, policy with { Path = manifest.Policy.Path ?? "" });
        if (CommandInputs.Paired(first, second, context.Errors, recorded.TickCount) is not var (shortBaseline, shortPolicy)) return ExitCodes.BadInput;
        var settings = new CompareSettings(shortBaseline, shortPolicy, manifest.Seeds, Settings(recorded, outputPath, context, Parallel));
        return await new ComparePipeline(context.Output, context.Errors).ExecuteAsync(settings, cancellation);
    }

    private static Scenarios.Scenario Rebuild(ManifestScenario scenario, string key)
    {
        RecordedManifest.CheckScenario(scenario, key);
        return RecordedManifest.Rebuild(scenario, key);
    }
}
