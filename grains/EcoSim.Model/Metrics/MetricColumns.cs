using EcoSim.Model.Numerics;
using EcoSim.Model.Phases;
using EcoSim.Model.World;

namespace EcoSim.Model.Metrics;

/// <summary>
/// The catalogue of metrics: every numeric column of <see cref="MetricsRow"/>, in output order, with its
/// name, title, unit, kind, how the region aggregates it and how a cluster's value is computed. The CSV
/// header, the Parquet schema, the wire form between silos, the region row, the plots' labels and the
/// reports all read this list, so a new metric is one definition here.
/// </summary>
public static class MetricColumns
{
    private const string Money = "bn yuan/yr";
    private const string Share = "share";
    private const string KnowledgeUnit = "index, 2023 region = 100";

    private static readonly List<MetricColumn> Columns = [];

    /// <summary>Public S&amp;T budget spent.</summary>
    public static MetricColumn PublicBudget { get; } = Real("public_budget", "Public S&T budget", Money, x => x.PublicBudget, RegionRule.Whole(r => r.Level.Total));
    /// <summary>Public budget for basic research.</summary>
    public static MetricColumn BudgetBasic { get; } = Real("budget_basic", "Budget: basic research", Money, x => x.Budget(Link.Basic), LinkLevel(Link.Basic));
    /// <summary>Public budget for technology breakthroughs (applied research).</summary>
    public static MetricColumn BudgetApplied { get; } = Real("budget_applied", "Budget: technology breakthroughs", Money, x => x.Budget(Link.Applied), LinkLevel(Link.Applied));
    /// <summary>Public budget for results transformation.</summary>
    public static MetricColumn BudgetTransformation { get; } = Real("budget_transformation", "Budget: results transformation", Money, x => x.Budget(Link.Transformation), LinkLevel(Link.Transformation));
    /// <summary>Public budget for S&amp;T finance (guidance funds).</summary>
    public static MetricColumn BudgetFinance { get; } = Real("budget_finance", "Budget: S&T finance", Money, x => x.Budget(Link.Finance), LinkLevel(Link.Finance));
    /// <summary>Public budget for talent support.</summary>
    public static MetricColumn BudgetTalent { get; } = Real("budget_talent", "Budget: talent support", Money, x => x.Budget(Link.Talent), LinkLevel(Link.Talent));
    /// <summary>Share of the public budget going to basic research (the rule's share, 0 without a budget).</summary>
    public static MetricColumn BasicShare { get; } = Real("basic_share", "Basic-research share of public budget", Share,
        x => x.PublicBudget > 0 ? x.Level.Shares[(int)Link.Basic] : 0, RegionRule.Whole(r => r.Level.Total > 0 ? r.Level.Shares[(int)Link.Basic] : 0));
    /// <summary>R&amp;D performed by firms.</summary>
    public static MetricColumn FirmRd { get; } = Real("firm_rd", "Firm R&D", Money, x => x.Reports.Firms.Sums[FirmSums.Rd]);
    /// <summary>Total R&amp;D: firms, labs' spending and facility construction.</summary>
    public static MetricColumn TotalRd { get; } = Real("total_rd", "Total R&D", Money,
        x => x.Reports.Firms.Sums[FirmSums.Rd] + x.Reports.Labs.Sums[LabSums.Spending] + x.Facilities);
    /// <summary>Basic-knowledge stock held by labs.</summary>
    public static MetricColumn KnowledgeStock { get; } = Real("knowledge_stock", "Basic-knowledge stock", KnowledgeUnit, x => x.KnowledgeIndex(x.Reports.Labs.Sums[LabSums.Knowledge]));
    /// <summary>Basic knowledge that has reached industry through the distributed lag.</summary>
    public static MetricColumn AvailableKnowledge { get; } = Real("available_knowledge", "Knowledge reaching industry", KnowledgeUnit, x => x.KnowledgeIndex(x.Reports.State.LagStages[^1]));
    /// <summary>Construction spending on large science facilities (part of the basic budget).</summary>
    public static MetricColumn FacilitySpending { get; } = Real("facility_spending", "Science-facility construction", Money, x => x.Facilities);
    /// <summary>Technology breakthroughs.</summary>
    public static MetricColumn Breakthroughs { get; } = Count("breakthroughs", "Breakthroughs", perTick: true, x => x.Reports.Labs.Sums[LabSums.Breakthroughs]);
    /// <summary>Candidates in development pipelines at the end of the tick.</summary>
    public static MetricColumn PipelineCandidates { get; } = Count("pipeline_candidates", "Candidates in development", perTick: false, x => x.Reports.State.Pipeline.Sum());
    /// <summary>Candidates approved.</summary>
    public static MetricColumn Approvals { get; } = Count("approvals", "Approvals", perTick: true, x => x.Reports.State.Approvals);
    /// <summary>Successful firm innovations.</summary>
    public static MetricColumn Innovations { get; } = Count("innovations", "Firm innovations", perTick: true, x => x.Reports.Firms.Sums[FirmSums.Innovations]);
    /// <summary>Successful imitations of the cluster's mean practice.</summary>
    public static MetricColumn Imitations { get; } = Count("imitations", "Firm imitations", perTick: true, x => x.Reports.Firms.Sums[FirmSums.Imitations]);
    /// <summary>Firms that moved up to their cluster's newest technology generation.</summary>
    public static MetricColumn Adoptions { get; } = Count("adoptions", "Firm adoptions of the newest technology", perTick: true, x => x.Reports.Firms.Sums[FirmSums.Adoptions]);
    /// <summary>Share of live firms using the cluster's newest technology generation.</summary>
    public static MetricColumn AdoptionShare { get; } = Real("adoption_share", "Firms on newest technology", Share, x => x.Reports.State.AdopterShare,
        RegionRule.Whole(r => r.FirmSums[FirmSums.Alive] > 0 ? r.FirmSums[FirmSums.OnNewestGeneration] / r.FirmSums[FirmSums.Alive] : 0));
    /// <summary>Spin-off start-ups created from breakthroughs.</summary>
    public static MetricColumn SpinOffs { get; } = Count("spin_offs", "Spin-offs", perTick: true, x => x.Reports.Labs.Sums[LabSums.SpinOffs]);
    /// <summary>Live firms at the end of the tick.</summary>
    public static MetricColumn Firms { get; } = Count("firms", "Firms", perTick: false, x => x.FirmSums[FirmSums.Alive]);
    /// <summary>Firms entering.</summary>
    public static MetricColumn Births { get; } = Count("births", "Firm births", perTick: true, x => x.Reports.Entrants.Count);
    /// <summary>Firms exiting.</summary>
    public static MetricColumn Deaths { get; } = Count("deaths", "Firm deaths", perTick: true, x => x.Reports.Firms.Sums[FirmSums.Deaths]);
    /// <summary>
    /// Live firms holding a high-tech enterprise certificate at the end of the tick. Without a certification section
    /// every live firm counts, as the baseline's firms stand for Guangdong's certified enterprises; with one, entrants
    /// start without a certificate and firms gain and lose it at yearly reviews (<see cref="CertificationPhase"/>).
    /// </summary>
    public static MetricColumn CertifiedFirms { get; } = Count("certified_firms", "Certified high-tech enterprises", perTick: false,
        x => x.Spec.Certification ? x.Reports.Firms.Sums[FirmSums.Certified] : x.FirmSums[FirmSums.Alive]);
    /// <summary>Venture and guidance-fund investment into start-ups.</summary>
    public static MetricColumn VentureInvestment { get; } = Real("venture_investment", "Venture investment", Money, x => x.Reports.Funds.Sums[FundSums.Investment(x.Cluster)] / WorldSpec.Dt);
    /// <summary>Researchers in the cluster's talent pool.</summary>
    public static MetricColumn Researchers { get; } = Real("researchers", "Researchers", "headcount", x => x.Reports.Talent.Researchers);
    /// <summary>Researchers' annual wage.</summary>
    public static MetricColumn Wage { get; } = Real("wage", "Researcher wage", "thousand yuan/yr", x => x.Reports.Talent.Wage, RegionRule.WeightedBy(Researchers));
    /// <summary>Value added by firms.</summary>
    public static MetricColumn ValueAdded { get; } = Real("value_added", "Value added", Money, x => x.Reports.Firms.Sums[FirmSums.Revenue] * x.Parameters.ValueAddedShare);
    /// <summary>Output-weighted mean firm productivity.</summary>
    public static MetricColumn Productivity { get; } = Real("productivity", "Mean productivity", "index, 2023 = 1",
        x => x.Reports.State.MeanProductivity / x.Reports.State.BaseMeanProductivity, RegionRule.WeightedBy(ValueAdded));
    /// <summary>Standard deviation of log productivity across live firms, entrants included.</summary>
    public static MetricColumn ProductivityDispersion { get; } = Real("productivity_dispersion", "Productivity dispersion", "s.d. of log productivity",
        x => LogDispersion(x.FirmSums), RegionRule.Whole(r => LogDispersion(r.FirmSums)));

