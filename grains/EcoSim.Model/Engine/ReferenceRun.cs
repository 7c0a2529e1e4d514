using EcoSim.Model.Metrics;
using EcoSim.Model.Snapshots;
using EcoSim.Model.State;
using EcoSim.Model.World;

namespace EcoSim.Model.Engine;

/// <summary>
/// One run on the reference engine as a driver sees it: the engine, built at tick 0 or from a snapshot, the metrics
/// rows so far when checkpoints need them, the firms after the last tick, a census of every firm, and a checkpoint of
/// the state. The reference engine in the client's process and the whole-run grain of an ensemble on Orleans drive
/// runs the same way; this is the one place that says how, so that both give the same bytes.
/// </summary>
public sealed class ReferenceRun
{
    private readonly WorldSpec _world;
    private readonly List<MetricsRow>? _history;

    /// <summary>
    /// A run of <paramref name="world"/> from tick 0, or from <paramref name="start"/> (read and checked against the
    /// world), keeping exits as <paramref name="exits"/> says and the rows so far when <paramref name="keepHistory"/>
    /// (a run that writes checkpoints: every checkpoint carries them).
    /// </summary>
    public ReferenceRun(WorldSpec world, LoadedSnapshot? start, ExitRetention exits, bool keepHistory)
    {
        _world = world;
        Engine = start is null ? new ReferenceEngine(world, exits) : ReferenceEngine.From(world, start.State, exits);
        _history = keepHistory ? [.. start?.History ?? []] : null;
        Firms = start?.History is { Count: > 0 } rows ? rows[^1][MetricColumns.Firms] : world.Firms;
    }

    /// <summary>The engine (its state is the run's own, not a copy).</summary>
    public ReferenceEngine Engine { get; }

    /// <summary>The next tick to run.</summary>
    public int Tick => Engine.Tick;

    /// <summary>The run's ticks in all (the world's).</summary>
    public int Ticks => _world.Ticks;

    /// <summary>Firms alive after the last tick (the world's firms before the first): what telemetry counts a tick's work by.</summary>
    public double Firms { get; private set; }

    /// <summary>The metrics rows of every tick so far, or null when the run keeps none.</summary>
    public IReadOnlyList<MetricsRow>? History => _history;

    /// <summary>Runs the next tick.</summary>
    public TickOutcome Step()
    {
        var outcome = Engine.Step();
        Firms = outcome.Rows[^1][MetricColumns.Firms];
        _history?.AddRange(outcome.Rows);
        return outcome;
    }

    /// <summary>Every firm now (live firms and the exits still kept), one set of columns per cluster in index order.</summary>
    public IReadOnlyList<FirmColumns> Census() => [.. Enumerable.Range(0, _world.ClusterCount).Select(c => FirmColumns.Of(Engine.FirmsOf(c)))];

    /// <summary>
    /// A checkpoint of the state now, recording <paramref name="scenario"/> and the rows so far: copied out of the engine
    /// when the state holds at most <paramref name="copiedFirmsLimit"/> firm slots (<paramref name="copied"/> true; the
    /// engine may step while it is written), else taken in place (the engine may not step until it is written).
    /// </summary>
    /// <exception cref="InvalidOperationException">The run keeps no history.</exception>
    public CapturedSnapshot Capture(ScenarioIdentity scenario, long copiedFirmsLimit, out bool copied)
    {
        var history = _history ?? throw new InvalidOperationException("a run that writes checkpoints keeps its history");
        var state = Engine.State;
        var world = SnapshotWorld.Of(scenario, _world, Engine.Tick, state.Labs.Length, state.Funds.Length);
        long firms = 0;
        foreach (var shard in state.Firms) firms += shard.Count + shard.ExitedCount;
        copied = firms <= copiedFirmsLimit;
        return copied ? new SnapshotCapture().Take(world, history, state) : new SnapshotCapture().TakeInPlace(world, history, state);
    }
}
