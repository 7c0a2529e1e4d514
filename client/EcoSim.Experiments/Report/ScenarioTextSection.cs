using System.Text;
using EcoSim.Scenarios;

namespace EcoSim.Experiments.Report;

/// <summary>The full text of each scenario (with the files it extends), as read.</summary>
/// <param name="Scenarios">The scenarios with their roles, e.g. ("baseline", scenario).</param>
internal sealed record ScenarioTextSection(IReadOnlyList<(string Role, Scenario Scenario)> Scenarios) : IReportSection
{
    /// <inheritdoc/>
    public string Id => "scenarios";

    /// <inheritdoc/>
    public string Heading => Scenarios.Count == 1 ? "Scenario" : "Scenarios";

    /// <inheritdoc/>
    public void RenderBody(StringBuilder html)
    {
        foreach (var (role, scenario) in Scenarios)
        {
            html.Append("<h3>").Append(Html.Escape(role.Length > 0 ? $"{role}: {scenario.Name}" : scenario.Name)).Append("</h3>\n")
                .Append("<p>").Append(Html.Escape($"{scenario.Path} · SHA-256 {scenario.Sha256}")).Append("</p>\n")
                .Append("<pre>").Append(Html.Escape(scenario.CombinedText)).Append("</pre>\n");
        }
    }
}
