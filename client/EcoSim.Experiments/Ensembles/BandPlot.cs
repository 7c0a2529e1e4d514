using ScottPlot;

namespace EcoSim.Experiments.Ensembles;

/// <summary>Draws a median line with its 5-95% band as a shaded area, the picture every ensemble plot is made of.</summary>
internal static class BandPlot
{
    /// <summary>Adds the band of <paramref name="bands"/> over <paramref name="xs"/> in <paramref name="color"/>, the median as a line carrying <paramref name="legend"/>; returns the line.</summary>
    public static ScottPlot.Plottables.Scatter Add(Plot plot, IReadOnlyList<double> xs, IReadOnlyList<Band> bands, Color color, string legend)
    {
        double[] x = [.. xs];
        double[] low = [.. bands.Select(b => Finite(b.P05))];
        double[] high = [.. bands.Select(b => Finite(b.P95))];
        double[] median = [.. bands.Select(b => Finite(b.Median))];
        var fill = plot.Add.FillY(x, low, high);
        fill.FillColor = color.WithAlpha(0.25);
        fill.LineWidth = 0;
        var line = plot.Add.ScatterLine(x, median);
        line.Color = color;
        line.LineWidth = 2;
        line.MarkerSize = x.Length == 1 ? 6 : 0;
        line.LegendText = legend;
        return line;
    }

    /// <summary>The legend below the plot, entries side by side.</summary>
    public static void LegendBelow(Plot plot)
    {
        plot.ShowLegend(Edge.Bottom);
        plot.Legend.Orientation = Orientation.Horizontal;
    }

    private static double Finite(double value) => double.IsFinite(value) ? value : 0;
}
