using EcoSim.Model.Engine;
using EcoSim.Model.Metrics;
using EcoSim.Model.Phases;
using EcoSim.Model.State;
using EcoSim.Model.World;

namespace EcoSim.Bench;

/// <summary>
/// A whole region stepped through <see cref="TickPlan"/> as <see cref="ReferenceEngine"/> steps it, keeping the
/// inputs and outputs of every step of the last tick so that each submodel can be timed alone on real
/// inputs. <see cref="CheckAgainstReference"/> proves the copy still matches the engine.
/// </summary>
internal sealed class RegionAtTick
{
    private RegionAtTick(WorldSpec spec)
    {
        Spec = spec;
        Constants = WorldConstants.Derive(spec);
        var start = RegionStart.Of(spec, Constants);
        (Firms, Clusters, Talent, Labs, Funds, Snapshot) = (start.Firms, start.Clusters, start.Talent, start.Labs, start.Funds, start.Snapshot);
    }

    public WorldSpec Spec { get; }
    public WorldConstants Constants { get; }
    public FirmShard[] Firms { get; }
    public ClusterState[] Clusters { get; }
    public LabState[] Labs { get; }
    public FundState[] Funds { get; }
    public TalentPoolState[] Talent { get; private set; }
    public RegionSnapshot Snapshot { get; private set; }
    public int NextTick { get; private set; }

    /// <summary>What the last tick's phases saw and produced.</summary>
    public LastTick Last { get; private set; } = null!;

    /// <summary>A fresh region at tick 0, then <paramref name="ticks"/> ticks stepped.</summary>
    public static RegionAtTick After(WorldSpec spec, int ticks)
    {
        var region = new RegionAtTick(spec);
        for (int t = 0; t < ticks; t++) region.Step();
        return region;
    }

    /// <summary>Throws unless the reference engine gives the same rows for the ticks stepped so far.</summary>
    public void CheckAgainstReference()
    {
        var engine = new ReferenceEngine(Spec);
        var fresh = new RegionAtTick(Spec);
        for (int t = 0; t < NextTick; t++)
            if (!engine.Step().Rows.SequenceEqual(fresh.Step()))
                throw new InvalidOperationException($"the benchmark's copy of the tick differs from the reference engine at tick {t}; update {nameof(RegionAtTick)}");
    }

    /// <summary>One tick, step by step through <see cref="TickPlan"/> in the reference engine's order, keeping what each step saw and made.</summary>
    public IReadOnlyList<MetricsRow> Step()
    {
        int t = NextTick, n = Spec.ClusterCount;
        var last = new LastTick
        {
            Tick = t,
            Budget = TickPlan.Fund(Spec, Constants, t),
            LabsBefore = (LabState[])Labs.Clone(),
            ClustersBefore = (ClusterState[])Clusters.Clone(),
            TalentBefore = Talent,
            SnapshotBefore = Snapshot,
        };
        last.LabInputs = [.. Enumerable.Range(0, n).Select(c => TickPlan.ResearchInputs(Spec, last.Budget, c, t, Talent[c], Snapshot))];

        last.LabReports = [.. Enumerable.Range(0, n).Select(LabReport.Empty)];
        for (int l = 0; l < Labs.Length; l++)
            TickPlan.Research(ref Labs[l], Spec, t, last.LabInputs[Labs[l].Cluster], last.LabReports[Labs[l].Cluster]);

        last.Signals = new ClusterSignals[n];
        for (int c = 0; c < n; c++)
            (last.Signals[c], Clusters[c]) = TickPlan.Gather(Spec, Constants, t, Clusters[c], last.Budget, last.LabReports[c], Talent[c], Snapshot);
        last.ClustersGathered = (ClusterState[])Clusters.Clone();

        last.FirmReports = new FirmReport[n];
        for (int c = 0; c < n; c++) last.FirmReports[c] = TickPlan.Firms(Firms[c], last.Signals[c], Spec);

        last.Funds = TickPlan.Merge(n, Funds.Select(fund => TickPlan.Finance(fund, Spec, Constants, t, last.Budget, Snapshot)));

        last.ResearcherDemand = new double[n];
        var talent = new TalentPoolState[n];
        for (int c = 0; c < n; c++)
        {
            last.ResearcherDemand[c] = TickPlan.ResearcherDemand(last.FirmReports[c], last.LabReports[c]);
            talent[c] = TickPlan.Hire(Talent[c], Spec, t, last.ResearcherDemand[c], last.Budget, Snapshot);
        }
        Talent = talent;

        last.Entrants = new EntrantBatch[n];
        for (int c = 0; c < n; c++)
        {
            (last.Entrants[c], Clusters[c]) = TickPlan.Enter(Spec, t, last.Signals[c], Clusters[c], last.LabReports[c], last.FirmReports[c], last.Funds);
            foreach (var firm in last.Entrants[c].Firms) Firms[c].Append(firm);
        }
        last.ClustersClosed = (ClusterState[])Clusters.Clone();

        last.Collected = [.. Enumerable.Range(0, n).Select(c =>
            new ClusterTick(last.Budget, last.LabReports[c], Clusters[c], last.FirmReports[c], last.Entrants[c].Summary, last.Funds, Talent[c]))];
        last.Rows = TickPlan.Collect(Spec, Constants, t, last.Collected).Rows;
        Snapshot = TickPlan.Snapshot(Clusters, last.Signals, Talent);
        NextTick++;
        Last = last;
        return last.Rows;
    }
}

/// <summary>The inputs and outputs of each phase of one tick of a <see cref="RegionAtTick"/>.</summary>
internal sealed class LastTick
{
    public required int Tick { get; init; }
    public required BudgetAllocation Budget { get; init; }
    public required LabState[] LabsBefore { get; init; }
    public required ClusterState[] ClustersBefore { get; init; }
    public required TalentPoolState[] TalentBefore { get; init; }
    public required RegionSnapshot SnapshotBefore { get; init; }
    public LabInputs[] LabInputs { get; set; } = [];
    public LabReport[] LabReports { get; set; } = [];
    public ClusterSignals[] Signals { get; set; } = [];
    public ClusterState[] ClustersGathered { get; set; } = [];
    public FirmReport[] FirmReports { get; set; } = [];
    public FundReport Funds { get; set; } = null!;
    public double[] ResearcherDemand { get; set; } = [];
    public EntrantBatch[] Entrants { get; set; } = [];
    public ClusterState[] ClustersClosed { get; set; } = [];
    public ClusterTick[] Collected { get; set; } = [];
    public IReadOnlyList<MetricsRow> Rows { get; set; } = [];
}
