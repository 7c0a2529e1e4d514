using EcoSim.Experiments.Output;
using EcoSim.Experiments.Sensitivity;
using EcoSim.Experiments.Validation;

namespace EcoSim.Experiments.Reproducing;

/// <summary>Reproduces an <c>ecosim check-model</c> from its manifest: same scenario text, seed, screen (parameters, ranges, trajectories, horizon), engine, shard size and plots.</summary>
internal sealed class CheckModelReproduction(OutputManifest recorded, ValidationPayload manifest) : Reproduction
{
    /// <summary>Reads a check-model manifest, checking that what it records makes a validation.</summary>
    /// <exception cref="ManifestProblem">A key is missing or bad.</exception>
    public static Reproduction From(OutputManifest recorded, ValidationPayload manifest)
    {
        RecordedManifest.CheckScenario(manifest.Scenario, "scenario");
        if (manifest.ScreenParameters is not { Count: > 0 }) throw new ManifestProblem("screenParameters", "lists no parameter");
        if (SensitivityDesign.SizeProblem(SensitivityMethod.Morris, manifest.ScreenTrajectories) is { } problem) throw new ManifestProblem("screenTrajectories", problem);
        if (manifest.ScreenTicks < 1 || manifest.ScreenTicks > recorded.TickCount) throw new ManifestProblem("screenTicks", $"{manifest.ScreenTicks} is not between 1 and the {recorded.TickCount} ticks recorded");
        return new CheckModelReproduction(recorded, manifest);
    }

    public override string Description =>
        $"validation of {manifest.Scenario.Name} with seed {manifest.Seed}: {manifest.Facts.Count} stylized facts, a{(manifest.Quick ? " quick" : "")} Morris screen over {string.Join(", ", manifest.ScreenParameters.Select(p => p.Name))}, " +
        $"engine {recorded.Engine}" + Layout(recorded);

    public override IReadOnlyList<ManifestFile> RecordedFiles => recorded.Files;

    // The back-cast as recorded (its scenario's text and the target's lines), or null when the validation checked none.
    private Validation.Backcast.BackcastCheck? Backcast(ReproductionContext context)
    {
        if (manifest.Backcast is null) return null;
        RecordedManifest.CheckScenario(manifest.Backcast, "backcast");
        if (manifest.BackcastTarget is null || manifest.BackcastTargetLines is null) throw new ManifestProblem("backcastTargetLines", "is missing beside backcast");
        var scenario = RecordedManifest.Rebuild(manifest.Backcast, "backcast", context.Limits);
        return Validation.Backcast.BackcastCheck.TryCreate(scenario, manifest.BackcastTarget, manifest.BackcastTargetLines, out var problems)
               ?? throw new ManifestProblem("backcastTargetLines", string.Join("; ", problems));
    }

    public override async Task<Pipelines.OutputOutcome> RunAsync(string outputPath, ReproductionContext context, CancellationToken cancellation)
    {
        var scenario = AsRecorded(RecordedManifest.Rebuild(manifest.Scenario, "scenario", context.Limits), manifest.Scenario.Path, recorded.TickCount);
        var texts = manifest.ScreenParameters.Select(p => $"{p.Name}={SensitivityRange.Number(p.Low)}:{SensitivityRange.Number(p.High)}").ToList();
        var ranges = SensitivityRange.TryParse(texts, out var problems) ?? throw new ManifestProblem("screenParameters", string.Join("; ", problems));
        var settings = new CheckModelSettings(scenario, manifest.Seed, manifest.Quick, Settings(recorded, outputPath, context, Parallel))
        {
            Screen = new ValidationScreen(ranges, manifest.ScreenTrajectories, manifest.ScreenTicks),
            Backcast = Backcast(context),
        };
        return await new CheckModelPipeline(context.Events).ExecuteAsync(settings, cancellation);
    }
}
