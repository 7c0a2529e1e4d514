using EcoSim.Experiments.Output;
using EcoSim.Model.Metrics;
using SkiaSharp;

namespace EcoSim.Client.Tests;

public sealed class RunPlotsTests
{
    [Fact]
    public void WriteAll_writes_every_expected_png_with_an_svg_twin_and_text_in_the_title_and_caption_strips()
    {
        using var temp = new TempFolder();
        string plots = temp.Combine("plots");

        IReadOnlyList<string> written = RunPlots.WriteAll(SampleRows.Create(), plots, RunPlots.Caption("baseline", 42, new DateTime(2025, 1, 1)));

        string[] expected =
        [
            "rd.png", "budget.png", "knowledge.png", "innovation.png", "firms.png", "talent.png", "output.png",
            "clusters-value-added.png",
            "cluster-grid-knowledge_stock.png", "cluster-grid-firm_rd.png", "cluster-grid-firms.png",
            "cluster-grid-researchers.png", "cluster-grid-productivity.png", "cluster-grid-value_added.png",
        ];
        Assert.Equal(expected, RunPlots.FileNames);
        Assert.Equal(expected.Select(f => Path.Combine(plots, f)), written);
        string[] withTwins = [.. expected, .. expected.Select(f => Path.ChangeExtension(f, ".svg"))];
        Assert.Equal(withTwins.Order(), Directory.GetFiles(plots).Select(Path.GetFileName).Order());
        foreach (string file in written)
        {
            Assert.True(new FileInfo(file).Length > 10_000, $"{file} is suspiciously small");
            using SKBitmap bitmap = SKBitmap.Decode(file);
            bool grid = Path.GetFileName(file).StartsWith("cluster-grid-", StringComparison.Ordinal);
            Assert.Equal(grid ? SmallMultiples.Size(SampleRows.Clusters) : (RunPlots.Width, RunPlots.Height), (bitmap.Width, bitmap.Height));
            Assert.True(PixelStats.DarkPixels(bitmap, top: 0, bottom: 35) > 150, $"{file}: no title text");
            Assert.True(PixelStats.DarkPixels(bitmap, top: bitmap.Height - 18, bottom: bitmap.Height) > 50, $"{file}: no caption text");
            Assert.True(PixelStats.DistinctColors(bitmap) > 50, $"{file}: looks blank");
        }
    }

    [Fact]
    public void WriteAll_copes_with_a_single_tick()
    {
        using var temp = new TempFolder();

        IReadOnlyList<string> written = RunPlots.WriteAll(SampleRows.Create(ticks: 1), temp.Path, "one tick");

        Assert.All(written, file => Assert.True(new FileInfo(file).Length > 5_000, file));
    }

    [Fact]
    public void WriteAll_refuses_rows_without_a_region_series()
    {
        using var temp = new TempFolder();
        MetricsRow[] clustersOnly = [.. SampleRows.Create(4).Where(r => r.Cluster != MetricsRow.RegionIndex)];

        Assert.Throws<ArgumentException>(() => RunPlots.WriteAll(clustersOnly, temp.Path, "caption"));
    }

    [Fact]
    public void Caption_names_scenario_seed_and_date()
    {
        Assert.Equal("scenario baseline · seed 42 · 2025-01-02",
            RunPlots.Caption("baseline", 42, new DateTime(2025, 1, 2, 23, 59, 0, DateTimeKind.Utc)));
    }

    [Fact]
    public void Font_files_and_licence_are_copied_next_to_the_program()
    {
        string fonts = Path.Combine(AppContext.BaseDirectory, PlotFonts.FolderName);
        Assert.True(File.Exists(Path.Combine(fonts, PlotFonts.RegularFile)));
        Assert.True(File.Exists(Path.Combine(fonts, PlotFonts.BoldFile)));
        Assert.Contains("Bitstream", File.ReadAllText(Path.Combine(fonts, "LICENSE-DejaVu.txt")));
    }
}
