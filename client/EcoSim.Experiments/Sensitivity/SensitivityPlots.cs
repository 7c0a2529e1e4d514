using EcoSim.Experiments.Output;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace EcoSim.Experiments.Sensitivity;

/// <summary>
/// One tornado plot per output: a horizontal bar per parameter, the most important at the top, with its
/// 90% bootstrap interval as a black whisker. Sobol: the total index (light) with the first-order index
/// (dark) inside it; Morris: mu*.
/// </summary>
internal static class SensitivityPlots
{
    /// <summary>Draws every output's plot into <paramref name="directory"/>; returns the PNG paths.</summary>
    public static IReadOnlyList<string> WriteAll(SensitivityDesign design, IReadOnlyList<SensitivityResult> results, string directory, string caption)
    {
        Directory.CreateDirectory(directory);
        return [.. results.Select(r => PlotCanvas.Save(Build(design, r), caption, directory, $"{(r.EffectOf is null ? "" : "effect-")}{r.Output.Column.Name}-{r.Output.Year}.png"))];
    }

    /// <summary>The tornado plot of one output, not yet saved.</summary>
    public static Plot Build(SensitivityDesign design, SensitivityResult result)
    {
        bool sobol = design.Method == SensitivityMethod.Sobol;
        var ranked = result.Ranked(design.RankingIndex);
        var plot = PlotCanvas.Create($"{result.Title}: {(sobol ? "Sobol indices" : "Morris mu*")}");
        plot.XLabel(sobol ? "share of the output's variance (total index; first-order darker)" : $"mean absolute effect of moving the parameter across its range ({PlotCanvas.Unit(result.Output.Unit)})", size: 14);
        var palette = new ScottPlot.Palettes.Category10();
        var ticks = new NumericManual();
        for (int row = 0; row < ranked.Count; row++)
        {
            double y = ranked.Count - 1 - row;
            var index = ranked[row];
            AddBar(plot, y, index.Estimate, 0.7, palette.GetColor(0).WithAlpha(sobol ? 0.45 : 0.9));
            if (sobol) AddBar(plot, y, result.Of(index.Parameter, "S1").Estimate, 0.35, palette.GetColor(0));
            if (index.Band is { } band)
            {
                var whisker = plot.Add.Line(band.Low, y, band.High, y);
                whisker.LineWidth = 2;
                whisker.LineColor = Colors.Black;
            }
            ticks.AddMajor(y, index.Parameter);
        }
        plot.Axes.Left.TickGenerator = ticks;
        var limits = ranked.SelectMany(i => new[] { 0, i.Estimate, i.Band?.High ?? 0, i.Band?.Low ?? 0 }).ToList();
        double right = Math.Max(limits.Max(), sobol ? 1 : 0), left = Math.Min(limits.Min(), 0);
        double span = right - left > 0 ? right - left : 1;
        plot.Axes.SetLimits(left - 0.02 * span, right + 0.05 * span, -0.7, ranked.Count - 0.3);
        plot.Axes.Bottom.TickGenerator = new NumericAutomatic();
        return plot;
    }

    private static void AddBar(Plot plot, double y, double value, double size, Color color)
    {
        var bars = plot.Add.Bars(new[] { new Bar { Position = y, Value = value, ValueBase = 0, Size = size, FillColor = color, LineWidth = 0 } });
        bars.Horizontal = true;
    }
}
