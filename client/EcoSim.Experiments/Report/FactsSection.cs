using System.Text;

namespace EcoSim.Experiments.Report;

/// <summary>One fact of a report's reproduction section.</summary>
/// <param name="Label">What it is.</param>
/// <param name="Value">Its value.</param>
internal sealed record ReportFact(string Label, string Value);

/// <summary>How to reproduce the output: a list of facts and a note.</summary>
/// <param name="Facts">The facts, in order.</param>
/// <param name="Note">A paragraph after them; may be empty.</param>
internal sealed record FactsSection(IReadOnlyList<ReportFact> Facts, string Note) : IReportSection
{
    /// <inheritdoc/>
    public string Id => "reproduction";

    /// <inheritdoc/>
    public string Heading => "How to reproduce";

    /// <inheritdoc/>
    public void RenderBody(StringBuilder html)
    {
        html.Append("<dl class=\"facts\">\n");
        foreach (var fact in Facts)
            html.Append("<dt>").Append(Html.Escape(fact.Label)).Append("</dt><dd>").Append(Html.Escape(fact.Value)).Append("</dd>\n");
        html.Append("</dl>\n");
        if (Note.Length > 0) html.Append("<p>").Append(Html.Escape(Note)).Append("</p>\n");
    }
}
