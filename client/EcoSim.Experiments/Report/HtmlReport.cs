using System.Globalization;
using System.Text;

namespace EcoSim.Experiments.Report;

/// <summary>
/// A self-contained HTML report: one file with inline CSS, images embedded as data URIs, no script and
/// no reference to anything outside the file. Built from sections in order; every command uses the same
/// builder:
/// <code>
/// new HtmlReport(title, subtitle)
///     .Add(new FindingsSection(...))
///     .Add(FiguresSection.Of("Plots", pngPaths, outputFolder))
///     .Add(new ScenarioTextSection(scenarios))
///     .Add(new ParameterTableSection(ParameterValuesTable.For(scenarios)))
///     .Add(ReproductionFacts.Section(manifest))
///     .Write(path);
/// </code>
/// </summary>
/// <param name="title">Report title (also the page title).</param>
/// <param name="subtitle">One paragraph under the title, e.g. the question the scenario asks; may be empty.</param>
internal sealed class HtmlReport(string title, string subtitle = "")
{
    /// <summary>The report's file name in an output folder.</summary>
    public const string FileName = "report.html";

    private readonly List<IReportSection> _sections = [];

    /// <summary>The sections added so far, in order.</summary>
    public IReadOnlyList<IReportSection> Sections => _sections;

    /// <summary>Appends a section.</summary>
    /// <exception cref="ArgumentException">Another section has the same id.</exception>
    public HtmlReport Add(IReportSection section)
    {
        if (_sections.Any(s => s.Id == section.Id))
            throw new ArgumentException($"the report already has a section '{section.Id}'", nameof(section));
        _sections.Add(section);
        return this;
    }

    /// <summary>The whole document. Well-formed XML as well as HTML, so a plain XML parser can check it.</summary>
    public string Render()
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\" />\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n")
            .Append("<title>").Append(Html.Escape(title)).Append("</title>\n")
            .Append("<style>").Append(ReportStyle.Css).Append("</style>\n</head>\n<body>\n<header>\n")
            .Append("<h1>").Append(Html.Escape(title)).Append("</h1>\n");
        if (subtitle.Trim().Length > 0) html.Append("<p class=\"subtitle\">").Append(Html.Escape(subtitle.Trim())).Append("</p>\n");
        html.Append("<nav><ul>");
        foreach (var section in _sections)
            html.Append("<li><a href=\"#").Append(Html.Escape(section.Id)).Append("\">").Append(Html.Escape(section.Heading)).Append("</a></li>");
        html.Append("</ul></nav>\n</header>\n<main>\n");
        foreach (var section in _sections)
        {
            html.Append("<section id=\"").Append(Html.Escape(section.Id)).Append("\">\n<h2>").Append(Html.Escape(section.Heading)).Append("</h2>\n");
            section.RenderBody(html);
            html.Append("</section>\n");
        }
        html.Append("</main>\n<footer><p>Written by ecosim. This file is self-contained: it needs no network and no other file.</p></footer>\n</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>Writes <see cref="Render"/> to <paramref name="path"/> as UTF-8 without a byte-order mark.</summary>
    public void Write(string path) => File.WriteAllText(path, Render(), new UTF8Encoding(false));

    /// <summary>
    /// A number for reading, in invariant culture with thousands separators: whole numbers without
    /// decimals, large ones to the unit, others to about four significant digits.
    /// </summary>
    public static string Number(double value)
    {
        if (!double.IsFinite(value)) return "n/a";
        double size = Math.Abs(value);
        string format = value == Math.Round(value) || size >= 1000 ? "N0" : size >= 10 ? "N1" : size >= 1 ? "N3" : "G3";
        return value.ToString(format, CultureInfo.InvariantCulture);
    }
}
