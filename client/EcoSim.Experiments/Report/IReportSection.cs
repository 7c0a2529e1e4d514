using System.Text;

namespace EcoSim.Experiments.Report;

/// <summary>One section of an <see cref="HtmlReport"/>: a heading with an anchor, and its body.</summary>
internal interface IReportSection
{
    /// <summary>Anchor id, unique within the report (letters, digits and dashes).</summary>
    string Id { get; }

    /// <summary>Heading shown above the section and in the contents.</summary>
    string Heading { get; }

    /// <summary>Appends the section's body (without its heading) as HTML; every text from outside is escaped.</summary>
    void RenderBody(StringBuilder html);
}
