using EcoSim.Model.Metrics;
using EcoSim.Model.Numerics;
using EcoSim.Model.Phases;
using EcoSim.Model.State;
using EcoSim.Model.World;

namespace EcoSim.Model.Engine;

/// <summary>
/// The tick as a plan of steps, in the innovation chain's order: Fund, Research, Gather, Firms, Finance,
/// Hire, Enter, then Collect the metrics and Snapshot what the next tick reads. Each step is one function
/// here that takes the data it needs and returns what it made; an engine decides only where each step
/// runs. The reference engine runs them over arrays (<see cref="ReferenceEngine.Step"/>), the Orleans
/// grains each in the grain that holds the state, the benchmarks one at a time, so the tick is written
/// once and every engine gives the same bits.
/// </summary>
public static class TickPlan
{
    /// <summary>Step 1: the policy's budget for the tick, split over clusters and links.</summary>
    public static BudgetAllocation Fund(WorldSpec spec, WorldConstants constants, int tick) =>
        PolicyPhase.Allocate(spec, constants.ClusterKeys, tick);

    /// <summary>Step 2, what a cluster's labs read: its budget, its researchers and last tick's opportunity.</summary>
    public static LabInputs ResearchInputs(WorldSpec spec, BudgetAllocation budget, int cluster, int tick, TalentPoolState talent, RegionSnapshot previous) =>
        LabInputs.For(spec, budget, cluster, tick, talent, previous.Opportunity[cluster]);

    /// <summary>Step 2: one lab researches, and its report is added to its cluster's <paramref name="report"/>.</summary>
    public static void Research(ref LabState lab, WorldSpec spec, int tick, LabInputs inputs, LabReport report) =>
        report.Sums.Merge(ResearchPhase.Step(ref lab, spec, tick, inputs).Sums);

    /// <summary>Step 3: a cluster gathers its labs' output into the signals its firms act on.</summary>
    public static (ClusterSignals Signals, ClusterState State) Gather(WorldSpec spec, WorldConstants constants, int tick,
        ClusterState state, BudgetAllocation budget, LabReport labs, TalentPoolState talent, RegionSnapshot previous) =>
        ClusterPhase.Gather(spec, constants, tick, state, budget, labs, talent, previous);

    /// <summary>
    /// Step 4: a shard of firms does R&amp;D, draws innovations, competes and exits; with certification on, its firms
    /// are then reviewed for certification (<see cref="CertificationPhase"/>) and the report counts the certified.
    /// First the firms that exited in earlier ticks leave the live slots (<see cref="FirmShard.Compact(int, ExitRetention)"/>),
    /// here and nowhere else, so every engine, silo count and shard size steps the same live firms: a firm's draws are
    /// keyed by its index, not its slot, so compaction moves no bit, and the step's work follows the live firms, not
    /// every firm that ever entered. The exited firms are kept apart only as long as <paramref name="exits"/> says (until
    /// the census that reports them; by default every one), a rule of the ticks alone, so every engine keeps the same ones.
    /// </summary>
    public static FirmReport Firms(FirmShard shard, ClusterSignals signals, WorldSpec spec, ExitRetention? exits = null)
    {
        shard.Compact(signals.Tick, exits ?? ExitRetention.Every);
        var report = FirmPhase.Step(shard, signals, spec);
        if (spec.Certification) report.Sums.AddCount(FirmSums.Certified, CertificationPhase.Review(shard, signals, spec));
        return report;
    }

    /// <summary>Step 5: one fund screens and invests.</summary>
    public static FundReport Finance(FundState fund, WorldSpec spec, WorldConstants constants, int tick, BudgetAllocation budget, RegionSnapshot previous) =>
        FinancePhase.Invest(fund, spec, constants, tick, budget, previous);

    /// <summary>Step 5, the funds' reports merged (exactly, so their order does not matter).</summary>
    public static FundReport Merge(int clusters, IEnumerable<FundReport> funds)
    {
        var merged = new FundReport(new SumVector(FundSums.Count(clusters)));
        foreach (var fund in funds) merged.Sums.Merge(fund.Sums);
        return merged;
    }

    /// <summary>Step 6, the researchers a cluster's firms and labs ask for.</summary>
    public static double ResearcherDemand(FirmReport firms, LabReport labs) =>
        firms.Sums[FirmSums.ResearcherDemand] + labs.Sums[LabSums.ResearcherDemand];

    /// <summary>Step 6: a cluster's researcher market clears.</summary>
    public static TalentPoolState Hire(TalentPoolState pool, WorldSpec spec, int tick, double demand, BudgetAllocation budget, RegionSnapshot previous) =>
        TalentPhase.Clear(pool, spec, tick, demand, budget, previous);

    /// <summary>
    /// Step 7: a cluster's entrants (its labs' spin-offs, the funds' deals in it, spontaneous entry) and its
    /// state after them. The caller places the entrants in its firm shards.
    /// </summary>
    public static (EntrantBatch Entrants, ClusterState State) Enter(WorldSpec spec, int tick, ClusterSignals signals, ClusterState state,
        LabReport labs, FirmReport firms, FundReport funds)
    {
        var entrants = EntryPhase.Plan(spec, tick, signals, state, (int)labs.Sums[LabSums.SpinOffs], (int)funds.Sums[FundSums.Deals(state.Cluster)]);
        return (entrants, ClusterPhase.Close(state, firms, entrants));
    }

    /// <summary>
    /// Collect, after every step of the tick: one metrics row per cluster, in index order, then the region's,
    /// from the reports the steps returned.
    /// </summary>
    public static TickOutcome Collect(WorldSpec spec, WorldConstants constants, int tick, IReadOnlyList<ClusterTick> clusters)
    {
        var outcomes = new ClusterOutcome[clusters.Count];
        for (int c = 0; c < outcomes.Length; c++) outcomes[c] = MetricsPhase.ClusterRow(spec, constants, tick, clusters[c]);
        var rows = new List<MetricsRow>(outcomes.Length + 1);
        rows.AddRange(outcomes.Select(o => o.Row));
        rows.Add(MetricsPhase.RegionRow(spec, tick, outcomes));
        return new TickOutcome(tick, rows);
    }

    /// <summary>What entities of one cluster read about the others next tick, from this tick's results.</summary>
    public static RegionSnapshot Snapshot(IReadOnlyList<ClusterState> clusters, IReadOnlyList<ClusterSignals> signals, IReadOnlyList<TalentPoolState> talent) =>
        InitialRegion.Next(clusters, signals, talent);
}
