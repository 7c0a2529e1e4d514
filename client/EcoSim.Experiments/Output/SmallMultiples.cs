using System.Globalization;
using System.Text;
using ScottPlot;
using ScottPlot.TickGenerators;
using SkiaSharp;

namespace EcoSim.Experiments.Output;

/// <summary>One entry of a small-multiples legend: a line, or a line over a shaded band.</summary>
/// <param name="Text">What the entry stands for.</param>
/// <param name="Color">The line's colour (the band is the same colour, light).</param>
/// <param name="WithBand">True to draw the shaded band behind the line.</param>
/// <param name="Dashed">True for a dashed line, as the panels draw a marker line.</param>
internal sealed record LegendEntry(string Text, Color Color, bool WithBand, bool Dashed = false);

/// <summary>
/// A grid of small plots sharing one title, one x label, one y label (with its unit), one legend and
/// the caption line, saved as PNG and SVG. Panels are laid out in rows of up to <see cref="MaxColumns"/>
/// (twenty clusters make four rows of five); each panel keeps its own y range.
/// </summary>
/// <param name="title">Figure title.</param>
/// <param name="yLabel">Label of every panel's y axis, with its unit.</param>
/// <param name="legend">Legend entries, drawn once under the grid.</param>
/// <param name="caption">Caption line (scenario, seeds, date).</param>
internal sealed class SmallMultiples(string title, string yLabel, IReadOnlyList<LegendEntry> legend, string caption)
{
    public const int MaxColumns = 5;
    public const int PanelWidth = 300;
    public const int PanelHeight = 220;
    private const int Header = 50, LeftStrip = 30, RightStrip = 10, Footer = 86;

    /// <summary>Columns and rows of a grid of <paramref name="panels"/> panels.</summary>
    public static (int Columns, int Rows) Grid(int panels)
    {
        int columns = Math.Clamp(panels, 1, MaxColumns);
        return (columns, (Math.Max(panels, 1) + columns - 1) / columns);
    }

    /// <summary>Pixel size of the whole figure for <paramref name="panels"/> panels.</summary>
    public static (int Width, int Height) Size(int panels)
    {
        var (columns, rows) = Grid(panels);
        return (LeftStrip + columns * PanelWidth + RightStrip, Header + rows * PanelHeight + Footer);
    }

    /// <summary>Where panel i is drawn, row by row.</summary>
    public static IReadOnlyList<PixelRect> PanelRects(int panels)
    {
        var (columns, _) = Grid(panels);
        return [.. Enumerable.Range(0, panels).Select(i =>
        {
            float left = LeftStrip + i % columns * PanelWidth, top = Header + i / columns * PanelHeight;
            return new PixelRect(left, left + PanelWidth, top + PanelHeight, top);
        })];
    }

    /// <summary>An empty panel titled <paramref name="panelTitle"/>, with small tick labels and years on the x axis.</summary>
    public static Plot Panel(string panelTitle)
    {
        PlotFonts.EnsureLoaded();
        var plot = new Plot();
        plot.Title(panelTitle, size: 13);
        plot.Axes.Bottom.TickLabelStyle.FontSize = 10;
        plot.Axes.Left.TickLabelStyle.FontSize = 10;
        plot.Axes.Bottom.TickGenerator = new NumericAutomatic
        {
            LabelFormatter = year => year.ToString("0.##", CultureInfo.InvariantCulture),
            TargetTickCount = 4,
        };
        return plot;
    }

