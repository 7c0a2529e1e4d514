using System.Globalization;
using EcoSim.Experiments.Output;
using EcoSim.Model.Parameters;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace EcoSim.Experiments.Ensembles;

/// <summary>
/// Response curves of a sweep: for each key metric at the last tick, the median over the seeds against
/// the first parameter's value, with the 5-95% band; with two parameters, one curve per value of the second.
/// </summary>
internal static class SweepPlots
{
    /// <summary>Space left of the first and right of the last grid value, as a fraction of the range.</summary>
    public const double MarkerRoom = 0.03;

    /// <summary>Draws one response curve per key metric into <paramref name="directory"/>, <paramref name="seeds"/> seeds at every grid point; returns the PNG paths.</summary>
    public static IReadOnlyList<string> WriteAll(SweepGrid grid, IReadOnlyList<SweepResult> atEnd, int seeds, string directory, string caption)
    {
        Directory.CreateDirectory(directory);
        return [.. atEnd.GroupBy(r => r.Column).Select(byMetric =>
            PlotCanvas.Save(Build(grid, [.. byMetric], seeds), caption, directory, $"{byMetric.Key.Name}.png"))];
    }

    /// <summary>The response curve of one metric (all of <paramref name="results"/> are of one metric and one checkpoint), limits set, not yet saved.</summary>
    public static Plot Build(SweepGrid grid, IReadOnlyList<SweepResult> results, int seeds)
    {
        var column = results[0].Column;
        var first = grid.Axes[0].Parameter;
        var palette = new ScottPlot.Palettes.Category10();
        var plot = PlotCanvas.Create($"{column.Title} {When(results[0])} by {first.Name}");
        plot.XLabel($"{first.Name} ({first.Unit})", size: 14);
        plot.Axes.Bottom.TickGenerator = new NumericAutomatic { LabelFormatter = x => x.ToString("G6", CultureInfo.InvariantCulture) };
        var curves = results.GroupBy(r => grid.Axes.Count > 1 ? r.Point.Settings[1].Value : double.NaN).ToList();
        for (int i = 0; i < curves.Count; i++)
        {
            var curve = curves[i].OrderBy(r => r.Point.Settings[0].Value).ToList();
            string legend = grid.Axes.Count > 1
                ? Setting(grid.Axes[1].Parameter, curves[i].Key)
                : $"{seeds} {(seeds == 1 ? "seed" : "seeds")} at each value ({SeedEvidence.LegendBand(seeds, "seeds", "seed")})";
            // A marker at each grid value: the curve is only known there, the line between is drawn straight.
            BandPlot.Add(plot, [.. curve.Select(r => r.Point.Settings[0].Value)], [.. curve.Select(r => r.Band)], palette.GetColor(i), legend).MarkerSize = 7;
        }
        plot.YLabel($"{column.Title} ({results[0].Unit})", size: 14);
        BandPlot.LegendBelow(plot);
        PlotCanvas.Finish(plot, new Dictionary<IYAxis, double> { [plot.Axes.Left] = AxisRules.MinimumSpan(results[0].Unit) });
        // A little room either side, so the markers at the ends of the grid are drawn whole.
        var x = plot.Axes.GetLimits();
        plot.Axes.SetLimitsX(x.Left - MarkerRoom * x.HorizontalSpan, x.Right + MarkerRoom * x.HorizontalSpan);
        return plot;
    }

    /// <summary>
    /// What the value is (see <see cref="SweepSummary"/>): a count per tick is summed over the year to
    /// the checkpoint ("summed over 2050" when that is a calendar year), anything else is the level at it.
    /// </summary>
    public static string When(SweepResult result) =>
        result.Unit == result.Column.Unit ? $"at {result.Period}"
        : result.Period.EndsWith("Q4", StringComparison.Ordinal) ? $"summed over {result.Period[..^2]}"
        : $"summed over the four quarters to {result.Period}";

    /// <summary>A parameter's value with its unit, e.g. <c>publicBudget = 80 bn yuan/yr</c>.</summary>
    public static string Setting(ParameterSpec parameter, double value) =>
        $"{parameter.Name} = {SweepAxis.Text(value)} {parameter.Unit}";
}
