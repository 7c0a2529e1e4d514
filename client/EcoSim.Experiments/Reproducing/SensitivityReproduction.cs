using EcoSim.Experiments.Output;
using EcoSim.Experiments.Pipelines;
using EcoSim.Experiments.Sensitivity;

namespace EcoSim.Experiments.Reproducing;

/// <summary>Reproduces an <c>ecosim sensitivity</c> from its manifest: same scenario text, method, ranges, design size and seed, outputs, seeds, engine, shard size, ticks and plots.</summary>
internal sealed class SensitivityReproduction(OutputManifest recorded, SensitivityPayload manifest) : Reproduction
{
    /// <summary>Reads a sensitivity manifest, checking that what it records makes a design.</summary>
    /// <exception cref="ManifestProblem">A key is missing or bad.</exception>
    public static Reproduction From(OutputManifest recorded, SensitivityPayload manifest)
    {
        RecordedManifest.CheckScenario(manifest.Scenario, "scenario");
        if (manifest.Policy is { } policy) RecordedManifest.CheckScenario(policy, "policy");
        RecordedManifest.CheckSeeds(manifest.Seeds, "ecosim sensitivity");
        if (SensitivityMethods.Parse(manifest.Method) is not { } method) throw new ManifestProblem("method", $"'{manifest.Method}' is not morris or sobol");
        if (SensitivityDesign.SizeProblem(method, manifest.Samples) is { } problem) throw new ManifestProblem("samples", problem);
        if (manifest.Parameters is not { Count: > 0 }) throw new ManifestProblem("parameters", "lists no parameter");
        if (manifest.Outputs is not { Count: > 0 }) throw new ManifestProblem("outputs", "lists no output");
        return new SensitivityReproduction(recorded, manifest);
    }

    public override string Description =>
        $"{manifest.Method} sensitivity of {(manifest.Policy is { } policy ? $"the effect of {policy.Name} against " : "")}{manifest.Scenario.Name} over {string.Join(", ", manifest.Parameters.Select(p => p.Name))}, {manifest.Points} points x {manifest.Seeds.Count} seeds from {manifest.Seeds[0]}, " +
        $"{recorded.TickCount} ticks, engine {recorded.Engine}" + Layout(recorded);

    public override IReadOnlyList<ManifestFile> RecordedFiles => recorded.Files;

    public override async Task<OutputOutcome> RunAsync(string outputPath, ReproductionContext context, CancellationToken cancellation)
    {
        var scenario = AsRecorded(RecordedManifest.Rebuild(manifest.Scenario, "scenario", context.Limits), manifest.Scenario.Path, recorded.TickCount);
        var ranges = SensitivityRange.FromRecorded(manifest.Parameters, out var problems, "parameters") ?? throw new ManifestProblem("parameters", string.Join("; ", problems));
        var outputs = SensitivityOutput.TryParse(string.Join(",", manifest.Outputs), scenario.World, out problems) ?? throw new ManifestProblem("outputs", string.Join("; ", problems));
        var design = new SensitivityDesign(SensitivityMethods.Parse(manifest.Method)!.Value, ranges, manifest.Samples, manifest.DesignSeed);
        if (design.Points.Count != manifest.Points) throw new ManifestProblem("points", $"{manifest.Points} is not the {design.Points.Count} points of the design");
        var policy = manifest.Policy is { } recordedPolicy
            ? AsRecorded(RecordedManifest.Rebuild(recordedPolicy, "policy", context.Limits), recordedPolicy.Path, recorded.TickCount, "policy")
            : null;
        var settings = new SensitivitySettings(scenario, design, outputs, manifest.Seeds, Settings(recorded, outputPath, context, Parallel)) { Policy = policy };
        return await new SensitivityPipeline(context.Events).ExecuteAsync(settings, cancellation);
    }
}
