using System.Text;

namespace EcoSim.Experiments.Report;

/// <summary>
/// The parameters in force: first the ones a scenario changed from the default (highlighted), then the
/// whole catalogue in a collapsible list.
/// </summary>
/// <param name="Table">The values.</param>
internal sealed record ParameterTableSection(ParameterValuesTable Table) : IReportSection
{
    /// <inheritdoc/>
    public string Id => "parameters";

    /// <inheritdoc/>
    public string Heading => "Parameters";

    /// <inheritdoc/>
    public void RenderBody(StringBuilder html)
    {
        var changed = Table.Rows.Where(r => r.AnyChanged).ToList();
        var swept = Table.Rows.Where(r => r.IsSwept).Select(r => r.Spec.Name).ToList();
        html.Append("<p>").Append(Html.Escape(
            $"Values in force at the first quarter, with scheduled changes after it. Highlighted cells (marked ●) differ from the model's default. " +
            $"{changed.Count} of the {Table.Rows.Count} parameters {(changed.Count == 1 ? "differs from its default" : "differ from their defaults")} in at least one scenario.")).Append("</p>\n");
        if (swept.Count > 0)
            html.Append("<p>").Append(Html.Escape(
                $"Swept (marked ◆): {string.Join(" and ", swept)}. Each grid point holds its value from the first quarter to the last, " +
                "in place of the scenario's value and its scheduled changes of that parameter.")).Append("</p>\n");
        if (changed.Count > 0)
        {
            html.Append("<h3>Changed from the default</h3>\n");
            Render(html, changed);
        }
        html.Append("<details><summary>").Append(Html.Escape($"All {Table.Rows.Count} parameters")).Append("</summary>\n");
        Render(html, Table.Rows);
        html.Append("</details>\n");
    }

    private void Render(StringBuilder html, IReadOnlyList<ParameterValuesRow> rows)
    {
        html.Append("<table class=\"parameters\">\n<thead><tr><th>name</th><th>meaning</th><th>unit</th><th>allowed range</th><th>default</th>");
        foreach (var name in Table.ScenarioNames) html.Append("<th>").Append(Html.Escape(name)).Append("</th>");
        html.Append("<th>source</th></tr></thead>\n<tbody>\n");
        foreach (var row in rows)
        {
            var spec = row.Spec;
            html.Append(row.IsSwept ? "<tr class=\"swept\"><td><code>" : "<tr><td><code>").Append(Html.Escape(spec.Name)).Append("</code></td><td>").Append(Html.Escape(spec.Description))
                .Append("</td><td>").Append(Html.Escape(spec.Unit))
                .Append("</td><td class=\"num\">").Append(Html.Escape($"{ParameterValuesTable.Number(spec.Min)} to {ParameterValuesTable.Number(spec.Max)}"))
                .Append("</td><td class=\"num\">").Append(Html.Escape(ParameterValuesTable.Number(spec.Default))).Append("</td>");
            foreach (var cell in row.Cells)
            {
                if (cell.Swept is not null) html.Append("<td class=\"num changed swept\"><span class=\"mark\">◆ </span>").Append(Html.Escape(cell.Swept));
                else html.Append(cell.Changed ? "<td class=\"num changed\"><span class=\"mark\">● </span>" : "<td class=\"num\">")
                    .Append(Html.Escape(ParameterValuesTable.Number(cell.Start)));
                foreach (var change in cell.Schedule) html.Append("<br />").Append(Html.Escape(change));
                html.Append("</td>");
            }
            html.Append("<td>").Append(Html.Escape(spec.Source)).Append("</td></tr>\n");
        }
        html.Append("</tbody>\n</table>\n");
    }
}
