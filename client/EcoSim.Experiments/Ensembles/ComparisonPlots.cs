using EcoSim.Experiments.Output;
using EcoSim.Model.Metrics;
using ScottPlot;

namespace EcoSim.Experiments.Ensembles;

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
    private static readonly Color SeedOnlyColor = Colors.Indigo;

    /// <summary>File name of the per-cluster effect grid of <paramref name="metric"/>.</summary>
    public static string ClusterEffectFileName(string metric) => $"cluster-grid-{metric}-effect.png";

    /// <summary>Label of the y axis of every effect plot.</summary>
    public const string EffectLabel = "difference from baseline (%)";

    /// <summary>
    /// Draws every picture into <paramref name="directory"/>; returns the PNG paths (each has an SVG twin).
    /// <paramref name="onsetTick"/> is the policy's first change (<see cref="PolicyOnset"/>), marked on every plot over time.
    /// Under parameter uncertainty, <paramref name="seedOnly"/> holds the seed-only pairs' points: each effect plot
    /// then draws their band over the wider one, and every legend says which uncertainty its band covers.
    /// </summary>
    public static IReadOnlyList<string> WriteAll(ComparisonSummary summary, IReadOnlyList<EffectPoint> points, string directory, string baselineName, string policyName, int? onsetTick, string caption,
        IReadOnlyList<EffectPoint>? seedOnly = null)
    {
        Directory.CreateDirectory(directory);
        var written = new List<string>();
        int pairs = summary.PairedSeeds.Count;
        foreach (var name in Findings.KeyMetrics)
        {
            var series = points.Where(p => p.Column.Name == name).ToList();
            if (series.Count == 0) continue;
            var seedOnlySeries = seedOnly?.Where(p => p.Column.Name == name).ToList();
            written.Add(PlotCanvas.Save(Levels(series, pairs, baselineName, policyName, onsetTick, drawn: seedOnly is not null), caption, directory, $"{name}.png"));
            written.Add(PlotCanvas.Save(Effect(series, pairs, onsetTick, seedOnlySeries), caption, directory, $"{name}-effect.png"));
        }
        foreach (var metric in ComparisonSummary.ClusterMetrics)
        {
            var clusters = summary.ClusterEffects(metric);
            if (clusters.Count > 0) written.Add(ClusterEffects(MetricColumns.Get(metric), clusters, pairs, onsetTick, OnsetPeriod(points, onsetTick), directory, caption));
        }
        return written;
    }

    private static string ClusterEffects(MetricColumn column, IReadOnlyList<ClusterEffect> clusters, int pairs, int? onsetTick, string? onsetPeriod, string directory, string caption)
    {
        var panels = clusters.Select(cluster =>
        {
            var panel = SmallMultiples.Panel(cluster.ClusterId);
            BandPlot.Add(panel, [.. cluster.Times], [.. cluster.RelativeEffect.Select(b => new Band(b.P05 * 100, b.Median * 100, b.P95 * 100))], EffectColor, "");
            var zero = panel.Add.HorizontalLine(0);
            zero.LineColor = Colors.Gray;
            zero.LinePattern = LinePattern.Dotted;
            if (onsetTick is int onset && onset < cluster.Times.Count)
                OnsetLine(panel, cluster.Times[onset]);
            AxisRules.Apply(panel, new Dictionary<IYAxis, double> { [panel.Axes.Left] = AxisRules.PercentMinimumSpan });
            return panel;
        }).ToList();
        var legend = new List<LegendEntry> { new(EffectLegend(pairs), EffectColor, WithBand: true) };
        if (onsetPeriod is not null)
            legend.Add(new LegendEntry(OnsetText(onsetPeriod), OnsetColor, WithBand: false, Dashed: true));
        var figure = new SmallMultiples($"Effect of the policy on {column.Title.ToLowerInvariant()}, by cluster", EffectLabel, legend, caption);
        return figure.Save(panels, directory, ClusterEffectFileName(column.Name));
    }

    /// <summary>
    /// Baseline and policy levels of one metric with their bands, the policy's first change marked; when
    /// <paramref name="drawn"/> (each pair drew uncertain parameters), the legends say the bands cover the draws.
    /// </summary>
    public static Plot Levels(IReadOnlyList<EffectPoint> series, int pairs, string baselineName, string policyName, int? onsetTick, bool drawn = false)
    {
        var column = series[0].Column;
        var plot = PlotCanvas.Create($"{column.Title}: {policyName} vs {baselineName}");
        double[] xs = [.. series.Select(p => p.Time)];
        string covers = drawn ? ", drawn parameters" : "";
        BandPlot.Add(plot, xs, series.Select(p => p.Baseline).ToList(), BaselineColor, $"{baselineName}{covers} ({SeedEvidence.LegendBand(pairs, "runs", "run")})");
        BandPlot.Add(plot, xs, series.Select(p => p.Policy).ToList(), PolicyColor, $"{policyName}{covers} ({SeedEvidence.LegendBand(pairs, "runs", "run")})");
        MarkOnset(plot, series, onsetTick);
        plot.YLabel(PlotCanvas.AxisLabel([column]), size: 14);
        BandPlot.LegendBelow(plot);
        return PlotCanvas.Finish(plot, new Dictionary<IYAxis, double> { [plot.Axes.Left] = AxisRules.MinimumSpan(column.Unit) });
    }

    /// <summary>
    /// The relative effect of the policy on one metric over time with its band, the policy's first change
    /// marked; with <paramref name="seedOnly"/>, the band of seed noise alone drawn over the wider band of
    /// seed noise and parameter uncertainty, each named in the legend.
    /// </summary>
    public static Plot Effect(IReadOnlyList<EffectPoint> series, int pairs, int? onsetTick, IReadOnlyList<EffectPoint>? seedOnly = null)
    {
        var column = series[0].Column;
        var plot = PlotCanvas.Create($"Effect of the policy on {column.Title.ToLowerInvariant()}");
        double[] xs = [.. series.Select(p => p.Time)];
        static List<Band> Percent(IReadOnlyList<EffectPoint> points) => [.. points.Select(p => new Band(p.RelativeEffect.P05 * 100, p.RelativeEffect.Median * 100, p.RelativeEffect.P95 * 100))];
        if (seedOnly is { Count: > 0 })
        {
            BandPlot.Add(plot, xs, Percent(series), EffectColor, $"seed noise and parameter uncertainty, {pairs} paired seeds ({SeedEvidence.LegendBand(pairs, "pairs", "pair")})");
            BandPlot.Add(plot, xs, Percent(seedOnly), SeedOnlyColor, "seed noise only (same seeds, own values)");
        }
        else
            BandPlot.Add(plot, xs, Percent(series), EffectColor, EffectLegend(pairs));
        var zero = plot.Add.HorizontalLine(0);
        zero.LineColor = Colors.Gray;
        zero.LinePattern = LinePattern.Dotted;
        MarkOnset(plot, series, onsetTick);
        plot.YLabel(EffectLabel, size: 14);
        BandPlot.LegendBelow(plot);
        return PlotCanvas.Finish(plot, new Dictionary<IYAxis, double> { [plot.Axes.Left] = AxisRules.PercentMinimumSpan });
    }

    /// <summary>Legend of an effect line over <paramref name="pairs"/> paired seeds, its shade named for what it is.</summary>
    public static string EffectLegend(int pairs) =>
        $"policy vs baseline, {pairs} paired {(pairs == 1 ? "seed" : "seeds")} ({SeedEvidence.LegendBand(pairs, "pairs", "pair")})";

    private static readonly Color OnsetColor = Colors.DimGray;

    /// <summary>Legend and label text of the onset marker.</summary>
    public static string OnsetText(string period) => $"policy's first change, {period}";

    private static void MarkOnset(Plot plot, IReadOnlyList<EffectPoint> series, int? onsetTick)
    {
        if (onsetTick is not int onset || onset >= series.Count) return;
        var line = OnsetLine(plot, series[onset].Time);
        line.LegendText = OnsetText(series[onset].Period);
        line.LabelText = series[onset].Period;
        // At the top: at the bottom the label would cover the year ticks.
        line.LabelOppositeAxis = true;
        line.LabelBackgroundColor = OnsetColor;
    }

    private static ScottPlot.Plottables.VerticalLine OnsetLine(Plot plot, double time)
    {
        var line = plot.Add.VerticalLine(time);
        line.LineColor = OnsetColor;
        line.LineWidth = 1.5f;
        line.LinePattern = LinePattern.DenselyDashed;
        return line;
    }

    // The calendar label of the onset tick, from the points of one metric (one point per tick).
    private static string? OnsetPeriod(IReadOnlyList<EffectPoint> points, int? onsetTick)
    {
        if (onsetTick is not int onset || points.Count == 0) return null;
        var series = points.Where(p => p.Column == points[0].Column).ToList();
        return onset < series.Count ? series[onset].Period : null;
    }
}
