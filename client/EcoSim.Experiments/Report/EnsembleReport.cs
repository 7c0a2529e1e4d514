using EcoSim.Experiments.Ensembles;
using EcoSim.Experiments.Output;
using EcoSim.Model.Metrics;
using EcoSim.Scenarios;

namespace EcoSim.Experiments.Report;

/// <summary>
/// report.html of <c>ecosim run --seeds N</c>: the key metrics in words (median and 5-95% band over the
/// seeds at the horizon years and at the end, named a band only with enough seeds, <see cref="SeedEvidence"/>), the band plots, the scenario, parameters and reproduction facts.
/// </summary>
internal static class EnsembleReport
{
    /// <summary>Builds the report of an ensemble.</summary>
    /// <param name="scenario">The scenario as run (cut to the ticks run).</param>
    /// <param name="summary">The finished runs.</param>
    /// <param name="plots">PNG paths written (empty without plots).</param>
    /// <param name="outputFolder">The folder the plots are in (for relative captions).</param>
    /// <param name="manifest">The manifest as it will be written (its file list is not used).</param>
    public static HtmlReport Build(Scenario scenario, EnsembleSummary summary, IReadOnlyList<string> plots, string outputFolder, OutputManifest manifest) =>
        new HtmlReport($"{scenario.Name}: {manifest.PayloadOf<EnsemblePayload>().Seeds.Count} seeds", scenario.Description)
            .Add(KeyNumbers(summary, manifest.PayloadOf<EnsemblePayload>().Seeds))
            .Add(FiguresSection.Of("plots", "Plots", "For each key metric of the region: the median over the seeds and the 5-95% band, over time.", plots, outputFolder))
            .Add(new ScenarioTextSection([("", scenario)]))
            .Add(new ParameterTableSection(ParameterValuesTable.For([scenario])))
            .Add(ReproductionFacts.Section(manifest));

    /// <summary>Each key metric of the region: the median at the start, then the median and its band at the horizon years in range and at the end.</summary>
    public static FindingsSection KeyNumbers(EnsembleSummary summary, IReadOnlyList<ulong> seeds)
    {
        int n = seeds.Count;
        var items = Findings.KeyMetrics.Select(MetricColumns.Get).Select(column =>
        {
            var series = summary.Region(column);
            var checkpoints = Findings.Checkpoints([.. series.Select(p => p.Period)]);
            var (first, last) = (series[0], series[^1]);
            var values = checkpoints.Select(t => $"{Banded(series[t].Band, n, "runs")} in {series[t].Period}");
            string change = first.Band.Median != 0 ? $" (median {Findings.Percent(last.Band.Median / first.Band.Median - 1)} over the run)" : "";
            return new FindingItem(column.Title, $"median {HtmlReport.Number(first.Band.Median)} in {first.Period}; {string.Join("; ", values)}{change}; {UnitOf(column)}.");
        }).ToList();

        string Headline(string metric, string label)
        {
            var series = summary.Region(MetricColumns.Get(metric));
            return $"{label} {HtmlReport.Number(series[0].Band.Median)} → {Banded(series[^1].Band, n, "runs")}";
        }
        var periods = summary.Region(MetricColumns.Get("firms"));
        string headline = $"Over {n} seed{(n == 1 ? "" : "s")}, from {periods[0].Period} to {periods[^1].Period} (medians, with the {(n == 1 ? "single run" : SeedEvidence.HasBand(n) ? "90% band" : $"5th and 95th percentiles of the {n} runs")} at the end): " +
                          $"{Headline("total_rd", "total R&D")} bn yuan/yr, {Headline("knowledge_stock", "basic-knowledge index")}, " +
                          $"{Headline("firms", "firms")}, {Headline("value_added", "value added")} bn yuan/yr.";
        string tooFew = SeedEvidence.TooFew(n, "runs", "run");
        string design = $"{n} run{(n == 1 ? "" : "s")} of the same scenario, seed{(n == 1 ? $" {seeds[0]}" : $"s {seeds[0]} to {seeds[^1]}")}. Each figure is the median over the runs" +
                        (SeedEvidence.HasBand(n) ? "; the band runs from the 5th to the 95th percentile of the runs (a 90% band). " : n == 1 ? ". " : ", with the 5th and 95th percentiles of the runs beside it. ") +
                        (tooFew.Length > 0 ? tooFew + " " : "") +
                        "The spread covers only chance within the model: how much the seed alone moves the outcome in this scenario. " +
                        SeedEvidence.LeftOut() + " To measure a policy's effect, ecosim compare runs paired seeds.";
        return new FindingsSection("Key numbers", headline, [design], items);
    }

    /// <summary>
    /// "median (90% band low to high)" over <paramref name="seeds"/> values of <paramref name="what"/> (e.g. "runs");
    /// below <see cref="SeedEvidence.MinimumSeeds"/> the low and high figures are named for what they are, and one value has none.
    /// </summary>
    public static string Banded(Band band, int seeds, string what) => seeds == 1
        ? $"{HtmlReport.Number(band.Median)} (one run)"
        : $"{HtmlReport.Number(band.Median)} ({SeedEvidence.BandName(seeds, what)} {HtmlReport.Number(band.P05)} to {HtmlReport.Number(band.P95)})";

    private static string UnitOf(MetricColumn column) => column.Unit.Replace("per tick", "per quarter", StringComparison.Ordinal);
}
