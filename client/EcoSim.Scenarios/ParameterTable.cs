using System.Globalization;
using System.Text;
using EcoSim.Model.Parameters;

namespace EcoSim.Scenarios;

/// <summary>
/// Renders the model's parameter catalogue (<see cref="ParameterCatalog.All"/>) as the Markdown table of
/// docs/MODEL.md, section 8. The table in the document is this method's output verbatim; a test checks
/// that the two agree, so the documentation cannot drift from the code.
/// </summary>
public static class ParameterTable
{
    /// <summary>
    /// The parameter table in Markdown: a header, then one row per parameter in catalogue order, with
    /// the columns name, meaning, unit, allowed range, default and source. Numbers are written
    /// culture-invariantly (shortest round-trip form), pipes in text are escaped, and lines end with
    /// <c>\n</c> whatever the platform.
    /// </summary>
    public static string Markdown()
    {
        var text = new StringBuilder();
        text.Append("| name | meaning | unit | allowed range | default | source |\n");
        text.Append("|---|---|---|---|---|---|\n");
        foreach (var spec in ParameterCatalog.All)
        {
            text.Append("| `").Append(spec.Name).Append("` | ")
                .Append(Cell(spec.Description)).Append(" | ")
                .Append(Cell(spec.Unit)).Append(" | ")
                .Append(Number(spec.Min)).Append(" to ").Append(Number(spec.Max)).Append(" | ")
                .Append(Number(spec.Default)).Append(" | ")
                .Append(Cell(spec.Source)).Append(" |\n");
        }
        return text.ToString();
    }

    /// <summary>
    /// The plausible ranges in Markdown, the table of docs/SENSITIVITY.md, section 9: one row per parameter
    /// in catalogue order with the columns name, plausible range, unit, default, allowed range and the
    /// plausible range's source, so that a reader sees what <c>--param NAME</c> alone samples and how much
    /// narrower it is than what the model allows. Same conventions as <see cref="Markdown"/>.
    /// </summary>
    public static string PlausibleRangesMarkdown()
    {
        var text = new StringBuilder();
        text.Append("| name | plausible range | unit | default | allowed range | source of the plausible range |\n");
        text.Append("|---|---|---|---|---|---|\n");
        foreach (var spec in ParameterCatalog.All)
        {
            text.Append("| `").Append(spec.Name).Append("` | ")
                .Append(Number(spec.Plausible.Low)).Append(" to ").Append(Number(spec.Plausible.High)).Append(" | ")
                .Append(Cell(spec.Unit)).Append(" | ")
                .Append(Number(spec.Default)).Append(" | ")
                .Append(Number(spec.Min)).Append(" to ").Append(Number(spec.Max)).Append(" | ")
                .Append(Cell(spec.Plausible.Source)).Append(" |\n");
        }
        return text.ToString();
    }

    /// <summary>A number in invariant culture, shortest form that reads back to the same double.</summary>
    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Text made safe for one table cell: pipes escaped, line breaks flattened, never empty.</summary>
    private static string Cell(string text)
    {
        string flat = text.Replace("\r\n", " ", StringComparison.Ordinal).Replace('\n', ' ').Replace('\r', ' ').Trim();
        return flat.Length == 0 ? "-" : flat.Replace("|", "\\|", StringComparison.Ordinal);
    }
}
