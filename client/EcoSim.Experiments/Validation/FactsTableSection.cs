using System.Text;
using EcoSim.Experiments.Report;

namespace EcoSim.Experiments.Validation;

/// <summary>The report's table of every statistic of every fact: the run's value, the band it must be in, holds or fails, and the source.</summary>
/// <param name="Facts">The checked facts, in order.</param>
internal sealed record FactsTableSection(IReadOnlyList<FactResult> Facts) : IReportSection
{
    /// <inheritdoc/>
    public string Id => "facts";

    /// <inheritdoc/>
    public string Heading => "Stylized facts, statistic by statistic";

    /// <inheritdoc/>
    public void RenderBody(StringBuilder html)
    {
        html.Append("<p>").Append(Html.Escape("Each fact holds when every one of its statistics is in its band. facts.csv has the same rows with every number in full.")).Append("</p>\n");
        html.Append("<table>\n<thead><tr><th>fact</th><th>statistic</th><th>value</th><th>holds for</th><th>verdict</th><th>source</th></tr></thead>\n<tbody>\n");
        foreach (var fact in Facts)
        {
            if (fact.Statistics.Count == 0)
                Row(html, fact, fact.Detail, "", "", false);
            foreach (var s in fact.Statistics)
                Row(html, fact, s.Name, FactResult.Number(s.Value), s.Band.Text, s.Passed);
        }
        html.Append("</tbody>\n</table>\n");
        foreach (var fact in Facts)
            html.Append("<p><strong>").Append(Html.Escape(fact.Id)).Append(":</strong> ").Append(Html.Escape(fact.Detail)).Append("</p>\n");
    }

    private static void Row(StringBuilder html, FactResult fact, string statistic, string value, string band, bool passed) =>
        html.Append("<tr><td>").Append(Html.Escape(fact.Id)).Append("</td><td>").Append(Html.Escape(statistic)).Append("</td><td>").Append(Html.Escape(value))
            .Append("</td><td>").Append(Html.Escape(band)).Append("</td><td>").Append(passed ? "holds" : "<strong>fails</strong>")
            .Append("</td><td>").Append(Html.Escape(fact.Source)).Append("</td></tr>\n");
}
