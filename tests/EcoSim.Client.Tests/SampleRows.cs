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
            [MetricColumns.PublicBudget] = 3.1 * scale * g,
            [MetricColumns.BudgetBasic] = 0.9 * scale * g,
            [MetricColumns.BudgetApplied] = 0.8 * scale * g,
            [MetricColumns.BudgetTransformation] = 0.6 * scale * g * wave,
            [MetricColumns.BudgetFinance] = 0.5 * scale * g,
            [MetricColumns.BudgetTalent] = 0.3 * scale * g,
            [MetricColumns.BasicShare] = 0.29 + 0.002 * tick,
            [MetricColumns.FirmRd] = 20 * scale * g * wave,
            [MetricColumns.TotalRd] = 23.1 * scale * g * wave,
            [MetricColumns.KnowledgeStock] = 100 * g,
            [MetricColumns.AvailableKnowledge] = 100 * Math.Pow(1.015, tick),
            [MetricColumns.Breakthroughs] = 2 + tick % 3,
            [MetricColumns.Innovations] = 40 * wave,
            [MetricColumns.Imitations] = 25 * wave,
            [MetricColumns.Adoptions] = 10 + tick % 5,
            [MetricColumns.AdoptionShare] = Math.Min(1, 0.02 * tick),
            [MetricColumns.SpinOffs] = tick % 2,
            [MetricColumns.Firms] = 5000 * scale + 10 * tick,
            [MetricColumns.Births] = 150 * wave,
            [MetricColumns.Deaths] = 120 / wave,
            [MetricColumns.VentureInvestment] = 1.5 * scale * g,
            [MetricColumns.Researchers] = 80000 * scale * g,
            [MetricColumns.Wage] = 180 * Math.Pow(1.01, tick),
            [MetricColumns.ValueAdded] = 500 * scale * g * wave,
            [MetricColumns.Productivity] = Math.Pow(1.008, tick),
            [MetricColumns.ProductivityDispersion] = 0.4 + 0.001 * tick,
        };
    }
}