    /// <summary>Draws the panels into one figure and writes <paramref name="fileName"/> (PNG) and its SVG twin.</summary>
    /// <returns>The path of the PNG.</returns>
    public string Save(IReadOnlyList<Plot> panels, string directory, string fileName)
    {
        if (panels.Count == 0) throw new ArgumentException("a small-multiples figure needs at least one panel", nameof(panels));
        foreach (var panel in panels) PlotFonts.Apply(panel);
        var (width, height) = Size(panels.Count);
        string path = Path.Combine(directory, fileName);

        using (var surface = SKSurface.Create(new SKImageInfo(width, height)))
        {
            Draw(surface.Canvas, panels, width, height);
            using var image = surface.Snapshot();
            using var data = image.Encode(SKEncodedImageFormat.Png, 100);
            using var file = File.Create(path);
            data.SaveTo(file);
        }

        using var svg = new MemoryStream();
        using (var canvas = SKSvgCanvas.Create(SKRect.Create(width, height), svg))
            Draw(canvas, panels, width, height);
        SvgFile.Write(PlotFiles.SvgTwin(path), Encoding.UTF8.GetString(svg.ToArray()));
        return path;
    }

    private void Draw(SKCanvas canvas, IReadOnlyList<Plot> panels, int width, int height)
    {
        canvas.Clear(SKColors.White);
        // ScottPlot caches these typefaces: they must not be disposed here.
        SKTypeface regular = Fonts.GetTypeface(PlotFonts.Family, bold: false, italic: false);
        SKTypeface bold = Fonts.GetTypeface(PlotFonts.Family, bold: true, italic: false);
        using var titleFont = new SKFont(bold, 20);
        using var labelFont = new SKFont(regular, 14);
        using var captionFont = new SKFont(regular, 11);
        using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true };
        using var grey = new SKPaint { Color = new SKColor(105, 105, 105), IsAntialias = true };

        canvas.DrawText(title, width / 2f, 32, SKTextAlign.Center, titleFont, ink);
        var rects = PanelRects(panels.Count);
        for (int i = 0; i < panels.Count; i++)
        {
            // A plot clears its canvas before drawing; the clip keeps that to its own cell.
            canvas.Save();
            canvas.ClipRect(new SKRect(rects[i].Left, rects[i].Top, rects[i].Right, rects[i].Bottom));
            panels[i].Render(canvas, rects[i]);
            canvas.Restore();
        }

        float gridBottom = rects.Max(r => r.Bottom);
        canvas.Save();
        canvas.RotateDegrees(-90, 20, Header + (gridBottom - Header) / 2);
        canvas.DrawText(yLabel, 20, Header + (gridBottom - Header) / 2, SKTextAlign.Center, labelFont, ink);
        canvas.Restore();
        canvas.DrawText("Year", width / 2f, gridBottom + 22, SKTextAlign.Center, labelFont, ink);
        DrawLegend(canvas, labelFont, ink, width, gridBottom + 50);
        canvas.DrawText(caption, 8, height - 8, SKTextAlign.Left, captionFont, grey);
    }

    private void DrawLegend(SKCanvas canvas, SKFont font, SKPaint ink, int width, float baseline)
    {
        const float Swatch = 28, Gap = 8, Spacing = 30;
        float total = legend.Sum(e => Swatch + Gap + font.MeasureText(e.Text)) + Spacing * Math.Max(0, legend.Count - 1);
        float x = (width - total) / 2;
        foreach (var entry in legend)
        {
            var color = new SKColor(entry.Color.R, entry.Color.G, entry.Color.B);
            float middle = baseline - 5;
            if (entry.WithBand)
            {
                using var band = new SKPaint { Color = color.WithAlpha(64), Style = SKPaintStyle.Fill };
                canvas.DrawRect(x, middle - 7, Swatch, 14, band);
            }
            using var dashes = entry.Dashed ? SKPathEffect.CreateDash([5, 3], 0) : null;
            using var line = new SKPaint { Color = color, StrokeWidth = 2, Style = SKPaintStyle.Stroke, IsAntialias = true, PathEffect = dashes };
            canvas.DrawLine(x, middle, x + Swatch, middle, line);
            canvas.DrawText(entry.Text, x + Swatch + Gap, baseline, SKTextAlign.Left, font, ink);
            x += Swatch + Gap + font.MeasureText(entry.Text) + Spacing;
        }
    }
}
