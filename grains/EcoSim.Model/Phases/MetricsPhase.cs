using EcoSim.Model.Mechanisms;
using EcoSim.Model.Metrics;
using EcoSim.Model.Numerics;
using EcoSim.Model.State;
using EcoSim.Model.World;

namespace EcoSim.Model.Phases;

/// <summary>Everything a cluster produced in one tick, from which its metrics row is built.</summary>
/// <param name="Budget">The tick's budget allocation.</param>
/// <param name="Labs">The cluster's labs' report.</param>
/// <param name="State">The cluster's state after entry.</param>
/// <param name="Firms">The cluster's firms' merged report.</param>
/// <param name="Entrants">The tick's entrants.</param>
/// <param name="Funds">All funds' merged report.</param>
/// <param name="Talent">The cluster's talent pool after clearing.</param>
public sealed record ClusterTick(BudgetAllocation Budget, LabReport Labs, ClusterState State, FirmReport Firms, EntrantBatch Entrants, FundReport Funds, TalentPoolState Talent);

/// <summary>A cluster's metrics row with the firm sums the region row pools.</summary>
/// <param name="Row">The row.</param>
/// <param name="FirmSums">The cluster's firm sums, entrants included.</param>
public sealed record ClusterOutcome(MetricsRow Row, SumVector FirmSums);

/// <summary>The last step of a tick: metrics rows for every cluster and for the region.</summary>
public static class MetricsPhase
{
    /// <summary>The row of one cluster; its budget is the region's level times the cluster's key, and its basic share the rule's.</summary>
    public static ClusterOutcome ClusterRow(WorldSpec spec, WorldConstants constants, int tick, ClusterTick t)
    {
        var p = spec.ParametersAt(tick);
        int c = t.State.Cluster;
        var period = spec.PeriodOf(tick);
        var firmSums = new SumVector(FirmSums.Count);
        firmSums.Merge(t.Firms.Sums);
        firmSums.Merge(t.Entrants.Sums);
        var level = PolicyPhase.Level(spec, tick);
        double budget = level.Total * constants.ClusterKeys[c];
        double firms = firmSums[FirmSums.Alive];
        double meanLog = firms > 0 ? firmSums[FirmSums.LogProductivity] / firms : 0;
        double facilities = FacilityRules.ConstructionSpending(spec, c, tick, t.Budget.For(c, Link.Basic));
        var row = new MetricsRow
        {
            Tick = tick,
            Period = period.ToString(),
            Time = period.DecimalYear,
            Cluster = c,
            ClusterId = spec.Clusters[c].Id,
            PublicBudget = budget,
            BudgetBasic = t.Budget.For(c, Link.Basic),
            BudgetApplied = t.Budget.For(c, Link.Applied),
            BudgetTransformation = t.Budget.For(c, Link.Transformation),
            BudgetFinance = t.Budget.For(c, Link.Finance),
            BudgetTalent = t.Budget.For(c, Link.Talent),
            BasicShare = budget > 0 ? level.Shares[(int)Link.Basic] : 0,
            FirmRd = t.Firms.Sums[FirmSums.Rd],
            TotalRd = t.Firms.Sums[FirmSums.Rd] + t.Labs.Sums[LabSums.Spending] + facilities,
            FacilitySpending = facilities,
            PipelineCandidates = t.State.Pipeline.Sum(),
            Approvals = t.State.Approvals,
            KnowledgeStock = Index(t.Labs.Sums[LabSums.Knowledge], constants.KnowledgeIndexBase),
            AvailableKnowledge = Index(t.State.LagStages[^1], constants.KnowledgeIndexBase),
            Breakthroughs = t.Labs.Sums[LabSums.Breakthroughs],
            Innovations = t.Firms.Sums[FirmSums.Innovations],
            Imitations = t.Firms.Sums[FirmSums.Imitations],
            Adoptions = t.Firms.Sums[FirmSums.Adoptions],
            AdoptionShare = t.State.AdopterShare,
            SpinOffs = t.Labs.Sums[LabSums.SpinOffs],
            Firms = firms,
            Births = t.Entrants.Firms.Count,
            Deaths = t.Firms.Sums[FirmSums.Deaths],
            VentureInvestment = t.Funds.Sums[FundSums.Investment(c)] / WorldSpec.Dt,
            Researchers = t.Talent.Researchers,
            Wage = t.Talent.Wage,
            ValueAdded = t.Firms.Sums[FirmSums.Revenue] * p.ValueAddedShare,
            Productivity = t.State.MeanProductivity / t.State.BaseMeanProductivity,
            ProductivityDispersion = firms > 0 ? Math.Sqrt(Math.Max(0, firmSums[FirmSums.LogProductivitySquared] / firms - meanLog * meanLog)) : 0,
        };
        return new ClusterOutcome(row, firmSums);
    }

