using EcoSim.Experiments.Output;
using EcoSim.Experiments.Report;
using EcoSim.Experiments.Sensitivity;
using EcoSim.Scenarios;

namespace EcoSim.Experiments.Validation;

/// <summary>
/// report.html of <c>ecosim check-model</c>: the verdict on each stylized fact in words, every statistic
/// against its band and source, a plot per fact, the screen's findings and tornado plots, the scenario, its
/// parameters and the reproduction facts.
/// </summary>
internal static class ValidationReport
{
    /// <summary>The lines the command prints: how many facts held, then each fact that failed.</summary>
    public static IReadOnlyList<string> Headline(IReadOnlyList<FactResult> facts, Backcast.BackcastFit? backcast = null) =>
        [$"{facts.Count(f => f.Passed)} of {facts.Count} stylized facts hold", .. facts.Where(f => !f.Passed).Select(f => $"  fails: {f.Id}: {f.Failure}"),
         .. backcast is null ? Array.Empty<string>() : [Backcast.BackcastSection.Headline(backcast)]];

    /// <summary>Builds the report.</summary>
    public static HtmlReport Build(Scenario scenario, IReadOnlyList<FactResult> facts, IReadOnlyList<string> factPlots, SensitivityDesign design,
        IReadOnlyList<SensitivityResult> screen, IReadOnlyList<string> screenPlots,
        (Backcast.BackcastCheck Check, Backcast.BackcastFit Fit, IReadOnlyList<string> Plots)? backcast, string outputFolder, OutputManifest manifest)
    {
        var payload = manifest.PayloadOf<ValidationPayload>();
        int held = facts.Count(f => f.Passed);
        string headline = held == facts.Count
            ? $"All {facts.Count} stylized facts hold on {scenario.Name}."
            : $"{facts.Count - held} of {facts.Count} stylized facts fail on {scenario.Name}: {string.Join(", ", facts.Where(f => !f.Passed).Select(f => f.Id))}.";
        var items = facts.Select(f => new FindingItem($"{(f.Passed ? "Holds" : "Fails")}: {f.Claim}",
            f.Passed ? $"{string.Join("; ", f.Statistics.Select(s => $"{s.Name} {FactResult.Number(s.Value)} ({s.Band.Text})"))}. Source: {f.Source}."
                     : $"{f.Failure}. Source: {f.Source}.")).ToList();
        string run = $"One run of {scenario.Name} for {ValidationHistory.Ticks} quarters ({scenario.World.Start} to {scenario.World.PeriodOf(ValidationHistory.Ticks - 1)}), seed {payload.Seed}, " +
                     $"engine {manifest.Engine}, with a census of every firm after every quarter. Each fact is a statistic of that run checked against the band the literature gives; " +
                     "the tests of the model make the same checks (one definition, in the library).";
        string screenHow = $"A Morris screen{(payload.Quick ? " (quick)" : "")}: {design.Size} trajectories over {design.Ranges.Count} assumed parameters ({string.Join("; ", design.Ranges.Select(r => r.Text))}), " +
                           $"{design.Points.Count} runs of {payload.ScreenTicks} quarters with seed {payload.Seed}. mu* is the mean absolute change of an output when one parameter moves across its range; " +
                           "it says which assumptions the outputs lean on most, and so which deserve calibration first.";
        string subtitle = backcast is { } b ? $"{headline} {Backcast.BackcastSection.Headline(b.Fit)}" : headline;
        var report = new HtmlReport($"Validation of the model on {scenario.Name}", subtitle)
            .Add(new FindingsSection("The stylized facts", headline, [run], items, "facts.csv has every statistic in full."))
            .Add(new FactsTableSection(facts))
            .Add(FiguresSection.Of("fact-plots", "What each fact measured", "One plot per fact, in the order above.", factPlots, outputFolder));
        if (backcast is { } checkedBackcast)
            report.Add(new Backcast.BackcastSection(Backcast.BackcastSection.Describe(checkedBackcast.Check), checkedBackcast.Fit,
                FiguresSection.Of("backcast-plots", "", "For each observed series: the model's yearly value (line) and the observations (points) with the largest error a year may have (bars).", checkedBackcast.Plots, outputFolder)));
        return report
            .Add(new ScreenSection(screenHow, [.. screen.Select(r => new FindingItem(r.Title, SensitivityWords.About(design, r)))]))
            .Add(FiguresSection.Of("screen-plots", "Screen: tornado plots", "For each output: mu* of each parameter with its 90% bootstrap interval, the most important at the top.", screenPlots, outputFolder))
            .Add(new ScenarioTextSection([("", scenario)]))
            .Add(new ParameterTableSection(ParameterValuesTable.For([scenario])))
            .Add(ReproductionFacts.Section(manifest));
    }

    /// <summary>The screen's findings, under their own anchor (the facts' findings have the default one).</summary>
    private sealed record ScreenSection(string How, IReadOnlyList<FindingItem> Items) : IReportSection
    {
        private readonly FindingsSection _findings = new("Screen: what the outputs depend on", "", [How], Items, "screen-indices.csv has every index with its interval; screen-design.csv every point.");
        public string Id => "screen";
        public string Heading => _findings.Heading;
        public void RenderBody(System.Text.StringBuilder html) => _findings.RenderBody(html);
    }
}
