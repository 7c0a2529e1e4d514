using System.Globalization;
using EcoSim.Client.Output;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace EcoSim.Client.Ensembles;

/// <summary>
/// Response curves of a sweep: for each key metric at the last tick, the median over the seeds against
/// the first parameter's value, with the 5-95% band; with two parameters, one curve per value of the second.
/// </summary>
internal static class SweepPlots
{
    public static IReadOnlyList<string> WriteAll(SweepGrid grid, IReadOnlyList<SweepResult> atEnd, string directory, string caption)
    {
        Directory.CreateDirectory(directory);
        var first = grid.Axes[0].Parameter;
        var palette = new ScottPlot.Palettes.Category10();
        var written = new List<string>();
        foreach (var byMetric in atEnd.GroupBy(r => r.Column))
        {
            var column = byMetric.Key;
            var results = byMetric.ToList();
            var plot = PlotCanvas.Create($"{column.Title} in {results[0].Period} by {first.Name}");
            plot.XLabel($"{first.Name} ({first.Unit})", size: 14);
            plot.Axes.Bottom.TickGenerator = new NumericAutomatic { LabelFormatter = x => x.ToString("G6", CultureInfo.InvariantCulture) };
            var curves = results.GroupBy(r => grid.Axes.Count > 1 ? r.Point.Settings[1].Value : double.NaN).ToList();
            for (int i = 0; i < curves.Count; i++)
            {
                var curve = curves[i].OrderBy(r => r.Point.Settings[0].Value).ToList();
                string legend = grid.Axes.Count > 1
                    ? $"{grid.Axes[1].Parameter.Name} = {SweepAxis.Text(curves[i].Key)}"
                    : "median over seeds, 5-95% band";
                BandPlot.Add(plot, [.. curve.Select(r => r.Point.Settings[0].Value)], [.. curve.Select(r => r.Band)], palette.GetColor(i), legend);
            }
            plot.YLabel($"{column.Title} ({results[0].Unit})", size: 14);
            BandPlot.LegendBelow(plot);
            written.Add(PlotCanvas.Save(plot, caption, directory, $"{column.Name}.png"));
        }
        return written;
    }
}