    /// <summary>All numeric columns, in output order.</summary>
    public static IReadOnlyList<MetricColumn> All => Columns;

    /// <summary>Finds a column by its CSV name.</summary>
    /// <exception cref="KeyNotFoundException">No column has that name.</exception>
    public static MetricColumn Get(string name) =>
        Columns.FirstOrDefault(c => c.Name == name)
        ?? throw new KeyNotFoundException($"unknown metric '{name}'; known: {string.Join(", ", Columns.Select(c => c.Name))}");

    private static MetricColumn Real(string name, string title, string unit, Func<ClusterMetricInputs, double> ofCluster, RegionRule? region = null) =>
        Add(name, title, unit, MetricKind.Real, perTick: false, ofCluster, region);

    private static MetricColumn Count(string name, string title, bool perTick, Func<ClusterMetricInputs, double> ofCluster) =>
        Add(name, title, perTick ? "count per tick" : "count", MetricKind.Count, perTick, ofCluster, null);

    private static MetricColumn Add(string name, string title, string unit, MetricKind kind, bool perTick, Func<ClusterMetricInputs, double> ofCluster, RegionRule? region)
    {
        var column = new MetricColumn(Columns.Count, name, title, unit, kind, perTick, region ?? RegionRule.Sum, ofCluster);
        Columns.Add(column);
        return column;
    }

    // The region's figures come from the policy rule itself, not from sums of the clusters' amounts that carry their rounding.
    private static RegionRule LinkLevel(Link link) => RegionRule.Whole(r => r.Level.ByLink[(int)link]);

    private static double LogDispersion(SumVector firms)
    {
        double alive = firms[FirmSums.Alive];
        if (alive <= 0) return 0;
        double meanLog = firms[FirmSums.LogProductivity] / alive;
        return Math.Sqrt(Math.Max(0, firms[FirmSums.LogProductivitySquared] / alive - meanLog * meanLog));
    }
}
