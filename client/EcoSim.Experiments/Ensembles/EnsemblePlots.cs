using EcoSim.Experiments.Output;
using EcoSim.Model.Metrics;
using ScottPlot;

namespace EcoSim.Experiments.Ensembles;

/// <summary>Pictures of an ensemble: for each key metric of the region, the median over the runs with its 5-95% band, over time.</summary>
internal static class EnsemblePlots
{
    private static readonly Color BandColor = Colors.SteelBlue;

    /// <summary>Writes <c>&lt;metric&gt;.png</c> for each of <see cref="Findings.KeyMetrics"/> into <paramref name="directory"/>; returns the paths.</summary>
    public static IReadOnlyList<string> WriteAll(EnsembleSummary summary, string directory, string scenarioName, string caption)
    {
        Directory.CreateDirectory(directory);
        var written = new List<string>();
        foreach (var name in Findings.KeyMetrics)
        {
            var column = MetricColumns.Get(name);
            var series = summary.Region(column);
            if (series.Count == 0) continue;
            written.Add(PlotCanvas.Save(Build(column, series, scenarioName, summary.Runs), caption, directory, $"{column.Name}.png"));
        }
        return written;
    }

    /// <summary>The band plot of one metric of the region over <paramref name="runs"/> runs, limits set, not yet saved.</summary>
    public static Plot Build(MetricColumn column, IReadOnlyList<EnsemblePoint> series, string scenarioName, int runs)
    {
        var plot = PlotCanvas.Create($"{column.Title} (region)");
        BandPlot.Add(plot, [.. series.Select(p => p.Time)], [.. series.Select(p => p.Band)], BandColor, $"{scenarioName}, {runs} seeds ({SeedEvidence.LegendBand(runs, "runs", "run")})");
        plot.YLabel(PlotCanvas.AxisLabel([column]), size: 14);
        BandPlot.LegendBelow(plot);
        return PlotCanvas.Finish(plot, new Dictionary<IYAxis, double> { [plot.Axes.Left] = AxisRules.MinimumSpan(column.Unit) });
    }
}
