using System.Globalization;
using EcoSim.Experiments;
using EcoSim.Experiments.Collectors;
using EcoSim.Experiments.Ensembles;
using EcoSim.Experiments.Output;
using EcoSim.Experiments.Report;
using EcoSim.Scenarios;

namespace EcoSim.Experiments.Pipelines;

/// <summary>
/// <c>ecosim sweep</c>: runs a scenario over a grid of one or two parameters, every grid point with the
/// same seeds (common random numbers), runs proceeding concurrently, and writes each run's metrics, the
/// median and 5-95% band of the key metrics at checkpoints per point (sweep.csv), response-curve plots,
/// <c>report.html</c> and a manifest, all moved into place at the end. Nothing written depends on the
/// order in which runs finish, so <c>ecosim reproduce</c> gives the same bytes.
/// </summary>
/// <param name="events">Where notes and progress go, and how the engine opens.</param>
public sealed class SweepPipeline(PipelineEvents events)
{
    /// <summary>Most grid points listed on standard output; sweep.csv has them all.</summary>
    private const int PointsListed = 25;

    /// <summary>Runs <paramref name="settings"/> and returns what was written.</summary>
    /// <exception cref="OutputRefusedException">The output folder cannot be used; nothing was touched.</exception>
    public Task<SweepOutcome> ExecuteAsync(SweepSettings settings, CancellationToken cancellation)
    {
        var (scenario, grid, seeds) = (settings.Scenario, settings.Grid, settings.Seeds);
        string defaultPath = Path.Combine("runs", $"{scenario.Name}-sweep-{string.Join("-", grid.Axes.Select(a => a.Parameter.Name))}");
        return new OutputCommand(events).ExecuteAsync(settings.Output, defaultPath, async run =>
        {
            var (world, points, folder) = (scenario.World, grid.Points, run.Folder);
            run.Note($"sweeping {scenario.Name} over {string.Join(" x ", grid.Axes)}: {points.Count} points x {seeds.Count} seeds ({seeds[0]}..{seeds[^1]}), " +
                             $"{world.Ticks} ticks each, engine {run.Engine.Name}, {settings.Output.Parallel} runs at a time");
            NoteReplacedChanges(run, scenario, grid);

            var byLabel = points.ToDictionary(p => p.Label);
            var experiment = Experiment.Sweep(scenario, grid, seeds);
            var summary = new SweepSummary(points, world.Ticks);
            var columns = new EnsembleColumns(Role: false, [.. grid.Axes.Select(a => (a.Parameter.Name, a.Parameter.Unit))]);
            await using (var files = await RunFilesCollector.CreateAsync(folder.WorkingPath, experiment, columns, run.Provenance(scenario, seeds), cancellation,
                member => [.. member.Overrides.Select(o => o.Value)]))
            {
                await run.RunAsync(experiment, Collect.All(files, Collect.Finished((member, rows) => summary.Add(byLabel[member.Label], rows))), cancellation);
                await files.CompleteAsync();
            }

            var results = summary.Results();
            SweepCsv.Write(folder.PathFor(SweepCsv.FileName), grid, results);
            var plots = settings.Output.Plots
                ? SweepPlots.WriteAll(grid, summary.AtEnd(), seeds.Count, folder.PathFor("plots"),
                    $"scenario {scenario.Name} · {points.Count} points x {seeds.Count} seeds from {seeds[0]} · {run.PlotDate:yyyy-MM-dd}")
                : [];

            var payload = new SweepPayload
            {
                Scenario = ManifestScenario.Of(scenario),
                Parameters = [.. grid.Axes.Select(a => new SweepParameter(a.Parameter.Name, (double)a.From, (double)a.To, (double)a.Step, a.Values,
                    ParameterOverride.Replaced(scenario, a.Parameter).Count))],
                Points = points.Count,
                Seeds = seeds,
            };
            await run.CommitAsync(payload, world.Ticks, m => SweepReport.Build(scenario, grid, results, plots, folder.WorkingPath, m), cancellation);
            return new SweepOutcome(folder.ShownPath, settings.Output.Plots, [.. Headline(summary.AtEnd(), points.Count, seeds.Count)]);
        }, cancellation);
    }

    /// <summary>Tells which of the scenario's scheduled changes the sweep replaces, so that the swept value holds throughout.</summary>
    private static void NoteReplacedChanges(OutputRun run, Scenario scenario, SweepGrid grid)
    {
        foreach (var axis in grid.Axes)
        {
            var replaced = ParameterOverride.Replaced(scenario, axis.Parameter);
            if (replaced.Count == 0) continue;
            string when = string.Join(", ", replaced.Select(c => scenario.World.PeriodOf(c.StartTick).ToString()));
            run.Note($"note: the scenario changes {axis.Parameter.Name} at {when}; the sweep drops {(replaced.Count == 1 ? "that change" : "those changes")} so each swept value holds {ParameterOverride.Holds(axis.Parameter, scenario.World)}");
        }
    }

    /// <summary>Per grid point, the medians of three headline metrics at the last tick, with their 90% bands (or spreads, with too few seeds for a band).</summary>
    private static IEnumerable<string> Headline(IReadOnlyList<SweepResult> atEnd, int points, int seeds)
    {
        if (atEnd.Count == 0) yield break;
        string[] metrics = ["knowledge_stock", "value_added", "firms"];
        yield return seeds == 1 ? $"  at {atEnd[0].Period}, one run per point (no bands):"
            : SeedEvidence.HasBand(seeds) ? $"  at {atEnd[0].Period}, median (90% band) over the seeds:"
            : $"  at {atEnd[0].Period}, median (5th to 95th percentile of the {seeds} runs; too few for a 90% band, which needs {SeedEvidence.MinimumSeeds}) over the seeds:";
        foreach (var point in atEnd.GroupBy(r => r.Point.Index).Take(PointsListed))
        {
            var parts = metrics.Select(m => point.Single(r => r.Column.Name == m))
                .Select(r => seeds == 1
                    ? string.Create(CultureInfo.InvariantCulture, $"{r.Column.Name} {r.Band.Median:N1}")
                    : string.Create(CultureInfo.InvariantCulture, $"{r.Column.Name} {r.Band.Median:N1} ({r.Band.P05:N1} to {r.Band.P95:N1})"));
            yield return $"  {point.First().Point.Label}: {string.Join("; ", parts)}";
        }
        if (points > PointsListed) yield return $"  ... and {points - PointsListed} more points in sweep.csv";
    }
}
