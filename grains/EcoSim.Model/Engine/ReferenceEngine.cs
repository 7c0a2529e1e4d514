using EcoSim.Model.Inspection;
using EcoSim.Model.Metrics;
using EcoSim.Model.Phases;
using EcoSim.Model.Snapshots;
using EcoSim.Model.State;
using EcoSim.Model.World;

namespace EcoSim.Model.Engine;

/// <summary>
/// The reference engine: one thread, plain arrays, the phases of a tick in order. It is the oracle
/// the Orleans engine must match bit for bit, and the yardstick of its speed.
/// </summary>
public sealed class ReferenceEngine
{
    private readonly WorldSpec _spec;
    private readonly WorldConstants _constants;
    private readonly FirmShard[] _firms;
    private readonly ClusterState[] _clusters;
    private readonly LabState[] _labs;
    private readonly FundState[] _funds;
    private readonly TalentPoolState[] _talent;
    private readonly ExitRetention _exits;
    private RegionSnapshot _snapshot;
    private int _tick;

    /// <summary>
    /// Builds the tick-0 state of a world, for a run that keeps exited firms as <paramref name="exits"/> says (by default
    /// every one, so that any firm ever entered can be inspected or censused).
    /// </summary>
    public ReferenceEngine(WorldSpec spec, ExitRetention? exits = null)
    {
        _spec = spec;
        _constants = WorldConstants.Derive(spec);
        _exits = exits ?? ExitRetention.Every;
        var start = RegionStart.Of(spec, _constants);
        (_firms, _clusters, _talent, _labs, _funds, _snapshot) = (start.Firms, start.Clusters, start.Talent, start.Labs, start.Funds, start.Snapshot);
    }

    private ReferenceEngine(WorldSpec spec, RunState state, ExitRetention exits)
    {
        _spec = spec;
        _constants = WorldConstants.Derive(spec);
        _exits = exits;
        (_tick, _firms, _clusters, _talent, _labs, _funds, _snapshot) = (state.Tick, state.Firms, state.Clusters, state.Talent, state.Labs, state.Funds, state.Region);
    }

    /// <summary>
    /// An engine that continues a snapshot under <paramref name="spec"/>: the snapshot's own world, or a fork of
    /// it that changes only what acts from the snapshot's quarter on.
    /// </summary>
    /// <exception cref="SnapshotException">The snapshot is truncated, changed, of another version or missing a part.</exception>
    /// <exception cref="SnapshotMismatchException"><paramref name="spec"/> differs from the snapshot's world before its quarter.</exception>
    public static ReferenceEngine Resume(WorldSpec spec, Stream snapshot, ExitRetention? exits = null) => From(spec, RunSnapshot.Read(snapshot, spec).State, exits);

    /// <summary>
    /// An engine that continues from <paramref name="state"/> (read from a snapshot checked against <paramref name="spec"/>); it
    /// takes the state as its own. The exited firms the state holds are treated as exits of the tick before it, so the first
    /// step keeps them or lets them go by <paramref name="exits"/> (by default every exit is kept).
    /// </summary>
    public static ReferenceEngine From(WorldSpec spec, RunState state, ExitRetention? exits = null) => new(spec, state, exits ?? ExitRetention.Every);

    /// <summary>The state the next tick reads (the engine's own, not a copy).</summary>
    public RunState State => new(_tick, _firms, _clusters, _talent, _labs, _funds, _snapshot);

    /// <summary>
    /// Writes the state after <see cref="Tick"/> ticks as a snapshot, with the run's <paramref name="scenario"/> and
    /// the metrics rows of the ticks done (<paramref name="history"/>, which a resumed run's output begins with).
    /// </summary>
    public void WriteSnapshot(Stream destination, ScenarioIdentity scenario, IReadOnlyList<MetricsRow> history) =>
        RunSnapshot.Write(destination, SnapshotWorld.Of(scenario, _spec, _tick, _labs.Length, _funds.Length), history, State);

