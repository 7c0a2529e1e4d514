using EcoSim.Model.Metrics;
using ScottPlot;

namespace EcoSim.Experiments.Output;

/// <summary>
/// Small multiples of one run: for a key metric, one panel per cluster with its path over time
/// (twenty clusters make a grid of four rows of five).
/// </summary>
internal static class ClusterGridChart
{
    /// <summary>Metrics drawn per cluster, in order.</summary>
    public static readonly string[] Metrics = ["knowledge_stock", "firm_rd", "firms", "researchers", "productivity", "value_added"];

    /// <summary>File name of the grid for <paramref name="metric"/>.</summary>
    public static string FileName(string metric) => $"cluster-grid-{metric}.png";

    /// <summary>Draws the grid of <paramref name="metric"/> from the cluster rows and saves it into <paramref name="directory"/>.</summary>
    public static string Write(IReadOnlyList<MetricsRow> rows, string metric, string directory, string caption)
    {
        MetricColumn column = MetricColumns.Get(metric);
        var panels = new List<Plot>();
        foreach (var cluster in rows.Where(r => r.Cluster != MetricsRow.RegionIndex).GroupBy(r => r.Cluster).OrderBy(g => g.Key))
        {
            MetricsRow[] series = [.. cluster.OrderBy(r => r.Tick)];
            var panel = SmallMultiples.Panel(series[0].ClusterId);
            var line = panel.Add.ScatterLine(series.Select(r => r.Time).ToArray(), series.Select(column.Value).ToArray());
            line.Color = Colors.SteelBlue;
            line.LineWidth = 2;
            line.MarkerSize = series.Length == 1 ? 5 : 0;
            AxisRules.Apply(panel, new Dictionary<IYAxis, double> { [panel.Axes.Left] = AxisRules.MinimumSpan(column.Unit) });
            panels.Add(panel);
        }
        var figure = new SmallMultiples($"{column.Title} by cluster", PlotCanvas.AxisLabel([column]),
            [new LegendEntry($"{column.Title} of the cluster", Colors.SteelBlue, WithBand: false)], caption);
        return figure.Save(panels, directory, FileName(metric));
    }
}
