namespace EcoSim.Model.Metrics;

/// <summary>Whether a metric is a measured quantity or a whole number of things.</summary>
public enum MetricKind
{
    /// <summary>A real-valued quantity (money, an index, a share, a mean).</summary>
    Real,

    /// <summary>
    /// A whole number of things (firms, breakthroughs, approvals): the model counts them with integers,
    /// so the value is always integral even though <see cref="MetricsRow"/> holds it as a double. Typed
    /// outputs store it as an integer so readers do not take it for a measurement.
    /// </summary>
    Count,
}

/// <summary>Describes one numeric column of <see cref="MetricsRow"/>: its CSV name, meaning, unit and kind.</summary>
/// <param name="Name">Column name as written to CSV (snake_case).</param>
/// <param name="Title">Human title for plots and reports.</param>
/// <param name="Unit">Unit, for axis labels and the typed files' column units.</param>
/// <param name="Value">Reads the column from a row.</param>
/// <param name="Kind">Whether the value is a count (always integral) or a real quantity.</param>
public sealed record MetricColumn(string Name, string Title, string Unit, Func<MetricsRow, double> Value, MetricKind Kind = MetricKind.Real);

/// <summary>The canonical, ordered list of numeric metric columns. CSV writers and plots use this list.</summary>
public static class MetricColumns
{
    /// <summary>All numeric columns, in output order.</summary>
    public static IReadOnlyList<MetricColumn> All { get; } =
    [
        new("public_budget", "Public S&T budget", "bn yuan/yr", r => r.PublicBudget),
        new("budget_basic", "Budget: basic research", "bn yuan/yr", r => r.BudgetBasic),
        new("budget_applied", "Budget: technology breakthroughs", "bn yuan/yr", r => r.BudgetApplied),
        new("budget_transformation", "Budget: results transformation", "bn yuan/yr", r => r.BudgetTransformation),
        new("budget_finance", "Budget: S&T finance", "bn yuan/yr", r => r.BudgetFinance),
        new("budget_talent", "Budget: talent support", "bn yuan/yr", r => r.BudgetTalent),
        new("basic_share", "Basic-research share of public budget", "share", r => r.BasicShare),
        new("firm_rd", "Firm R&D", "bn yuan/yr", r => r.FirmRd),
        new("total_rd", "Total R&D", "bn yuan/yr", r => r.TotalRd),
        new("knowledge_stock", "Basic-knowledge stock", "index, 2023 region = 100", r => r.KnowledgeStock),
        new("available_knowledge", "Knowledge reaching industry", "index, 2023 region = 100", r => r.AvailableKnowledge),
        new("facility_spending", "Science-facility construction", "bn yuan/yr", r => r.FacilitySpending),
        new("breakthroughs", "Breakthroughs", "count per tick", r => r.Breakthroughs, MetricKind.Count),
        new("pipeline_candidates", "Candidates in development", "count", r => r.PipelineCandidates, MetricKind.Count),
        new("approvals", "Approvals", "count per tick", r => r.Approvals, MetricKind.Count),
        new("innovations", "Firm innovations", "count per tick", r => r.Innovations, MetricKind.Count),
        new("imitations", "Firm imitations", "count per tick", r => r.Imitations, MetricKind.Count),
        new("adoptions", "Firm adoptions of the newest technology", "count per tick", r => r.Adoptions, MetricKind.Count),
        new("adoption_share", "Firms on newest technology", "share", r => r.AdoptionShare),
        new("spin_offs", "Spin-offs", "count per tick", r => r.SpinOffs, MetricKind.Count),
        new("firms", "Firms", "count", r => r.Firms, MetricKind.Count),
        new("births", "Firm births", "count per tick", r => r.Births, MetricKind.Count),
        new("deaths", "Firm deaths", "count per tick", r => r.Deaths, MetricKind.Count),
        new("venture_investment", "Venture investment", "bn yuan/yr", r => r.VentureInvestment),
        new("researchers", "Researchers", "headcount", r => r.Researchers),
        new("wage", "Researcher wage", "thousand yuan/yr", r => r.Wage),
        new("value_added", "Value added", "bn yuan/yr", r => r.ValueAdded),
        new("productivity", "Mean productivity", "index, 2023 = 1", r => r.Productivity),
        new("productivity_dispersion", "Productivity dispersion", "s.d. of log productivity", r => r.ProductivityDispersion),
    ];

    /// <summary>Finds a column by its CSV name.</summary>
    /// <exception cref="KeyNotFoundException">No column has that name.</exception>
    public static MetricColumn Get(string name) =>
        All.FirstOrDefault(c => c.Name == name)
        ?? throw new KeyNotFoundException($"unknown metric '{name}'; known: {string.Join(", ", All.Select(c => c.Name))}");
}
