using EcoSim.Client.Output;
using EcoSim.Model.Metrics;
using ScottPlot;

namespace EcoSim.Client.Ensembles;

/// <summary>
/// Pictures of a comparison: for each key metric, baseline and policy medians with their 5-95% bands,
/// and the relative effect over time with its band; and for a few metrics, the effect on each cluster
/// as small multiples. Each picture is a PNG with an SVG twin.
/// </summary>
internal static class ComparisonPlots
{
    private static readonly Color BaselineColor = Colors.SteelBlue;
    private static readonly Color PolicyColor = Colors.OrangeRed;
    private static readonly Color EffectColor = Colors.SeaGreen;

    /// <summary>File name of the per-cluster effect grid of <paramref name="metric"/>.</summary>
    public static string ClusterEffectFileName(string metric) => $"cluster-grid-{metric}-effect.png";

    /// <summary>Draws every picture into <paramref name="directory"/>; returns the PNG paths (each has an SVG twin).</summary>
    public static IReadOnlyList<string> WriteAll(ComparisonSummary summary, IReadOnlyList<EffectPoint> points, string directory, string baselineName, string policyName, string caption)
    {
        Directory.CreateDirectory(directory);
        var written = new List<string>();
        foreach (var name in Findings.KeyMetrics)
        {
            var series = points.Where(p => p.Column.Name == name).ToList();
            if (series.Count == 0) continue;
            written.Add(Levels(series, directory, baselineName, policyName, caption));
            written.Add(Effect(series, directory, caption));
        }
        foreach (var metric in ComparisonSummary.ClusterMetrics)
        {
            var clusters = summary.ClusterEffects(metric);
            if (clusters.Count > 0) written.Add(ClusterEffects(MetricColumns.Get(metric), clusters, directory, caption));
        }
        return written;
    }

    private static string ClusterEffects(MetricColumn column, IReadOnlyList<ClusterEffect> clusters, string directory, string caption)
    {
        var panels = clusters.Select(cluster =>
        {
            var panel = SmallMultiples.Panel(cluster.ClusterId);
            BandPlot.Add(panel, [.. cluster.Times], [.. cluster.RelativeEffect.Select(b => new Band(b.P05 * 100, b.Median * 100, b.P95 * 100))], EffectColor, "");
            var zero = panel.Add.HorizontalLine(0);
            zero.LineColor = Colors.Gray;
            zero.LinePattern = LinePattern.Dotted;
            return panel;
        }).ToList();
        var figure = new SmallMultiples($"Effect of the policy on {column.Title.ToLowerInvariant()}, by cluster", "difference from baseline (%)",
            [new LegendEntry("policy vs baseline, paired seeds (median, 5-95% band)", EffectColor, WithBand: true)], caption);
        return figure.Save(panels, directory, ClusterEffectFileName(column.Name));
    }

    private static string Levels(IReadOnlyList<EffectPoint> series, string directory, string baselineName, string policyName, string caption)
    {
        var column = series[0].Column;
        var plot = PlotCanvas.Create($"{column.Title}: {policyName} vs {baselineName}");
        double[] xs = [.. series.Select(p => p.Time)];
        BandPlot.Add(plot, xs, series.Select(p => p.Baseline).ToList(), BaselineColor, $"{baselineName} (median, 5-95% band)");
        BandPlot.Add(plot, xs, series.Select(p => p.Policy).ToList(), PolicyColor, $"{policyName} (median, 5-95% band)");
        plot.YLabel($"{column.Title} ({column.Unit})", size: 14);
        BandPlot.LegendBelow(plot);
        return PlotCanvas.Save(plot, caption, directory, $"{column.Name}.png");
    }

    private static string Effect(IReadOnlyList<EffectPoint> series, string directory, string caption)
    {
        var column = series[0].Column;
        var plot = PlotCanvas.Create($"Effect of the policy on {column.Title.ToLowerInvariant()}");
        double[] xs = [.. series.Select(p => p.Time)];
        var bands = series.Select(p => new Band(p.RelativeEffect.P05 * 100, p.RelativeEffect.Median * 100, p.RelativeEffect.P95 * 100)).ToList();
        BandPlot.Add(plot, xs, bands, EffectColor, "policy vs baseline, paired seeds (median, 5-95% band)");
        var zero = plot.Add.HorizontalLine(0);
        zero.LineColor = Colors.Gray;
        zero.LinePattern = LinePattern.Dotted;
        plot.YLabel("difference from baseline (%)", size: 14);
        BandPlot.LegendBelow(plot);
        return PlotCanvas.Save(plot, caption, directory, $"{column.Name}-effect.png");
    }
}
