using System.Globalization;
using EcoSim.Model.Metrics;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace EcoSim.Experiments.Output;

/// <summary>The common frame of every run plot: size, font, title, "Year" axis, caption and saving.</summary>
public static class PlotCanvas
{
    /// <summary>Width of every plot, in pixels.</summary>
    public const int Width = 900;
    /// <summary>Height of every plot, in pixels.</summary>
    public const int Height = 550;

    /// <summary>A plot in the bundled font with a bold title and the x axis "Year" labelled in plain years.</summary>
    public static Plot Create(string title)
    {
        PlotFonts.EnsureLoaded();
        var plot = new Plot();
        plot.Title(title, size: 18);
        plot.Axes.Title.Label.Bold = true;
        plot.XLabel("Year", size: 14);
        plot.Axes.Bottom.TickGenerator = new NumericAutomatic
        {
            LabelFormatter = year => year.ToString("0.##", CultureInfo.InvariantCulture),
        };
        return plot;
    }

    /// <summary>Adds one line for <paramref name="column"/> over <paramref name="rows"/> on <paramref name="yAxis"/>.</summary>
    public static ScottPlot.Plottables.Scatter AddLine(
        Plot plot, IReadOnlyList<MetricsRow> rows, MetricColumn column, IYAxis yAxis, string legend)
    {
        double[] xs = [.. rows.Select(r => r.Time)];
        double[] ys = [.. rows.Select(column.Value)];
        var line = plot.Add.ScatterLine(xs, ys);
        line.LegendText = legend;
        line.LineWidth = 2;
        line.MarkerSize = rows.Count == 1 ? 6 : 0;
        line.Axes.YAxis = yAxis;
        if (yAxis == plot.Axes.Right)
            line.LinePattern = LinePattern.Dashed;
        return line;
    }

    /// <summary>
    /// Axis label from the columns drawn on it: "Title (unit)" for a single column, otherwise the
    /// distinct units joined by "; ".
    /// </summary>
    public static string AxisLabel(IReadOnlyList<MetricColumn> columns) =>
        columns.Count == 1
            ? $"{columns[0].Title} ({Unit(columns[0].Unit)})"
            : string.Join("; ", columns.Select(c => Unit(c.Unit)).Distinct());

    /// <summary>A unit as a reader sees it: a tick is a quarter, so "count per tick" reads "count per quarter".</summary>
    public static string Unit(string unit) => unit.Replace("per tick", "per quarter", StringComparison.Ordinal);

    /// <summary>
    /// Sets the axis limits by <see cref="AxisRules"/> (with <paramref name="minimumSpan"/> for axes
    /// that need a wider one) and keeps coinciding lines visible (<see cref="Coincidence"/>). Call
    /// when every line is added.
    /// </summary>
    public static Plot Finish(Plot plot, IReadOnlyDictionary<IYAxis, double>? minimumSpan = null)
    {
        AxisRules.Apply(plot, minimumSpan);
        Coincidence.Mark(plot);
        return plot;
    }

    /// <summary>
    /// Adds <paramref name="caption"/> as the bottom-most line, applies the bundled font to every label
    /// and saves a <see cref="Width"/> x <see cref="Height"/> PNG and its SVG twin (same name, <c>.svg</c>).
    /// Call after the legend is set up.
    /// </summary>
    /// <returns>The path of the PNG.</returns>
    public static string Save(Plot plot, string caption, string directory, string fileName)
    {
        plot.Axes.AddPanel(new CaptionPanel(caption));
        PlotFonts.Apply(plot);
        string path = Path.Combine(directory, fileName);
        plot.SavePng(path, Width, Height);
        SvgFile.Write(PlotFiles.SvgTwin(path), plot.GetSvgXml(Width, Height));
        return path;
    }
}
