using ScottPlot;
using SkiaSharp;

namespace EcoSim.Experiments.Output;

/// <summary>
/// Registers the DejaVu Sans font shipped in the program's <c>Fonts</c> folder with ScottPlot and makes
/// it every plot's font. ScottPlot on a Linux machine without fonts draws no text at all and reports no
/// error, so plots must never be drawn without this font: a missing or unusable file throws instead.
/// </summary>
public static class PlotFonts
{
    /// <summary>The family name the bundled font is registered under (distinct from any installed font).</summary>
    public const string Family = "EcoSim DejaVu Sans";

    /// <summary>Folder under <see cref="AppContext.BaseDirectory"/> holding the font files.</summary>
    public const string FolderName = "Fonts";

    /// <summary>The regular face.</summary>
    public const string RegularFile = "DejaVuSans.ttf";

    /// <summary>The bold face (used by titles).</summary>
    public const string BoldFile = "DejaVuSans-Bold.ttf";

    private static readonly Lock Gate = new();
    private static bool loaded;

    /// <summary>Registers the bundled font (once per process) and makes it ScottPlot's default font.</summary>
    /// <exception cref="FileNotFoundException">A font file is missing from the <c>Fonts</c> folder.</exception>
    /// <exception cref="InvalidOperationException">The font file does not yield a typeface with glyphs.</exception>
    public static void EnsureLoaded()
    {
        lock (Gate)
        {
            if (loaded)
                return;
            string folder = Path.Combine(AppContext.BaseDirectory, FolderName);
            string regularPath = RequireFile(folder, RegularFile), boldPath = RequireFile(folder, BoldFile);
            Register(regularPath, bold: false);
            Register(boldPath, bold: true);
            Fonts.Default = Family;
            Fonts.Sans = Family;
            loaded = true;
        }
    }

    /// <summary>Loads the font if needed and sets every font of <paramref name="plot"/> to <see cref="Family"/>.</summary>
    /// <param name="plot">The plot to style; call after adding its panels and before rendering.</param>
    public static void Apply(Plot plot)
    {
        ArgumentNullException.ThrowIfNull(plot);
        EnsureLoaded();
        plot.Font.Set(Family); // pins the regular face on the title, axis labels and tick labels
        plot.Axes.Title.Label.Font = null; // let the (bold) title resolve its face from the family name
        plot.Axes.Title.Label.FontName = Family;
        plot.Legend.FontName = Family;
        plot.Legend.SetBestFontOnEachRender = false;
    }

    private static string RequireFile(string folder, string fileName)
    {
        string path = Path.Combine(folder, fileName);
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException(
                $"plot font '{path}' is missing; it must be copied next to the program ({FolderName}/{fileName}), " +
                "otherwise plots would be drawn without any text", path);
    }

    private static void Register(string path, bool bold)
    {
        Fonts.AddFontFile(Family, path, bold, italic: false);
        SKTypeface typeface = Fonts.GetTypeface(Family, bold, italic: false);
        if (typeface.GetGlyphs("Year 0123456789").Any(glyph => glyph == 0))
            throw new InvalidOperationException(
                $"plot font '{path}' did not load as a usable typeface (got family '{typeface.FamilyName}')");
    }
}
