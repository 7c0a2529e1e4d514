using System.Globalization;
using EcoSim.Model.Metrics;

namespace EcoSim.Client.Ensembles;

/// <summary>
/// The headline of a comparison in words: for a few key metrics, the policy's effect relative to the
/// baseline at checkpoints, as the median over paired seeds with the 5-95% band.
/// </summary>
internal static class Findings
{
    /// <summary>Metrics the headline speaks of, in order.</summary>
    public static readonly string[] KeyMetrics =
        ["knowledge_stock", "available_knowledge", "breakthroughs", "adoptions", "productivity", "value_added", "total_rd", "firms", "researchers", "venture_investment"];

    /// <summary>Checkpoint ticks: the last quarter of years 5, 10 and 20 after the start, and the last tick.</summary>
    public static IReadOnlyList<int> Checkpoints(int ticks) =>
        [.. new[] { 5 * 4 - 1, 10 * 4 - 1, 20 * 4 - 1, ticks - 1 }.Where(t => t < ticks).Distinct()];

    public static IReadOnlyList<string> Sentences(ComparisonSummary summary, IReadOnlyList<MetricsRow> periods)
    {
        var lines = new List<string>();
        var checkpoints = Checkpoints(periods.Count);
        foreach (var name in KeyMetrics)
        {
            var column = MetricColumns.Get(name);
            bool perTick = column.Unit.Contains("per tick", StringComparison.Ordinal);
            var parts = checkpoints.Select(t =>
            {
                var band = summary.YearEffect(column, t);
                string when = perTick ? $"in the year to {periods[t].Period}" : $"by {periods[t].Period}";
                return string.Create(CultureInfo.InvariantCulture, $"{Percent(band.Median)} {when} (90% band {Percent(band.P05)} to {Percent(band.P95)})");
            });
            lines.Add($"- {column.Title}: {string.Join("; ", parts)}.");
        }
        return lines;
    }

    private static string Percent(double value) =>
        double.IsFinite(value) ? (value * 100).ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) + "%" : "n/a";
}