    /// <summary>
    /// The region row: totals of the clusters, wages weighted by researchers, productivity by value
    /// added, and the budget columns from the policy rule itself (<see cref="PolicyPhase.Level"/>),
    /// not summed from the clusters' amounts.
    /// </summary>
    public static MetricsRow RegionRow(WorldSpec spec, int tick, IReadOnlyList<ClusterOutcome> clusters)
    {
        var period = spec.PeriodOf(tick);
        var pooled = new SumVector(FirmSums.Count);
        var totals = new SumVector(MetricColumns.All.Count);
        ExactSum wageBill = default, productivityByValue = default;
        foreach (var outcome in clusters)
        {
            pooled.Merge(outcome.FirmSums);
            for (int k = 0; k < MetricColumns.All.Count; k++) totals.Add(k, MetricColumns.All[k].Value(outcome.Row));
            wageBill = wageBill.Add(outcome.Row.Wage * outcome.Row.Researchers);
            productivityByValue = productivityByValue.Add(outcome.Row.Productivity * outcome.Row.ValueAdded);
        }
        double Total(string name) => totals[Index(name)];
        double firms = pooled[FirmSums.Alive];
        double meanLog = firms > 0 ? pooled[FirmSums.LogProductivity] / firms : 0;
        var level = PolicyPhase.Level(spec, tick);
        double budget = level.Total, researchers = Total("researchers"), valueAdded = Total("value_added");
        return new MetricsRow
        {
            Tick = tick,
            Period = period.ToString(),
            Time = period.DecimalYear,
            Cluster = MetricsRow.RegionIndex,
            ClusterId = MetricsRow.RegionId,
            PublicBudget = budget,
            BudgetBasic = level.ByLink[(int)Link.Basic],
            BudgetApplied = level.ByLink[(int)Link.Applied],
            BudgetTransformation = level.ByLink[(int)Link.Transformation],
            BudgetFinance = level.ByLink[(int)Link.Finance],
            BudgetTalent = level.ByLink[(int)Link.Talent],
            BasicShare = budget > 0 ? level.Shares[(int)Link.Basic] : 0,
            FirmRd = Total("firm_rd"),
            TotalRd = Total("total_rd"),
            FacilitySpending = Total("facility_spending"),
            PipelineCandidates = Total("pipeline_candidates"),
            Approvals = Total("approvals"),
            KnowledgeStock = Total("knowledge_stock"),
            AvailableKnowledge = Total("available_knowledge"),
            Breakthroughs = Total("breakthroughs"),
            Innovations = Total("innovations"),
            Imitations = Total("imitations"),
            Adoptions = Total("adoptions"),
            AdoptionShare = firms > 0 ? pooled[FirmSums.OnNewestGeneration] / firms : 0,
            SpinOffs = Total("spin_offs"),
            Firms = firms,
            Births = Total("births"),
            Deaths = Total("deaths"),
            VentureInvestment = Total("venture_investment"),
            Researchers = researchers,
            Wage = researchers > 0 ? wageBill.Value / researchers : 0,
            ValueAdded = valueAdded,
            Productivity = valueAdded > 0 ? productivityByValue.Value / valueAdded : 0,
            ProductivityDispersion = firms > 0 ? Math.Sqrt(Math.Max(0, pooled[FirmSums.LogProductivitySquared] / firms - meanLog * meanLog)) : 0,
        };
    }

    /// <summary>100 * value / base, or 0 when the region started with no basic knowledge.</summary>
    private static double Index(double value, double baseValue) => baseValue > 0 ? 100 * value / baseValue : 0;

    private static int Index(string name)
    {
        for (int k = 0; k < MetricColumns.All.Count; k++) if (MetricColumns.All[k].Name == name) return k;
        throw new KeyNotFoundException(name);
    }
}
