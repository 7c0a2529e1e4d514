using EcoSim.Model.Metrics;

namespace EcoSim.Client.Tests;

/// <summary>Region rows with the shapes that made plots mislead: magnitudes as in a baseline run, a noisy constant share and two budget lines that coincide.</summary>
internal static class PlotRows
{
    public const int Ticks = 40;

    /// <summary>The last quarter of <see cref="Ticks"/> ticks from 2024Q1, as a decimal year.</summary>
    public const double LastTime = 2024 + (Ticks - 1) / 4.0;

    /// <summary>
    /// <see cref="SampleRows"/>' region, with about 50 breakthroughs, 8,000 innovations and 5,000 adoptions a
    /// quarter, a basic share of 0.2 stored with noise of ±1.3e-14, and results transformation funded exactly
    /// as much as talent support.
    /// </summary>
    public static IReadOnlyList<MetricsRow> Region() =>
        [.. SampleRows.Create(Ticks).Where(r => r.Cluster == MetricsRow.RegionIndex).Select(r => r.With(
            (MetricColumns.Breakthroughs, 45 + r.Tick % 7),
            (MetricColumns.Innovations, 8000 + 40 * r.Tick),
            (MetricColumns.Adoptions, 5000 + 30 * r.Tick),
            (MetricColumns.BasicShare, r.Tick % 2 == 0 ? 0.19999999999998544 : 0.20000000000001222),
            (MetricColumns.BudgetTransformation, r[MetricColumns.BudgetTalent])
        ))];
}
