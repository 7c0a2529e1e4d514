using EcoSim.Model.Metrics;
using ScottPlot;

namespace EcoSim.Experiments.Output;

/// <summary>Value added by cluster: one line per cluster, legend outside on the right.</summary>
internal static class ClusterValueAddedChart
{
    public const string FileName = "clusters-value-added.png";

    /// <summary>Draws the chart from the cluster rows and saves it into <paramref name="directory"/>.</summary>
    public static string Write(IReadOnlyList<MetricsRow> rows, string directory, string caption) =>
        PlotCanvas.Save(Build(rows), caption, directory, FileName);

    /// <summary>The chart of the cluster rows, limits set, not yet saved.</summary>
    public static Plot Build(IReadOnlyList<MetricsRow> rows)
    {
        MetricColumn column = MetricColumns.Get("value_added");
        Plot plot = PlotCanvas.Create("Value added by cluster");
        var palette = new ScottPlot.Palettes.Category20();
        int index = 0;
        foreach (IGrouping<int, MetricsRow> cluster in rows
                     .Where(r => r.Cluster != MetricsRow.RegionIndex)
                     .GroupBy(r => r.Cluster)
                     .OrderBy(g => g.Key))
        {
            MetricsRow[] series = [.. cluster.OrderBy(r => r.Tick)];
            PlotCanvas.AddLine(plot, series, column, plot.Axes.Left, series[0].ClusterId).Color = palette.GetColor(index++);
        }
        plot.Axes.Left.Label.Text = PlotCanvas.AxisLabel([column]);
        plot.ShowLegend(Edge.Right);
        plot.Legend.FontSize = 10;
        plot.Legend.SymbolWidth = 14;
        return PlotCanvas.Finish(plot);
    }
}
