namespace EcoSim.Model.Metrics;

/// <summary>Describes one numeric column of <see cref="MetricsRow"/>: its CSV name, meaning and unit.</summary>
/// <param name="Name">Column name as written to CSV (snake_case).</param>
/// <param name="Title">Human title for plots and reports.</param>
/// <param name="Unit">Unit, for axis labels.</param>
/// <param name="Value">Reads the column from a row.</param>
public sealed record MetricColumn(string Name, string Title, string Unit, Func<MetricsRow, double> Value);

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
        new("breakthroughs", "Breakthroughs", "count per tick", r => r.Breakthroughs),
        new("pipeline_candidates", "Candidates in development", "count", r => r.PipelineCandidates),
        new("approvals", "Approvals", "count per tick", r => r.Approvals),
        new("innovations", "Firm innovations", "count per tick", r => r.Innovations),
        new("imitations", "Firm imitations", "count per tick", r => r.Imitations),
        new("adoptions", "Firm adoptions of the newest technology", "count per tick", r => r.Adoptions),
        new("adoption_share", "Firms on newest technology", "share", r => r.AdoptionShare),
        new("spin_offs", "Spin-offs", "count per tick", r => r.SpinOffs),
        new("firms", "Firms", "count", r => r.Firms),
        new("births", "Firm births", "count per tick", r => r.Births),
        new("deaths", "Firm deaths", "count per tick", r => r.Deaths),
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
