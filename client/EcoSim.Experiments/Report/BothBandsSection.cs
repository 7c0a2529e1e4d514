using System.Text;
using EcoSim.Experiments.Ensembles;

namespace EcoSim.Experiments.Report;

/// <summary>
/// The report's table of both kinds of band under <c>--parameter-uncertainty</c>: for each key metric, the
/// band of seed noise alone beside the band of seed noise and parameter uncertainty, and whether the
/// direction survives (the cells of <see cref="BothBandsTable"/>, as in findings.md).
/// </summary>
/// <param name="Effects">The findings, each with its <see cref="MetricFinding.Both"/>.</param>
internal sealed record BothBandsSection(IReadOnlyList<MetricFinding> Effects) : IReportSection
{
    /// <inheritdoc/>
    public string Id => "both-bands";

    /// <inheritdoc/>
    public string Heading => "Both kinds of band";

    /// <inheritdoc/>
    public void RenderBody(StringBuilder html)
    {
        html.Append("<p>").Append(Html.Escape(BothBandsTable.Caption(Effects))).Append("</p>\n<table>\n<thead><tr>");
        foreach (var name in BothBandsTable.Header) html.Append("<th>").Append(Html.Escape(name)).Append("</th>");
        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in BothBandsTable.Rows(Effects))
        {
            html.Append("<tr>");
            foreach (var cell in row) html.Append("<td>").Append(Html.Escape(cell)).Append("</td>");
            html.Append("</tr>\n");
        }
        html.Append("</tbody>\n</table>\n");
    }
}
