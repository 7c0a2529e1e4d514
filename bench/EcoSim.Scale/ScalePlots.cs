using System.Globalization;
using EcoSim.Experiments.Output;
using ScottPlot;
using EcoSim.Experiments;

namespace EcoSim.Scale;

/// <summary>
/// The two figures of docs/PERFORMANCE.md, drawn from the throughput samples (medians): firm updates
/// per second against firms per shard, one line per population, and against the population, one line
/// per engine and shard size. The x axes are categorical (equally spaced sizes).
/// </summary>
internal static class ScalePlots
{
    public const string ShardsFile = "performance-shards.png", FirmsFile = "performance-firms.png";

    public static IReadOnlyList<string> Draw(IReadOnlyList<Sample> samples, string folder, string caption)
    {
        var medians = samples.Where(s => s.Measure == "throughput")
            .GroupBy(s => (s.Engine, s.Firms, s.FirmsPerShard))
            .ToDictionary(g => g.Key, g => Spread.Of(g.Select(s => s.Value)).Median / 1e6);
        if (medians.Count == 0) throw new InvalidOperationException("no throughput samples to plot");
        Directory.CreateDirectory(folder);
        return [Shards(medians, folder, caption), Firms(medians, folder, caption)];
    }

    private static string Shards(Dictionary<(EngineKind Engine, int Firms, int Shard), double> medians, string folder, string caption)
    {
        int[] shards = [.. medians.Keys.Where(k => k.Engine == EngineKind.Orleans).Select(k => k.Shard).Distinct().Order()];
        var plot = Create("Orleans engine: throughput by shard size", "firms per shard grain (1 = one activation per firm)", shards.Select(s => s.ToString("N0", CultureInfo.InvariantCulture)));
        var palette = new ScottPlot.Palettes.Category10();
        int colour = 0;
        foreach (int firms in medians.Keys.Select(k => k.Firms).Distinct().Order())
        {
            var color = palette.GetColor(colour++);
            var points = shards.Select((s, i) => (X: (double)i, Found: medians.TryGetValue((EngineKind.Orleans, firms, s), out double y), Y: y)).Where(p => p.Found).ToArray();
            if (points.Length > 0) Line(plot, [.. points.Select(p => p.X)], [.. points.Select(p => p.Y)], color, $"Orleans, {Label(firms)} firms", dashed: false, markers: true);
            if (medians.TryGetValue((EngineKind.Reference, firms, 0), out double reference))
                Line(plot, [0, shards.Length - 1], [reference, reference], color, $"reference engine, {Label(firms)} firms", dashed: true, markers: false);
        }
        return Save(plot, shards.Length, caption, folder, ShardsFile);
    }

    private static string Firms(Dictionary<(EngineKind Engine, int Firms, int Shard), double> medians, string folder, string caption)
    {
        int[] populations = [.. medians.Keys.Select(k => k.Firms).Distinct().Order()];
        var plot = Create("Throughput by population", "firms at the start of the run", populations.Select(Label));
        var palette = new ScottPlot.Palettes.Category10();
        int colour = 0;
        foreach (var (engine, shard) in medians.Keys.Select(k => (k.Engine, k.Shard)).Distinct().OrderBy(k => k.Engine != EngineKind.Reference).ThenBy(k => k.Shard))
        {
            var points = populations.Select((f, i) => (X: (double)i, Found: medians.TryGetValue((engine, f, shard), out double y), Y: y)).Where(p => p.Found).ToArray();
            if (points.Length < 2) continue; // shard sizes measured at one population only belong to the other plot
            string legend = engine == EngineKind.Reference ? "reference engine" : $"Orleans, {shard:N0} firms/shard";
            Line(plot, [.. points.Select(p => p.X)], [.. points.Select(p => p.Y)], palette.GetColor(colour++), legend, dashed: engine == EngineKind.Reference, markers: true);
        }
        return Save(plot, populations.Length, caption, folder, FirmsFile);
    }

    private static Plot Create(string title, string xLabel, IEnumerable<string> xTicks)
    {
        PlotFonts.EnsureLoaded();
        var plot = new Plot();
        plot.Title(title, size: 18);
        plot.Axes.Title.Label.Bold = true;
        plot.XLabel(xLabel, size: 14);
        plot.YLabel("million firm updates per second", size: 14);
        string[] labels = [.. xTicks];
        plot.Axes.Bottom.SetTicks([.. Enumerable.Range(0, labels.Length).Select(i => (double)i)], labels);
        return plot;
    }

    private static void Line(Plot plot, double[] xs, double[] ys, Color color, string legend, bool dashed, bool markers)
    {
        var line = plot.Add.ScatterLine(xs, ys);
        line.Color = color;
        line.LineWidth = 2;
        line.MarkerSize = markers ? 7 : 0;
        line.LegendText = legend;
        if (dashed) line.LinePattern = LinePattern.Dashed;
    }

    private static string Save(Plot plot, int categories, string caption, string folder, string file)
    {
        plot.Axes.AutoScale();
        plot.Axes.SetLimits(-0.3, categories - 0.7, 0, plot.Axes.GetLimits().Top * 1.1);
        plot.ShowLegend(Edge.Bottom);
        plot.Legend.Orientation = Orientation.Horizontal;
        return PlotCanvas.Save(plot, caption, folder, file);
    }

    private static string Label(int firms) => firms switch
    {
        >= 1_000_000 when firms % 1_000_000 == 0 => $"{firms / 1_000_000}M",
        >= 1_000 when firms % 1_000 == 0 => $"{firms / 1_000}k",
        _ => firms.ToString(CultureInfo.InvariantCulture),
    };
}
