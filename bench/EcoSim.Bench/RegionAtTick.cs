using EcoSim.Model.Engine;
using EcoSim.Model.Metrics;
using EcoSim.Model.Numerics;
using EcoSim.Model.Phases;
using EcoSim.Model.State;
using EcoSim.Model.World;

namespace EcoSim.Bench;

/// <summary>
/// A whole region stepped phase by phase exactly as <see cref="ReferenceEngine"/> steps it, keeping the
/// inputs and outputs of every phase of the last tick so that each submodel can be timed alone on real
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

    /// <summary>One tick, phase by phase, in the reference engine's order.</summary>
    public IReadOnlyList<MetricsRow> Step()
    {
        int t = NextTick, n = Spec.ClusterCount;
        var last = new LastTick
        {
            Tick = t,
            Budget = PolicyPhase.Allocate(Spec, Constants.ClusterKeys, t),
            LabsBefore = (LabState[])Labs.Clone(),
            ClustersBefore = (ClusterState[])Clusters.Clone(),
            TalentBefore = Talent,
            SnapshotBefore = Snapshot,
        };
        last.LabInputs = [.. Enumerable.Range(0, n).Select(c => LabInputs.For(Spec, last.Budget, c, t, Talent[c], Snapshot.Opportunity[c]))];

        last.LabReports = [.. Enumerable.Range(0, n).Select(LabReport.Empty)];
        for (int l = 0; l < Labs.Length; l++)
        {
            int c = Labs[l].Cluster;
            last.LabReports[c].Sums.Merge(ResearchPhase.Step(ref Labs[l], Spec, t, last.LabInputs[c]).Sums);
        }

        last.Signals = new ClusterSignals[n];
        for (int c = 0; c < n; c++)
            (last.Signals[c], Clusters[c]) = ClusterPhase.Gather(Spec, Constants, t, Clusters[c], last.Budget, last.LabReports[c], Talent[c], Snapshot);
        last.ClustersGathered = (ClusterState[])Clusters.Clone();

        last.FirmReports = new FirmReport[n];
        for (int c = 0; c < n; c++) last.FirmReports[c] = FirmPhase.Step(Firms[c], last.Signals[c], Spec);

        last.Funds = new FundReport(new SumVector(FundSums.Count(n)));
        foreach (var fund in Funds) last.Funds.Sums.Merge(FinancePhase.Invest(fund, Spec, Constants, t, last.Budget, Snapshot).Sums);

        last.ResearcherDemand = new double[n];
        var talent = new TalentPoolState[n];
        for (int c = 0; c < n; c++)
        {
            last.ResearcherDemand[c] = last.FirmReports[c].Sums[FirmSums.ResearcherDemand] + last.LabReports[c].Sums[LabSums.ResearcherDemand];
            talent[c] = TalentPhase.Clear(Talent[c], Spec, t, last.ResearcherDemand[c], last.Budget, Snapshot);
        }
        Talent = talent;

        last.Entrants = new EntrantBatch[n];
        last.Outcomes = new ClusterOutcome[n];
        for (int c = 0; c < n; c++)
        {
            last.Entrants[c] = EntryPhase.Plan(Spec, t, last.Signals[c], Clusters[c], (int)last.LabReports[c].Sums[LabSums.SpinOffs], (int)last.Funds.Sums[FundSums.Deals(c)]);
            foreach (var firm in last.Entrants[c].Firms) Firms[c].Append(firm);
            Clusters[c] = ClusterPhase.Close(Clusters[c], last.FirmReports[c], last.Entrants[c]);
            last.Outcomes[c] = MetricsPhase.ClusterRow(Spec, Constants, t, new ClusterTick(last.Budget, last.LabReports[c], Clusters[c], last.FirmReports[c], last.Entrants[c], last.Funds, Talent[c]));
        }
        last.ClustersClosed = (ClusterState[])Clusters.Clone();

        Snapshot = InitialRegion.Next(Clusters, last.Signals, Talent);
        NextTick++;
        Last = last;
        var rows = new List<MetricsRow>(n + 1);
        rows.AddRange(last.Outcomes.Select(o => o.Row));
        rows.Add(MetricsPhase.RegionRow(Spec, t, last.Outcomes));
        return rows;
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
    public ClusterOutcome[] Outcomes { get; set; } = [];
    public ClusterState[] ClustersClosed { get; set; } = [];
}
