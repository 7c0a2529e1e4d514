using EcoSim.Experiments.Output;
using ScottPlot;
using SkiaSharp;

namespace EcoSim.Client.Tests;

/// <summary>
/// ScottPlot on a machine without usable fonts draws no text and reports no error. These tests render
/// the same plot with and without its labels, with the layout pinned so that only text can differ,
/// and require the title and axis-label strips to differ by many pixels.
/// </summary>
public sealed class PlotTextTests
{
    private const int Width = 600, Height = 400;
    private static readonly PixelPadding Margins = new(left: 80, right: 20, bottom: 60, top: 50);

    [Fact]
    public void Title_and_axis_labels_are_drawn_in_the_bundled_font()
    {
        using SKBitmap withText = Render("Visible title text", "Year", "bn yuan/yr");
        using SKBitmap without = Render("", "", "");

        int title = PixelStats.DifferingPixels(withText, without, new SKRectI(0, 0, Width, (int)Margins.Top));
        // Whole margins: tick labels are drawn identically in both images, so only the axis labels count.
        int xLabel = PixelStats.DifferingPixels(withText, without, new SKRectI(0, Height - (int)Margins.Bottom, Width, Height));
        int yLabel = PixelStats.DifferingPixels(withText, without, new SKRectI(0, 0, (int)Margins.Left, Height));

        Assert.True(title > 300, $"title strip differs by only {title} pixels: title text was not drawn");
        Assert.True(xLabel > 80, $"x-label strip differs by only {xLabel} pixels: axis label was not drawn");
        Assert.True(yLabel > 80, $"y-label strip differs by only {yLabel} pixels: axis label was not drawn");
    }

    [Fact]
    public void Bundled_font_resolves_to_dejavu_sans_with_glyphs()
    {
        PlotFonts.EnsureLoaded();

        SKTypeface regular = Fonts.GetTypeface(PlotFonts.Family, bold: false, italic: false);
        SKTypeface bold = Fonts.GetTypeface(PlotFonts.Family, bold: true, italic: false);

        Assert.Equal("DejaVu Sans", regular.FamilyName);
        Assert.Equal((int)SKFontStyleWeight.Bold, bold.FontWeight);
        Assert.DoesNotContain((ushort)0, regular.GetGlyphs("Value added (bn yuan/yr) 2024"));
        Assert.Equal(PlotFonts.Family, Fonts.Default);
    }

    private static SKBitmap Render(string title, string xLabel, string yLabel)
    {
        var plot = new Plot();
        plot.Add.ScatterLine(new double[] { 2024, 2025, 2026 }, new double[] { 1, 3, 2 });
        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        plot.Layout.Fixed(Margins);
        PlotFonts.Apply(plot);
        return SKBitmap.Decode(plot.GetImageBytes(Width, Height, ImageFormat.Png));
    }
}
