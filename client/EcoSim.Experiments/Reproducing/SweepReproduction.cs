using EcoSim.Experiments.Ensembles;
using EcoSim.Experiments.Output;
using EcoSim.Experiments.Pipelines;

namespace EcoSim.Experiments.Reproducing;

/// <summary>Reproduces an <c>ecosim sweep</c> from its manifest: same scenario text, grid, seeds, engine, shard size, ticks and plots.</summary>
internal sealed class SweepReproduction(OutputManifest recorded, SweepPayload manifest, IReadOnlyList<string> parameters, SweepGrid grid) : Reproduction
{
    /// <summary>Reads a sweep manifest, rebuilding the <c>--param</c> texts of its grid and checking that they give the grid it records.</summary>
    /// <exception cref="ManifestProblem">A key is missing or bad.</exception>
    public static Reproduction From(OutputManifest recorded, SweepPayload manifest)
    {
        RecordedManifest.CheckScenario(manifest.Scenario, "scenario");
        RecordedManifest.CheckSeeds(manifest.Seeds, "ecosim sweep");
        var (texts, grid) = Grid(manifest);
        return new SweepReproduction(recorded, manifest, texts, grid);
    }

    public override string Description =>
        $"sweep of {manifest.Scenario.Name} over {string.Join(" x ", parameters)}, {manifest.Points} points x {manifest.Seeds.Count} seeds from {manifest.Seeds[0]}, " +
        $"{recorded.TickCount} ticks, engine {recorded.Engine}" + Layout(recorded);

    public override IReadOnlyList<ManifestFile> RecordedFiles => recorded.Files;

    public override async Task<OutputOutcome> RunAsync(string outputPath, ReproductionContext context, CancellationToken cancellation)
    {
        var scenario = RecordedManifest.Rebuild(manifest.Scenario, "scenario", context.Limits);
        var settings = new SweepSettings(AsRecorded(scenario, manifest.Scenario.Path, recorded.TickCount), grid, manifest.Seeds, Settings(recorded, outputPath, context, Parallel));
        return await new SweepPipeline(context.Events).ExecuteAsync(settings, cancellation);
    }

    /// <summary>The <c>--param NAME=FROM:TO:STEP</c> texts of the recorded grid and the grid they give; they must parse and give exactly the recorded values and number of points.</summary>
    private static (IReadOnlyList<string> Texts, SweepGrid Grid) Grid(SweepPayload manifest)
    {
        if (manifest.Parameters is not { Count: > 0 } recorded) throw new ManifestProblem("parameters", "lists no swept parameter");
        for (int i = 0; i < recorded.Count; i++)
            if (recorded[i] is not { Name: not null, Values: not null })
                throw new ManifestProblem($"parameters[{i}]", "needs a name, from, to, step and values");
        string[] texts = [.. recorded.Select(p => $"{p.Name}={SweepAxis.Text(p.From)}:{SweepAxis.Text(p.To)}:{SweepAxis.Text(p.Step)}")];
        var grid = SweepGrid.TryParse(texts, manifest.Seeds.Count, out var problems)
                   ?? throw new ManifestProblem("parameters", $"do not make a grid: {string.Join("; ", problems)}");
        for (int i = 0; i < recorded.Count; i++)
            if (!grid.Axes[i].Values.SequenceEqual(recorded[i].Values))
                throw new ManifestProblem($"parameters[{i}].values", $"are not the values of {texts[i]} ({string.Join(", ", grid.Axes[i].Values.Select(SweepAxis.Text))})");
        if (grid.Points.Count != manifest.Points)
            throw new ManifestProblem("points", $"{manifest.Points} is not the {grid.Points.Count} points of the grid {string.Join(" x ", texts)}");
        return (texts, grid);
    }
}
