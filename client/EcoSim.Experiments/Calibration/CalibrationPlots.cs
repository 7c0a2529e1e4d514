using EcoSim.Experiments.Ensembles;
using EcoSim.Experiments.Output;
using ScottPlot;

namespace EcoSim.Experiments.Calibration;

/// <summary>
/// One fit plot per indicator of the target: the observed values as points, the posterior's median
/// with its 90% band (the last generation's particles, weighted) and the best particle's path, year
/// by year over the observed years.
/// </summary>
internal static class CalibrationPlots
{
    /// <summary>Draws every indicator's plot into <paramref name="directory"/>; returns the PNG paths.</summary>
    public static IReadOnlyList<string> WriteAll(CalibrationResult result, string directory, string caption)
    {
        Directory.CreateDirectory(directory);
        return [.. result.Fit.GroupBy(f => f.Point.Indicator).Select(g => PlotCanvas.Save(Build([.. g.OrderBy(f => f.Point.Year)]), caption, directory, $"fit-{g.Key.Name}.png"))];
    }

    /// <summary>The plot of one indicator's observations, not yet saved.</summary>
    public static Plot Build(IReadOnlyList<FitPoint> fit)
    {
        var indicator = fit[0].Point.Indicator;
        var plot = PlotCanvas.Create($"{indicator.Name}: observed and calibrated");
        plot.YLabel($"{indicator.Name} ({indicator.Unit})", size: 14);
        double[] years = [.. fit.Select(f => (double)f.Point.Year)];
        var palette = new ScottPlot.Palettes.Category10();
        BandPlot.Add(plot, years, [.. fit.Select(f => new Band(f.Low, f.Median, f.High))], palette.GetColor(0), "posterior median, 90% band");
        var best = plot.Add.ScatterLine(years, fit.Select(f => f.Best).ToArray());
        best.Color = palette.GetColor(1);
        best.LineWidth = 2;
        best.MarkerSize = 0;
        best.LegendText = "best particle (calibrated scenario)";
        var observed = plot.Add.ScatterPoints(years, fit.Select(f => f.Point.Value).ToArray());
        observed.Color = Colors.Black;
        observed.MarkerSize = 8;
        observed.LegendText = "observed";
        BandPlot.LegendBelow(plot);
        return PlotCanvas.Finish(plot);
    }
}
