using EcoSim.Experiments;
using EcoSim.Experiments.Collectors;
using EcoSim.Experiments.Engines;
using EcoSim.Experiments.Ensembles;
using EcoSim.Explorer.Library;
using EcoSim.Model.Metrics;

namespace EcoSim.Explorer.Runs;

/// <summary>An ensemble as the API shows it.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Scenario">The scenario's name.</param>
/// <param name="Seeds">The seeds, in order.</param>
/// <param name="Done">Runs finished so far.</param>
/// <param name="Horizon">Quarters of each run.</param>
/// <param name="Levers">The levers set on every run.</param>
/// <param name="Band">What the shade is, for the runs finished so far (a 5-95% band only from ten on).</param>
/// <param name="Status"><c>running</c>, <c>finished</c> or <c>failed</c>.</param>
/// <param name="Error">Why it failed, or null.</param>
public sealed record EnsembleView(string Id, string Scenario, IReadOnlyList<ulong> Seeds, int Done, int Horizon, IReadOnlyList<LeverSetting> Levers,
    string Band, string Status, string? Error);

/// <summary>One quarter of an ensemble's bands: for every metric, the 5%, 50% and 95% points over the finished runs.</summary>
/// <param name="Tick">The tick.</param>
/// <param name="Period">The quarter.</param>
/// <param name="Low">The 5% point of each metric, in catalogue order.</param>
/// <param name="Median">The median of each metric.</param>
/// <param name="High">The 95% point of each metric.</param>
public sealed record BandQuarter(int Tick, string Period, double[] Low, double[] Median, double[] High);

/// <summary>
/// Seeds of one setting run through the experiments library's runner, two at a time, each keeping only
/// its region rows; the bands are recomputed from the finished runs, by seed order, whenever they are
/// asked for, so the page watches the median and band form as runs finish, and the figures never depend
/// on the order in which runs finish.
/// </summary>
public sealed class LiveEnsemble : IAsyncDisposable
{
    private readonly SortedDictionary<ulong, MetricsRow[]> _finished = [];
    private readonly CancellationTokenSource _life = new();
    private readonly Task _running;
    private string? _error;

    /// <summary>Starts running <paramref name="plan"/> over <paramref name="seeds"/>.</summary>
    public LiveEnsemble(string id, string session, RunPlan plan, IReadOnlyList<ulong> seeds, ISimulationEngine engine)
    {
        (Id, Session, Plan, Seeds) = (id, session, plan, seeds);
        var experiment = Experiment.Seeds(plan.Scenario, seeds);
        var collector = Collect.Finished((member, rows) =>
        {
            lock (_finished) _finished[member.Seed] = [.. rows.Where(r => r.Cluster == MetricsRow.RegionIndex)];
        });
        _running = Task.Run(async () =>
        {
            try { await new ExperimentRunner(engine, parallelism: 2).RunAsync(experiment, collector, _life.Token); }
            catch (OperationCanceledException) when (_life.IsCancellationRequested) { }
            catch (Exception e) { _error = e.GetBaseException().Message; }
        });
    }

    /// <summary>Its id.</summary>
    public string Id { get; }
    /// <summary>The session that owns it.</summary>
    public string Session { get; }
    /// <summary>The setting every run has.</summary>
    public RunPlan Plan { get; }
    /// <summary>The seeds.</summary>
    public IReadOnlyList<ulong> Seeds { get; }
    /// <summary>True while runs remain.</summary>
    public bool Running => !_running.IsCompleted;

    /// <summary>The ensemble now.</summary>
    public EnsembleView View()
    {
        int done;
        lock (_finished) done = _finished.Count;
        string status = _error is not null ? "failed" : _running.IsCompleted ? "finished" : "running";
        return new EnsembleView(Id, Plan.Scenario.Name, Seeds, done, Plan.Scenario.World.Ticks, Plan.Levers,
            SeedEvidence.LegendBand(done, "runs", "run"), status, _error);
    }

    /// <summary>The bands over the runs finished so far, quarter by quarter (none before the first run finishes).</summary>
    public IReadOnlyList<BandQuarter> Bands()
    {
        MetricsRow[][] runs;
        lock (_finished) runs = [.. _finished.Values];
        if (runs.Length == 0) return [];
        var world = Plan.Scenario.World;
        var columns = MetricColumns.All;
        var quarters = new List<BandQuarter>(world.Ticks);
        for (int t = 0; t < runs.Min(r => r.Length); t++)
        {
            var bands = columns.Select(c => Band.Of([.. runs.Select(r => r[t][c])])).ToArray();
            quarters.Add(new BandQuarter(t, world.PeriodOf(t).ToString(), [.. bands.Select(b => b.P05)], [.. bands.Select(b => b.Median)], [.. bands.Select(b => b.P95)]));
        }
        return quarters;
    }

    /// <summary>Stops the runs still going.</summary>
    public async ValueTask DisposeAsync()
    {
        _life.Cancel();
        await _running;
    }
}
