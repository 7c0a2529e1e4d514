using EcoSim.Experiments.Output;
using EcoSim.Experiments.Pipelines;
using EcoSim.Experiments.Reproducing;
using EcoSim.Experiments.Sensitivity;

namespace EcoSim.Experiments.Calibration;

/// <summary>Reproduces an <c>ecosim calibrate</c> from its manifest: same scenario text, target lines, priors, particles, generations, calibration seed, seeds, engine, shard size, ticks and plots.</summary>
internal sealed class CalibrationReproduction(OutputManifest recorded, CalibrationPayload manifest) : Reproduction
{
    /// <summary>Reads a calibration manifest, checking that what it records makes a calibration.</summary>
    /// <exception cref="ManifestProblem">A key is missing or bad.</exception>
    public static Reproduction From(OutputManifest recorded, CalibrationPayload manifest)
    {
        RecordedManifest.CheckScenario(manifest.Scenario, "scenario");
        RecordedManifest.CheckSeeds(manifest.Seeds, "ecosim calibrate");
        if (manifest.Parameters is not { Count: > 0 }) throw new ManifestProblem("parameters", "lists no parameter");
        if (manifest.TargetLines is not { Count: > 1 }) throw new ManifestProblem("targetLines", "holds no observation");
        if (manifest.Particles is < 2 or > CalibrationSettings.MaxParticles) throw new ManifestProblem("particles", $"must be 2 to {CalibrationSettings.MaxParticles}");
        if (manifest.Generations is < 0 or > CalibrationSettings.MaxGenerations) throw new ManifestProblem("generations", $"must be 0 to {CalibrationSettings.MaxGenerations}");
        return new CalibrationReproduction(recorded, manifest);
    }

    public override string Description =>
        $"calibration of {manifest.Scenario.Name} to {manifest.Target} over {string.Join(", ", manifest.Parameters.Select(p => p.Name))}, {manifest.Particles} particles x {manifest.Generations} generations, {manifest.Seeds.Count} seeds from {manifest.Seeds[0]}, " +
        $"{recorded.TickCount} ticks, engine {recorded.Engine}" + Layout(recorded);

    public override IReadOnlyList<ManifestFile> RecordedFiles => recorded.Files;

    public override async Task<OutputOutcome> RunAsync(string outputPath, ReproductionContext context, CancellationToken cancellation)
    {
        var scenario = AsRecorded(RecordedManifest.Rebuild(manifest.Scenario, "scenario", context.Limits), manifest.Scenario.Path, recorded.TickCount);
        var ranges = SensitivityRange.FromRecorded(manifest.Parameters, out var problems, "parameters") ?? throw new ManifestProblem("parameters", string.Join("; ", problems));
        var targetProblems = new List<string>();
        var target = CalibrationTarget.TryParse(manifest.Target, manifest.TargetLines, scenario.World, targetProblems) ?? throw new ManifestProblem("targetLines", string.Join("; ", targetProblems));
        var settings = new CalibrationSettings(scenario, manifest.Target, manifest.TargetLines, target, ranges,
            new AbcSettings(manifest.Particles, manifest.Generations, manifest.CalibrationSeed), manifest.Seeds, Settings(recorded, outputPath, context, Parallel));
        return await new CalibrationPipeline(context.Events).ExecuteAsync(settings, cancellation);
    }
}
