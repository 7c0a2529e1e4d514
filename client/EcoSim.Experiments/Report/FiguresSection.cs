using System.Text;
using EcoSim.Experiments.Output;

namespace EcoSim.Experiments.Report;

/// <summary>One picture of a report: the PNG written to the output folder (its SVG twin is embedded when present).</summary>
/// <param name="PngPath">Full path of the PNG.</param>
/// <param name="RelativePath">Path relative to the output folder, shown under the picture.</param>
internal sealed record ReportFigure(string PngPath, string RelativePath)
{
    /// <summary>The picture as a data URI: the SVG twin if there is one (sharp at any size), else the PNG.</summary>
    public string DataUri()
    {
        string svg = PlotFiles.SvgTwin(PngPath);
        return File.Exists(svg)
            ? "data:image/svg+xml;base64," + Convert.ToBase64String(File.ReadAllBytes(svg))
            : "data:image/png;base64," + Convert.ToBase64String(File.ReadAllBytes(PngPath));
    }
}

/// <summary>A group of pictures embedded in the report, each with its file name as caption.</summary>
/// <param name="Id">Anchor id.</param>
/// <param name="Heading">Section heading.</param>
/// <param name="Introduction">A line above the pictures; may be empty.</param>
/// <param name="Figures">The pictures, in order; none gives a short note instead.</param>
internal sealed record FiguresSection(string Id, string Heading, string Introduction, IReadOnlyList<ReportFigure> Figures) : IReportSection
{
    /// <summary>A section of the PNGs at <paramref name="pngPaths"/>, captioned relative to <paramref name="outputFolder"/>.</summary>
    public static FiguresSection Of(string id, string heading, string introduction, IEnumerable<string> pngPaths, string outputFolder) =>
        new(id, heading, introduction, [.. pngPaths.Select(p => new ReportFigure(p, Path.GetRelativePath(outputFolder, p).Replace(Path.DirectorySeparatorChar, '/')))]);

    /// <inheritdoc/>
    public void RenderBody(StringBuilder html)
    {
        if (Figures.Count == 0)
        {
            html.Append("<p>No plots were drawn for this output (--no-plots).</p>\n");
            return;
        }
        if (Introduction.Length > 0) html.Append("<p>").Append(Html.Escape(Introduction)).Append("</p>\n");
        foreach (var figure in Figures)
        {
            string name = Html.Escape(figure.RelativePath);
            html.Append("<figure><img src=\"").Append(figure.DataUri()).Append("\" alt=\"").Append(name).Append("\" />")
                .Append("<figcaption>").Append(name).Append(" (also ").Append(Html.Escape(Path.ChangeExtension(figure.RelativePath, ".svg"))).Append(")</figcaption></figure>\n");
        }
    }
}
