using System.Xml.Linq;
using EcoSim.Experiments.Ensembles;
using EcoSim.Experiments.Output;
using ScottPlot;
using SkiaSharp;

namespace EcoSim.Client.Tests;

/// <summary>Small multiples: twenty clusters make twenty panels, each drawn, each titled; figure text is visible.</summary>
public sealed class SmallMultiplesTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Fact]
    public void Twenty_clusters_make_a_grid_of_four_rows_of_five_panels_that_do_not_overlap()
    {
        Assert.Equal((5, 4), SmallMultiples.Grid(20));
        var rects = SmallMultiples.PanelRects(20);
        Assert.Equal(20, rects.Count);
        var (width, height) = SmallMultiples.Size(20);
        Assert.All(rects, r => Assert.True(r.Left >= 0 && r.Right <= width && r.Top >= 0 && r.Bottom <= height, $"{r} outside the figure"));
        for (int i = 0; i < rects.Count; i++)
            for (int j = i + 1; j < rects.Count; j++)
                Assert.False(rects[i].Left < rects[j].Right && rects[j].Left < rects[i].Right && rects[i].Top < rects[j].Bottom && rects[j].Top < rects[i].Bottom,
                    $"panels {i} and {j} overlap");
    }

    [Fact]
    public void The_run_grid_draws_twenty_titled_panels_each_with_its_line()
    {
        using var temp = new TempFolder();
        string png = ClusterGridChart.Write(SampleRows.Create(), "firms", temp.Path, "caption line");

        AssertTwentyDrawnPanels(png, expectedLine: Colors.SteelBlue);
    }

    [Fact]
    public void The_comparison_grids_draw_the_effect_of_every_cluster_with_its_band()
    {
        using var temp = new TempFolder();
        var summary = SyntheticComparison.Create(onsetTick: 6);
        var written = ComparisonPlots.WriteAll(summary, summary.Points(), temp.Path, "base", "policy", null, "caption line");

        foreach (string metric in ComparisonSummary.ClusterMetrics)
            Assert.Contains(Path.Combine(temp.Path, ComparisonPlots.ClusterEffectFileName(metric)), written);
        string knowledge = Path.Combine(temp.Path, ComparisonPlots.ClusterEffectFileName("knowledge_stock"));
        AssertTwentyDrawnPanels(knowledge, expectedLine: Colors.SeaGreen);
        var texts = XDocument.Load(PlotFiles.SvgTwin(knowledge)).Descendants(Svg + "text").Select(t => t.Value.Trim()).ToList();
        Assert.Contains("difference from baseline (%)", texts);
        Assert.Contains(ComparisonPlots.EffectLegend(summary.PairedSeeds.Count), texts);
    }

    [Fact]
    public void Cluster_effects_keep_the_band_of_every_cluster_and_tick()
    {
        var effects = SyntheticComparison.Create(onsetTick: 6).ClusterEffects("knowledge_stock");

        Assert.Equal(SampleRows.Clusters, effects.Count);
        Assert.All(effects, e => Assert.Equal(SyntheticComparison.Ticks, e.RelativeEffect.Count));
        Assert.Equal(0, effects[3].RelativeEffect[5].Median);
        Assert.Equal(0.11, effects[3].RelativeEffect[6].Median, 12);
        Assert.Equal(0.101, effects[3].RelativeEffect[6].P05, 12);
        Assert.Throws<ArgumentException>(() => SyntheticComparison.Create(onsetTick: 6).ClusterEffects("wage"));
    }

    [Fact]
    public void Title_axis_labels_legend_and_caption_of_a_grid_are_drawn()
    {
        using var temp = new TempFolder();
        string with = Write(temp, "with.png", "Figure title", "y label (unit)", "legend text", "caption text");
        string without = Write(temp, "without.png", "", "", "", "");
        using var a = SKBitmap.Decode(with);
        using var b = SKBitmap.Decode(without);
        var rects = SmallMultiples.PanelRects(20);
        int gridBottom = (int)rects.Max(r => r.Bottom), gridLeft = (int)rects.Min(r => r.Left);

        Assert.True(PixelStats.DifferingPixels(a, b, new SKRectI(0, 0, a.Width, (int)rects[0].Top)) > 300, "no title");
        Assert.True(PixelStats.DifferingPixels(a, b, new SKRectI(0, 0, gridLeft, a.Height)) > 80, "no y label");
        Assert.True(PixelStats.DifferingPixels(a, b, new SKRectI(0, gridBottom + 28, a.Width, a.Height - 20)) > 80, "no legend");
        Assert.True(PixelStats.DifferingPixels(a, b, new SKRectI(0, a.Height - 20, a.Width, a.Height)) > 80, "no caption");
    }

    private static string Write(TempFolder temp, string name, string title, string yLabel, string legend, string caption)
    {
        var panels = Enumerable.Range(0, 20).Select(i =>
        {
            var panel = SmallMultiples.Panel($"cluster-{i:00}");
            panel.Add.ScatterLine(new double[] { 2024, 2025, 2026 }, new double[] { 1, 3, 2 });
            return panel;
        }).ToList();
        return new SmallMultiples(title, yLabel, [new LegendEntry(legend, Colors.SteelBlue, WithBand: false)], caption).Save(panels, temp.Path, name);
    }

    private static void AssertTwentyDrawnPanels(string png, Color expectedLine)
    {
        using var bitmap = SKBitmap.Decode(png);
        Assert.Equal(SmallMultiples.Size(20), (bitmap.Width, bitmap.Height));
        var line = new SKColor(expectedLine.R, expectedLine.G, expectedLine.B);
        foreach (var rect in SmallMultiples.PanelRects(20))
        {
            int linePixels = 0;
            for (int y = (int)rect.Top; y < (int)rect.Bottom; y++)
                for (int x = (int)rect.Left; x < (int)rect.Right; x++)
                    if (bitmap.GetPixel(x, y) == line) linePixels++;
            Assert.True(linePixels > 50, $"panel at {rect} has only {linePixels} pixels of its line");
            using var cell = Crop(bitmap, rect);
            Assert.True(PixelStats.DarkPixels(cell, 0, 30) > 30, $"panel at {rect} has no title");
        }
        var titles = XDocument.Load(PlotFiles.SvgTwin(png)).Descendants(Svg + "text").Select(t => t.Value.Trim()).ToHashSet();
        Assert.All(Enumerable.Range(0, 20), i => Assert.Contains($"cluster-{i:00}", titles));
    }

    private static SKBitmap Crop(SKBitmap bitmap, PixelRect rect)
    {
        var cropped = new SKBitmap((int)rect.Width, (int)rect.Height);
        bitmap.ExtractSubset(cropped, new SKRectI((int)rect.Left, (int)rect.Top, (int)rect.Right, (int)rect.Bottom));
        return cropped;
    }
}
