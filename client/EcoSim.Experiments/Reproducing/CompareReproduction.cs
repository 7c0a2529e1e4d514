using EcoSim.Experiments;
using EcoSim.Experiments.Ensembles;
using EcoSim.Experiments.Output;
using EcoSim.Experiments.Pipelines;

namespace EcoSim.Experiments.Reproducing;

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
        $"{recorded.TickCount} ticks, engine {recorded.Engine}" + Layout(recorded);

    public override IReadOnlyList<ManifestFile> RecordedFiles => recorded.Files;

    public override async Task<OutputOutcome> RunAsync(string outputPath, ReproductionContext context, CancellationToken cancellation)
    {
        var baseline = Rebuild(manifest.Baseline, "baseline", context.Limits);
        var policy = Rebuild(manifest.Policy, "policy", context.Limits);
        if (baseline.World.Start != policy.World.Start || baseline.World.Ticks != policy.World.Ticks)
            throw new ManifestProblem("policy", $"covers {policy.World.Start} and {policy.World.Ticks} ticks but the baseline {baseline.World.Start} and {baseline.World.Ticks}; a comparison needs the same horizon");
        var uncertain = manifest.ParameterUncertainty is { Count: > 0 } recordedRanges
            ? Sensitivity.SensitivityRange.FromRecorded(recordedRanges, out var problems, "parameterUncertainty")
              ?? throw new ManifestProblem("parameterUncertainty", string.Join("; ", problems))
            : [];
        var settings = new CompareSettings(AsRecorded(baseline, manifest.Baseline.Path, recorded.TickCount, "baseline"), AsRecorded(policy, manifest.Policy.Path, recorded.TickCount, "policy"),
            manifest.Seeds, Settings(recorded, outputPath, context, Parallel)) { ParameterUncertainty = uncertain };
        return await new ComparePipeline(context.Events).ExecuteAsync(settings, cancellation);
    }

    private static Scenarios.Scenario Rebuild(ManifestScenario scenario, string key, Scenarios.ScenarioLimits? limits)
    {
        RecordedManifest.CheckScenario(scenario, key);
        return RecordedManifest.Rebuild(scenario, key, limits);
    }
}
