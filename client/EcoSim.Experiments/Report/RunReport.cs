using EcoSim.Experiments.Ensembles;
using EcoSim.Experiments.Output;
using EcoSim.Model.Metrics;
using EcoSim.Scenarios;

namespace EcoSim.Experiments.Report;

/// <summary>report.html of <c>ecosim run</c>: key numbers in words, plots, scenario, parameters, reproduction facts.</summary>
internal static class RunReport
{
    /// <summary>Builds the report of one run.</summary>
    /// <param name="scenario">The scenario as run (with its seed).</param>
    /// <param name="region">Region rows, by tick.</param>
    /// <param name="plots">PNG paths written (empty without plots).</param>
    /// <param name="outputFolder">The folder the plots are in (for relative captions).</param>
    /// <param name="manifest">The manifest as it will be written (its file list is not used).</param>
    public static HtmlReport Build(Scenario scenario, IReadOnlyList<MetricsRow> region, IReadOnlyList<string> plots, string outputFolder, OutputManifest manifest) =>
        new HtmlReport($"{scenario.Name}: one run, seed {scenario.World.Seed}", scenario.Description)
            .Add(KeyNumbers(region))
            .Add(FiguresSection.Of("plots", "Plots", "Region totals over time.", plots.Where(p => !IsClusterGrid(p)), outputFolder))
            .Add(FiguresSection.Of("clusters", "Clusters", "Key metrics of each cluster over time; each panel has its own scale.", plots.Where(IsClusterGrid), outputFolder))
            .Add(new ScenarioTextSection([("", scenario)]))
            .Add(new ParameterTableSection(ParameterValuesTable.For([scenario])))
            .Add(ReproductionFacts.Section(manifest));

    /// <summary>The key metrics at the start, at the horizon years in range and at the end.</summary>
    public static FindingsSection KeyNumbers(IReadOnlyList<MetricsRow> region)
    {
        var checkpoints = Findings.Checkpoints(region);
        var first = region[0];
        var last = region[^1];
        var items = Findings.KeyMetrics.Select(MetricColumns.Get).Select(column =>
        {
            bool perTick = column.PerTick;
            string unit = perTick ? column.Unit.Replace("per tick", "per quarter", StringComparison.Ordinal) : column.Unit;
            var values = checkpoints.Select(t => $"{HtmlReport.Number(column.Value(region[t]))} in {region[t].Period}");
            double start = column.Value(first), end = column.Value(last);
            string change = start != 0 ? $" ({Findings.Percent(end / start - 1)} over the run)" : "";
            return new FindingItem(column.Title, $"{HtmlReport.Number(start)} in {first.Period}; {string.Join("; ", values)}{change}; {unit}.");
        }).ToList();
        string headline = $"From {first.Period} to {last.Period}: total R&D {Change(first, last, r => r[MetricColumns.TotalRd])} bn yuan/yr, basic-knowledge index {Change(first, last, r => r[MetricColumns.KnowledgeStock])}, " +
                          $"firms {Change(first, last, r => r[MetricColumns.Firms])}, value added {Change(first, last, r => r[MetricColumns.ValueAdded])} bn yuan/yr.";
        return new FindingsSection("Key numbers", headline,
            [$"One run with one seed has no uncertainty band: ecosim run --seeds N shows how much chance moves these numbers, and ecosim compare measures a policy's effect over paired seeds, with 90% bands from {SeedEvidence.MinimumSeeds} seeds on. " +
             SeedEvidence.LeftOut()],
            items);
    }

    /// <summary>True for the small-multiples pictures (one panel per cluster).</summary>
    public static bool IsClusterGrid(string pngPath) => Path.GetFileName(pngPath).StartsWith("cluster-grid-", StringComparison.Ordinal);

    private static string Change(MetricsRow first, MetricsRow last, Func<MetricsRow, double> metric) =>
        $"{HtmlReport.Number(metric(first))} → {HtmlReport.Number(metric(last))}";
}