    /// <summary>The next tick to run.</summary>
    public int Tick => _tick;

    /// <summary>The firms of a cluster (for inspection and tests).</summary>
    public FirmShard FirmsOf(int cluster) => _firms[cluster];

    /// <summary>The state of one agent now (after <see cref="Tick"/> ticks).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The run has no such agent; the message names the allowed range.</exception>
    public EntityState Inspect(EntityRef entity)
    {
        EntityBounds.Check(entity, _spec, _constants);
        string ClusterName(int c) => _spec.Clusters[c].Name;
        switch (entity.Kind)
        {
            case EntityKind.Firm:
                var firms = _firms[entity.Cluster];
                var firm = firms.Find(entity.Index) ?? throw EntityBounds.NoSuchFirm(entity, firms.NextIndex);
                return EntityDescriptions.Firm(entity, _tick, firm, ClusterName(entity.Cluster));
            case EntityKind.Lab:
                var lab = _labs[entity.Index];
                return EntityDescriptions.Lab(_tick, lab, ClusterName(lab.Cluster));
            case EntityKind.Fund:
                return EntityDescriptions.Fund(_tick, _funds[entity.Index], [.. _spec.Clusters.Select(c => c.Name)]);
            default:
                return EntityDescriptions.TalentPool(_tick, _talent[entity.Cluster], ClusterName(entity.Cluster));
        }
    }

    /// <summary>Runs every remaining tick.</summary>
    public IEnumerable<TickOutcome> Run(CancellationToken cancellation = default)
    {
        while (_tick < _spec.Ticks)
        {
            cancellation.ThrowIfCancellationRequested();
            yield return Step();
        }
    }

    /// <summary>Runs one tick: the steps of <see cref="TickPlan"/> in order, each over every cluster, lab, shard or fund.</summary>
    public TickOutcome Step()
    {
        int t = _tick, n = _spec.ClusterCount;
        var budget = TickPlan.Fund(_spec, _constants, t);

        var labs = Enumerable.Range(0, n).Select(LabReport.Empty).ToArray();
        var inputs = Enumerable.Range(0, n).Select(c => TickPlan.ResearchInputs(_spec, budget, c, t, _talent[c], _snapshot)).ToArray();
        for (int l = 0; l < _labs.Length; l++)
            TickPlan.Research(ref _labs[l], _spec, t, inputs[_labs[l].Cluster], labs[_labs[l].Cluster]);

        var signals = new ClusterSignals[n];
        for (int c = 0; c < n; c++)
            (signals[c], _clusters[c]) = TickPlan.Gather(_spec, _constants, t, _clusters[c], budget, labs[c], _talent[c], _snapshot);

        var firms = new FirmReport[n];
        for (int c = 0; c < n; c++) firms[c] = TickPlan.Firms(_firms[c], signals[c], _spec, _exits);

        var funds = TickPlan.Merge(n, _funds.Select(fund => TickPlan.Finance(fund, _spec, _constants, t, budget, _snapshot)));

        for (int c = 0; c < n; c++)
            _talent[c] = TickPlan.Hire(_talent[c], _spec, t, TickPlan.ResearcherDemand(firms[c], labs[c]), budget, _snapshot);

        var entrants = new EntrantSummary[n];
        for (int c = 0; c < n; c++)
        {
            (var batch, _clusters[c]) = TickPlan.Enter(_spec, t, signals[c], _clusters[c], labs[c], firms[c], funds);
            for (int k = 0; k < batch.Firms.Count; k++) _firms[c].Append(batch.Firms[k], batch.FirstIndex + k);
            entrants[c] = batch.Summary;
        }

        var outcome = TickPlan.Collect(_spec, _constants, t,
            [.. Enumerable.Range(0, n).Select(c => new ClusterTick(budget, labs[c], _clusters[c], firms[c], entrants[c], funds, _talent[c]))]);
        _snapshot = TickPlan.Snapshot(_clusters, signals, _talent);
        _tick++;
        return outcome;
    }
}
