using EcoSim.Experiments.Ensembles;
using EcoSim.Experiments.Output;
using EcoSim.Scenarios;

namespace EcoSim.Experiments.Report;

/// <summary>report.html of <c>ecosim compare</c>: the findings, plots, both scenarios, parameters and reproduction facts.</summary>
internal static class ComparisonReport
{
    /// <summary>Builds the report of a comparison.</summary>
    /// <param name="findings">The findings (the same sentences as findings.md).</param>
    /// <param name="baseline">Baseline scenario.</param>
    /// <param name="policy">Policy scenario.</param>
    /// <param name="plots">PNG paths written (empty without plots).</param>
    /// <param name="outputFolder">The folder the plots are in (for relative captions).</param>
    /// <param name="manifest">The manifest as it will be written (its file list is not used).</param>
    public static HtmlReport Build(ComparisonFindings findings, Scenario baseline, Scenario policy, IReadOnlyList<string> plots, string outputFolder, OutputManifest manifest)
    {
        var report = new HtmlReport(findings.Title, findings.Question).Add(Section(findings));
        if (findings.Effects.Any(e => e.Both is not null)) report.Add(new BothBandsSection(findings.Effects));
        return report
            .Add(FiguresSection.Of("plots", "Plots", "For each key metric: baseline and policy over time (median and 5-95% band over seeds), then the paired effect.",
                plots.Where(p => !RunReport.IsClusterGrid(p)), outputFolder))
            .Add(FiguresSection.Of("clusters", "Effects by cluster", "The paired effect on each cluster with its 5-95% band; each panel has its own scale.",
                plots.Where(RunReport.IsClusterGrid), outputFolder))
            .Add(new ScenarioTextSection([("baseline", baseline), ("policy", policy)]))
            .Add(new ParameterTableSection(ParameterValuesTable.For([baseline, policy])))
            .Add(ReproductionFacts.Section(manifest));
    }

    /// <summary>The findings as a report section: headline, design, the pair check, then what, when and how sure per metric.</summary>
    public static FindingsSection Section(ComparisonFindings findings) =>
        new("Findings", findings.Headline, [findings.Design, findings.PairCheck],
            [.. findings.Effects.Select(e => new FindingItem(e.Title, e.Sentences))],
            findings.ClosingLine);
}
