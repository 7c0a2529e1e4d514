using System.Text;
using System.Text.RegularExpressions;

namespace EcoSim.Experiments.Output;

/// <summary>
/// Writes SVG drawn by Skia so that its text renders anywhere. Skia names the typeface's own family
/// (<c>DejaVu Sans</c>) in every <c>font-family</c>; a viewer without that font would fall back to its
/// default serif face, so each family gets a list of look-alike fallbacks ending in <c>sans-serif</c>.
/// Glyph positions are written per character, so a fallback face never moves text out of place.
/// Skia numbers clip paths over the whole process, so each file's are numbered afresh: a plot's bytes
/// must not depend on how many plots the process drew before it (a reproduction compares them).
/// </summary>
internal static partial class SvgFile
{
    /// <summary>Fallbacks appended to every font family: wide sans faces first, then the generic family.</summary>
    public const string Fallbacks = "Verdana, 'Bitstream Vera Sans', Arial, Helvetica, sans-serif";

    /// <summary>Writes <paramref name="svg"/> to <paramref name="path"/> as UTF-8 (no byte-order mark) with portable font families.</summary>
    public static void Write(string path, string svg) =>
        File.WriteAllText(path, WithPortableFonts(WithStableIds(svg)), new UTF8Encoding(false));

    /// <summary><paramref name="svg"/> with its clip-path ids renamed <c>cl_0</c>, <c>cl_1</c>, ... in order of first appearance.</summary>
    public static string WithStableIds(string svg)
    {
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        return ClipId().Replace(svg, m => ids.TryGetValue(m.Value, out var id) ? id : ids[m.Value] = $"cl_{ids.Count}");
    }

    /// <summary><paramref name="svg"/> with <see cref="Fallbacks"/> after every font family that has none.</summary>
    public static string WithPortableFonts(string svg) =>
        FontFamily().Replace(svg, m => m.Groups[1].Value.Contains("sans-serif", StringComparison.Ordinal)
            ? m.Value
            : $"font-family=\"{m.Groups[1].Value}, {Fallbacks}\"");

    [GeneratedRegex("(?<=id=\"|url\\(#)cl_[0-9a-f]+")]
    private static partial Regex ClipId();

    [GeneratedRegex("font-family=\"([^\"]*)\"")]
    private static partial Regex FontFamily();
}
