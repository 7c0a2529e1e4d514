using EcoSim.Experiments.Collectors;
using EcoSim.Experiments.Ensembles;
using EcoSim.Experiments.Output;
using EcoSim.Experiments.Pipelines;
using EcoSim.Model.Metrics;

namespace EcoSim.Experiments.Sensitivity;

/// <summary>
/// <c>ecosim sensitivity</c>: runs the scenario at every point of a Morris or Sobol design, each point
/// with the same seeds (common random numbers), as one experiment, so the runs spread over a cluster's
/// silos like an ensemble's. A point's output is the mean over its seeds. Writes indices.csv,
/// design.csv, one tornado plot per output, report.html and a manifest, all moved into place at the
/// end. Nothing written depends on the order in which runs finish, so <c>ecosim reproduce</c> gives the
/// same bytes.
/// </summary>
/// <param name="events">Where notes and progress go, and how the engine opens.</param>
public sealed class SensitivityPipeline(PipelineEvents events)
{
    /// <summary>Runs <paramref name="settings"/> and returns what was written.</summary>
    /// <exception cref="OutputRefusedException">The output folder cannot be used; nothing was touched.</exception>
    public Task<SensitivityOutcome> ExecuteAsync(SensitivitySettings settings, CancellationToken cancellation)
    {
        var (scenario, design, seeds, outputs) = (settings.Scenario, settings.Design, settings.Seeds, settings.Outputs);
        string defaultPath = Path.Combine("runs", $"{scenario.Name}-sensitivity-{design.Method.Name()}");
        return new OutputCommand(events).ExecuteAsync(settings.Output, defaultPath, async run =>
        {
            var (world, folder) = (scenario.World, run.Folder);
            run.Note($"sensitivity of {scenario.Name} by {design.Method.Name()} over {string.Join(", ", design.Ranges.Select(r => r.Text))}: " +
                     $"{design.Points.Count} design points x {seeds.Count} seeds ({seeds[0]}..{seeds[^1]}), {world.Ticks} ticks each, engine {run.Engine.Name}, {settings.Output.Parallel} runs at a time");

            var experiment = Members(settings);
            var values = new double[outputs.Count, design.Points.Count, seeds.Count];
            var seedIndex = seeds.Select((s, i) => (s, i)).ToDictionary(x => x.s, x => x.i);
            await run.RunAsync(experiment, Collect.Finished((member, rows) =>
            {
                int point = PointOf(member.Label);
                var region = rows.Where(r => r.Cluster == MetricsRow.RegionIndex).OrderBy(r => r.Tick).ToList();
                for (int o = 0; o < outputs.Count; o++) values[o, point, seedIndex[member.Seed]] = outputs[o].Value(region, world);
            }), cancellation);

            var means = Enumerable.Range(0, outputs.Count).Select(o => Enumerable.Range(0, design.Points.Count).Select(p =>
            {
                double sum = 0;
                for (int s = 0; s < seeds.Count; s++) sum += values[o, p, s];
                return sum / seeds.Count;
            }).ToArray()).ToList();
            var results = outputs.Select((output, o) => Result(design, output, means[o])).ToList();

            SensitivityFiles.WriteIndices(folder.PathFor(SensitivityFiles.IndicesFileName), design, results);
            SensitivityFiles.WriteDesign(folder.PathFor(SensitivityFiles.DesignFileName), design, outputs, means);
            var plots = settings.Output.Plots
                ? SensitivityPlots.WriteAll(design, results, folder.PathFor("plots"),
                    $"scenario {scenario.Name} · {design.Method.Name()}, {design.Points.Count} points x {seeds.Count} seed{(seeds.Count == 1 ? "" : "s")} from {seeds[0]} · {run.PlotDate:yyyy-MM-dd}")
                : [];
            var payload = new SensitivityPayload
            {
                Scenario = ManifestScenario.Of(scenario),
                Method = design.Method.Name(),
                Parameters = [.. design.Ranges.Select(r => new SensitivityParameter(r.Parameter.Name, r.Low, r.High))],
                Samples = design.Size,
                DesignSeed = design.Seed,
                Points = design.Points.Count,
                Outputs = [.. outputs.Select(o => o.Label)],
                Seeds = seeds,
            };
            await run.CommitAsync(payload, world.Ticks, m => SensitivityReport.Build(scenario, design, results, plots, folder.WorkingPath, m), cancellation);
            return new SensitivityOutcome(folder.ShownPath, settings.Output.Plots, [.. results.Select(r => "  " + SensitivityWords.About(design, r))]);
        }, cancellation);
    }

    /// <summary>Every design point with every seed, the point's values held as a sweep holds them (<see cref="ParameterOverride"/>).</summary>
    public static Experiment Members(SensitivitySettings settings) =>
        new([.. settings.Design.Points.SelectMany((values, p) => settings.Seeds.Select(seed => ExperimentMember.Of(MemberRole.Point, Label(p), settings.Scenario, seed,
            [.. values.Select((v, i) => new ParameterSetting(settings.Design.Ranges[i].Parameter, v))])))]);

    private static string Label(int point) => $"point{point:D5}";

    private static int PointOf(string label) => int.Parse(label.AsSpan("point".Length), System.Globalization.CultureInfo.InvariantCulture);

    private static SensitivityResult Result(SensitivityDesign design, SensitivityOutput output, double[] values)
    {
        double mean = values.Average();
        double variance = values.Sum(v => (v - mean) * (v - mean)) / values.Length;
        return new SensitivityResult(output, design.Estimate(values), mean, variance);
    }
}

/// <summary>What <see cref="SensitivityPipeline"/> wrote.</summary>
/// <param name="Folder">The output folder.</param>
/// <param name="Plots">Whether plots were drawn.</param>
/// <param name="Headline">One sentence per output: which parameters it depends on.</param>
public sealed record SensitivityOutcome(string Folder, bool Plots, IReadOnlyList<string> Headline) : OutputOutcome(Folder, Plots, Headline);
