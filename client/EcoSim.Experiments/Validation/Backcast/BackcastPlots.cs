using EcoSim.Experiments.Ensembles;
using EcoSim.Experiments.Output;
using ScottPlot;

namespace EcoSim.Experiments.Validation.Backcast;

/// <summary>
/// One plot per observed series, <c>plots/backcast-INDICATOR.png</c>: the model's value in every year of
/// the back-cast as a line, the observations as points with bars of the largest error a year may have
/// (<see cref="BackcastAcceptance.MaxYearError"/>), so a reader sees at once which years are near the limit.
/// </summary>
internal static class BackcastPlots
{
    /// <summary>Draws every series' plot into <paramref name="directory"/>; returns the PNG paths in the series' order.</summary>
    public static IReadOnlyList<string> WriteAll(BackcastFit fit, string directory, string caption)
    {
        Directory.CreateDirectory(directory);
        return [.. fit.Series.Select(s => PlotCanvas.Save(Build(s, [.. fit.Years.Where(y => y.Indicator == s.Acceptance.Indicator)]), caption, directory, $"backcast-{s.Acceptance.Indicator.Name}.png"))];
    }

    /// <summary>The plot of one series, not yet saved.</summary>
    public static Plot Build(BackcastSeries series, IReadOnlyList<BackcastYear> years)
    {
        var indicator = series.Acceptance.Indicator;
        var plot = PlotCanvas.Create(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Back-cast: {indicator.Name}, RMSPE {series.Rmspe:0.00}% ({(series.Passed ? "holds" : "fails")})"));
        plot.YLabel($"{indicator.Name} ({indicator.Unit})", size: 14);
        // Calendar years, one tick each: the values are yearly, so there is nothing between two years to label.
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericFixedInterval(1) { LabelFormatter = y => y.ToString("0", System.Globalization.CultureInfo.InvariantCulture) };
        var palette = new ScottPlot.Palettes.Category10();
        var model = plot.Add.ScatterLine(years.Select(y => (double)y.Year).ToArray(), years.Select(y => y.Simulated).ToArray());
        model.Color = palette.GetColor(0);
        model.LineWidth = 2;
        model.MarkerSize = 5;
        model.LegendText = $"model: {indicator.Reading}";
        var seen = years.Where(y => y.IsObserved).ToList();
        double[] xs = [.. seen.Select(y => (double)y.Year)], ys = [.. seen.Select(y => y.Observed)];
        var bars = plot.Add.ErrorBar(xs, ys, seen.Select(y => y.Observed * series.Acceptance.MaxYearError / 100).ToArray());
        bars.Color = Colors.Gray;
        bars.LegendText = $"largest error allowed in a year, \u00b1{series.Acceptance.MaxYearError:0.##}%";
        var observed = plot.Add.ScatterPoints(xs, ys);
        observed.Color = Colors.Black;
        observed.MarkerSize = 8;
        observed.LegendText = "observed";
        BandPlot.LegendBelow(plot);
        PlotCanvas.Finish(plot);
        // Half a year of room either side, so the first and last years' points and bars are not cut by the frame.
        plot.Axes.SetLimitsX(years[0].Year - 0.5, years[^1].Year + 0.5);
        return plot;
    }
}
