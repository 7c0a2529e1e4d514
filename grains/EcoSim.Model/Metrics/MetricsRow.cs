namespace EcoSim.Model.Metrics;

/// <summary>
/// The outcome of one tick for one cluster, or for the whole region when <see cref="Cluster"/> is
/// <see cref="RegionIndex"/>. Money is in billions of yuan per year (flows are annualised so that
/// quarterly and yearly ticks read alike); people are headcounts.
/// </summary>
public sealed record MetricsRow
{
    /// <summary>The <see cref="Cluster"/> value of the row that totals all clusters.</summary>
    public const int RegionIndex = -1;

    /// <summary>The <see cref="ClusterId"/> of the row that totals all clusters.</summary>
    public const string RegionId = "region";

    /// <summary>Tick number, 0 for the first simulated period.</summary>
    public required int Tick { get; init; }
    /// <summary>Calendar label of the tick, e.g. <c>2024Q1</c>.</summary>
    public required string Period { get; init; }
    /// <summary>Calendar time as a decimal year (2024.0, 2024.25, ...), for plotting.</summary>
    public required double Time { get; init; }
    /// <summary>Cluster index (0..19), or <see cref="RegionIndex"/> for the region.</summary>
    public required int Cluster { get; init; }
    /// <summary>Short cluster id (e.g. <c>electronics</c>), or <see cref="RegionId"/>.</summary>
    public required string ClusterId { get; init; }

    /// <summary>Public S&amp;T budget spent, bn yuan/yr.</summary>
    public double PublicBudget { get; init; }
    /// <summary>Public budget for basic research, bn yuan/yr.</summary>
    public double BudgetBasic { get; init; }
    /// <summary>Public budget for technology breakthroughs (applied research), bn yuan/yr.</summary>
    public double BudgetApplied { get; init; }
    /// <summary>Public budget for results transformation, bn yuan/yr.</summary>
    public double BudgetTransformation { get; init; }
    /// <summary>Public budget for S&amp;T finance (guidance funds), bn yuan/yr.</summary>
    public double BudgetFinance { get; init; }
    /// <summary>Public budget for talent support, bn yuan/yr.</summary>
    public double BudgetTalent { get; init; }
    /// <summary>Share of public S&amp;T budget going to basic research, 0..1.</summary>
    public double BasicShare { get; init; }
    /// <summary>R&amp;D performed by firms, bn yuan/yr.</summary>
    public double FirmRd { get; init; }
    /// <summary>Total R&amp;D: firms plus public research budgets, bn yuan/yr.</summary>
    public double TotalRd { get; init; }
    /// <summary>Basic-knowledge stock held by labs, index (2023 region = 100).</summary>
    public double KnowledgeStock { get; init; }
    /// <summary>Basic knowledge that has reached industry through the distributed lag, index.</summary>
    public double AvailableKnowledge { get; init; }
    /// <summary>Construction spending on large science facilities, bn yuan/yr (part of the basic budget).</summary>
    public double FacilitySpending { get; init; }
    /// <summary>Candidates in development pipelines at the end of the tick, count.</summary>
    public double PipelineCandidates { get; init; }
    /// <summary>Candidates approved this tick, count.</summary>
    public double Approvals { get; init; }
    /// <summary>Technology breakthroughs this tick, count.</summary>
    public double Breakthroughs { get; init; }
    /// <summary>Successful firm innovations this tick, count.</summary>
    public double Innovations { get; init; }
    /// <summary>Successful imitations of the cluster's mean practice this tick, count.</summary>
    public double Imitations { get; init; }
    /// <summary>Firms that moved up to their cluster's newest technology generation this tick, count.</summary>
    public double Adoptions { get; init; }
    /// <summary>Share of live firms using the cluster's newest technology generation, 0..1.</summary>
    public double AdoptionShare { get; init; }
    /// <summary>Spin-off start-ups created from breakthroughs this tick, count.</summary>
    public double SpinOffs { get; init; }
    /// <summary>Live firms at the end of the tick, count.</summary>
    public double Firms { get; init; }
    /// <summary>Firms entering this tick, count.</summary>
    public double Births { get; init; }
    /// <summary>Firms exiting this tick, count.</summary>
    public double Deaths { get; init; }
    /// <summary>Venture and guidance-fund investment into start-ups, bn yuan/yr.</summary>
    public double VentureInvestment { get; init; }
    /// <summary>Researchers in the cluster's talent pool, headcount.</summary>
    public double Researchers { get; init; }
    /// <summary>Researchers' annual wage, thousand yuan/yr.</summary>
    public double Wage { get; init; }
    /// <summary>Value added by firms, bn yuan/yr.</summary>
    public double ValueAdded { get; init; }
    /// <summary>Output-weighted mean firm productivity, index (2023 = 1).</summary>
    public double Productivity { get; init; }
    /// <summary>Standard deviation of log productivity across live firms.</summary>
    public double ProductivityDispersion { get; init; }
}
