using EcoSim.Model.Inspection;
using EcoSim.Model.Metrics;
using EcoSim.Model.Phases;
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
    private RegionSnapshot _snapshot;
    private int _tick;

    /// <summary>Builds the tick-0 state of a world.</summary>
    public ReferenceEngine(WorldSpec spec)
    {
        _spec = spec;
        _constants = WorldConstants.Derive(spec);
        var start = RegionStart.Of(spec, _constants);
        (_firms, _clusters, _talent, _labs, _funds, _snapshot) = (start.Firms, start.Clusters, start.Talent, start.Labs, start.Funds, start.Snapshot);
    }

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
                if (entity.Index >= firms.Count) throw EntityBounds.NoSuchFirm(entity, firms.Count);
                return EntityDescriptions.Firm(entity, _tick, firms.Read((int)entity.Index), ClusterName(entity.Cluster));
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

    /// <summary>Runs one tick: policy, research, gather, firms, finance, talent, entry, metrics.</summary>
    public TickOutcome Step()
    {
        int t = _tick, n = _spec.ClusterCount;
        var budget = PolicyPhase.Allocate(_spec, _constants.ClusterKeys, t);

        var labReports = Enumerable.Range(0, n).Select(LabReport.Empty).ToArray();
        for (int l = 0; l < _labs.Length; l++)
        {
            int c = _labs[l].Cluster;
            var inputs = LabInputs.For(_spec, budget, c, t, _talent[c], _snapshot.Opportunity[c]);
            labReports[c].Sums.Merge(ResearchPhase.Step(ref _labs[l], _spec, t, inputs).Sums);
        }

        var signals = new ClusterSignals[n];
        for (int c = 0; c < n; c++)
            (signals[c], _clusters[c]) = ClusterPhase.Gather(_spec, _constants, t, _clusters[c], budget, labReports[c], _talent[c], _snapshot);

        var firmReports = new FirmReport[n];
        for (int c = 0; c < n; c++) firmReports[c] = FirmPhase.Step(_firms[c], signals[c], _spec);

        var funds = new FundReport(new Numerics.SumVector(FundSums.Count(n)));
        foreach (var fund in _funds) funds.Sums.Merge(FinancePhase.Invest(fund, _spec, _constants, t, budget, _snapshot).Sums);

        for (int c = 0; c < n; c++)
        {
            double demand = firmReports[c].Sums[FirmSums.ResearcherDemand] + labReports[c].Sums[LabSums.ResearcherDemand];
            _talent[c] = TalentPhase.Clear(_talent[c], _spec, t, demand, budget, _snapshot);
        }

        var outcomes = new ClusterOutcome[n];
        for (int c = 0; c < n; c++)
        {
            var entrants = EntryPhase.Plan(_spec, t, signals[c], _clusters[c], (int)labReports[c].Sums[LabSums.SpinOffs], (int)funds.Sums[FundSums.Deals(c)]);
            foreach (var firm in entrants.Firms) _firms[c].Append(firm);
            _clusters[c] = ClusterPhase.Close(_clusters[c], firmReports[c], entrants);
            outcomes[c] = MetricsPhase.ClusterRow(_spec, _constants, t, new ClusterTick(budget, labReports[c], _clusters[c], firmReports[c], entrants, funds, _talent[c]));
        }

        _snapshot = InitialRegion.Next(_clusters, signals, _talent);
        _tick++;
        var rows = new List<MetricsRow>(n + 1);
        rows.AddRange(outcomes.Select(o => o.Row));
        rows.Add(MetricsPhase.RegionRow(_spec, t, outcomes));
        return new TickOutcome(t, rows);
    }
}
