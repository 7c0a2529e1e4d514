using EcoSim.Model.Metrics;

namespace EcoSim.Client.Tests;

/// <summary>Deterministic synthetic metrics: quarterly ticks from 2024, a region row and 20 cluster rows per tick.</summary>
internal static class SampleRows
{
    public const int Clusters = 20;

    public static IReadOnlyList<MetricsRow> Create(int ticks = 40)
    {
        var rows = new List<MetricsRow>();
        for (int t = 0; t < ticks; t++)
        {
            rows.Add(Row(t, MetricsRow.RegionIndex, "region", Clusters));
            for (int c = 0; c < Clusters; c++)
                rows.Add(Row(t, c, $"cluster-{c:00}", 1 + 0.1 * c));
        }
        return rows;
    }

    private static MetricsRow Row(int tick, int cluster, string id, double scale)
    {
        double year = 2024 + tick / 4.0;
        double g = Math.Pow(1.02, tick);
        double wave = 1 + 0.1 * Math.Sin(tick * 0.7 + cluster);
        return new MetricsRow
        {
            Tick = tick,
            Period = $"{2024 + tick / 4}Q{tick % 4 + 1}",
            Time = year,
            Cluster = cluster,
            ClusterId = id,
            PublicBudget = 3.1 * scale * g,
            BudgetBasic = 0.9 * scale * g,
            BudgetApplied = 0.8 * scale * g,
            BudgetTransformation = 0.6 * scale * g * wave,
            BudgetFinance = 0.5 * scale * g,
            BudgetTalent = 0.3 * scale * g,
            BasicShare = 0.29 + 0.002 * tick,
            FirmRd = 20 * scale * g * wave,
            TotalRd = 23.1 * scale * g * wave,
            KnowledgeStock = 100 * g,
            AvailableKnowledge = 100 * Math.Pow(1.015, tick),
            Breakthroughs = 2 + tick % 3,
            Innovations = 40 * wave,
            Imitations = 25 * wave,
            Adoptions = 10 + tick % 5,
            AdoptionShare = Math.Min(1, 0.02 * tick),
            SpinOffs = tick % 2,
            Firms = 5000 * scale + 10 * tick,
            Births = 150 * wave,
            Deaths = 120 / wave,
            VentureInvestment = 1.5 * scale * g,
            Researchers = 80000 * scale * g,
            Wage = 180 * Math.Pow(1.01, tick),
            ValueAdded = 500 * scale * g * wave,
            Productivity = Math.Pow(1.008, tick),
            ProductivityDispersion = 0.4 + 0.001 * tick,
        };
    }
}
