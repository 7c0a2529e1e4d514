using System.Text;

namespace EcoSim.Experiments.Report;

/// <summary>One finding in a list: a bold title and the sentences about it.</summary>
/// <param name="Title">What it is about, e.g. a metric.</param>
/// <param name="Text">The sentences.</param>
internal sealed record FindingItem(string Title, string Text);

/// <summary>
/// Findings in words: an emphasised headline, paragraphs, a list of findings and a closing line.
/// Paragraphs starting with "Check failed" are shown as warnings.
/// </summary>
/// <param name="Heading">Section heading.</param>
/// <param name="Headline">The first thing to read; may be empty.</param>
/// <param name="Paragraphs">Paragraphs after the headline.</param>
/// <param name="Items">The list of findings.</param>
/// <param name="Closing">A line after the list; may be empty.</param>
internal sealed record FindingsSection(string Heading, string Headline, IReadOnlyList<string> Paragraphs, IReadOnlyList<FindingItem> Items, string Closing = "") : IReportSection
{
    /// <inheritdoc/>
    public string Id => "findings";

    /// <inheritdoc/>
    public void RenderBody(StringBuilder html)
    {
        if (Headline.Length > 0) html.Append("<p class=\"headline\">").Append(Html.Escape(Headline)).Append("</p>\n");
        foreach (var paragraph in Paragraphs)
            html.Append(paragraph.StartsWith("Check failed", StringComparison.Ordinal) ? "<p class=\"warning\">" : "<p>")
                .Append(Html.Escape(paragraph)).Append("</p>\n");
        if (Items.Count > 0)
        {
            html.Append("<ul class=\"findings\">\n");
            foreach (var item in Items)
                html.Append("<li><strong>").Append(Html.Escape(item.Title)).Append("</strong>: ").Append(Html.Escape(item.Text)).Append("</li>\n");
            html.Append("</ul>\n");
        }
        if (Closing.Length > 0) html.Append("<p>").Append(Html.Escape(Closing)).Append("</p>\n");
    }
}
