using EcoSim.Experiments.Ensembles;
using EcoSim.Experiments.Output;
using EcoSim.Experiments.Report;
using EcoSim.Model.Metrics;
using EcoSim.Scenarios;

namespace EcoSim.Client.Tests;

/// <summary>report.html of an ensemble and of a sweep: the numbers in words, the plots, the swept parameters marked and the grid among the facts.</summary>
public sealed class EnsembleAndSweepReportTests
{
    private static readonly IReadOnlyList<ulong> Seeds = [7, 8, 9];

    /// <summary>A run of <paramref name="ticks"/> ticks whose knowledge stock is <c>100 + tick + offset</c> and firm count <c>2000 + firms</c>.</summary>
    private static List<MetricsRow> Run(int ticks, double offset, double firms = 0) =>
        [.. SampleRows.Create(ticks).Select(r => r.With((MetricColumns.KnowledgeStock, 100 + r.Tick + offset), (MetricColumns.Firms, 2000 + firms)))];

    private static Scenario Small(TempFolder temp) => TestScenarios.Load(temp, "small.yaml", "name: small\nextends: small-baseline.yaml\n");

    [Fact]
    public void An_ensemble_report_gives_medians_and_bands_at_the_horizon_years_and_the_end_in_words()
    {
        using var temp = new TempFolder();
        var summary = new EnsembleSummary();
        foreach (int k in new[] { 2, 0, 1 }) summary.Add(Run(40, k));
        var plots = EnsemblePlots.WriteAll(summary, temp.Combine("plots"), "small", "caption");
        var manifest = ManifestSamples.OnReference(new EnsemblePayload
        {
            Scenario = new ManifestScenario("small", "scenarios/small.yaml", "name: small\n", new string('a', 64)),
            Seeds = Seeds,
            FirstPeriod = "2024Q1",
            LastPeriod = "2033Q4",
        }, 40, "ecosim", "run", "small.yaml", "--seeds", "3");

        var document = ReportChecks.Parse(EnsembleReport.Build(Small(temp), summary, plots, temp.Path, manifest).Render());

        ReportChecks.AssertSelfContained(document);
        Assert.Equal(["findings", "plots", "scenarios", "parameters", "reproduction"], document.Descendants("section").Select(s => (string?)s.Attribute("id")));
        string findings = ReportChecks.SectionText(document, "findings");
        // 100 + tick + {0, 1, 2}: at 2030Q4 (tick 27) 127..129, at 2033Q4 (tick 39) 139..141; type-7 5% and 95% quantiles 0.1 inside the ends.
        // Three seeds are fewer than a band needs: the 5th and 95th percentiles are named for what they are.
        Assert.Contains("Basic-knowledge stock: median 101 in 2024Q1; 128 (5-95% of 3 runs 127.1 to 128.9) in 2030Q4; 140 (5-95% of 3 runs 139.1 to 140.9) in 2033Q4 (median +38.6% over the run); index", findings);
        Assert.Contains("Over 3 seeds, from 2024Q1 to 2033Q4 (medians, with the 5th and 95th percentiles of the 3 runs at the end)", findings);
        Assert.Contains("basic-knowledge index 101 → 140 (5-95% of 3 runs 139.1 to 140.9)", findings);
        Assert.Contains($"With 3 runs, fewer than the {SeedEvidence.MinimumSeeds} that a 90% band needs", findings);
        Assert.DoesNotContain("(90% band", findings);
        Assert.Contains("The spread covers only chance within the model", findings);
        Assert.Contains("parameter uncertainty, since ", findings);
        Assert.Contains("uncertainty in the model's structure", findings);
        Assert.Equal(Findings.KeyMetrics.Length, ReportChecks.ImageSources(document).Count);
        Assert.Contains("3 (7 to 9), one run each", ReportChecks.SectionText(document, "reproduction"));
        Assert.Contains("2024Q1 to 2033Q4 (40 quarters)", ReportChecks.SectionText(document, "reproduction"));
    }

    [Fact]
    public void A_sweep_report_says_how_each_metric_responds_across_the_grid_and_whether_the_end_bands_overlap()
    {
        using var temp = new TempFolder();
        var grid = SweepGrid.TryParse(["basicShare=0.1:0.4:0.1"], Seeds.Count, out _)!;
        var summary = new SweepSummary(grid.Points, 8);
        foreach (var point in grid.Points)
            foreach (int seed in new[] { 0, 1, 2 })
            {
                double share = point.Settings[0].Value;
                // Knowledge rises with the share far beyond the seeds' spread; firms move by less than the spread.
                summary.Add(point, [.. Run(8, 100 * share - 7 + seed, firms: 100 * seed + 10 * share)]);
            }
        var manifest = SweepManifestOf(grid);

        var document = ReportChecks.Parse(SweepReport.Build(Small(temp), grid, summary.Results(), [], temp.Path, manifest).Render());

        ReportChecks.AssertSelfContained(document);
        string findings = ReportChecks.SectionText(document, "findings");
        // Knowledge at 2025Q4 (tick 7): 100 + 7 + 100 * share - 7 + {0, 1, 2}, so 111 at 0.1 and 141 at 0.4.
        // Three seeds per point are fewer than a band needs: spreads that do not overlap are a hint, not a clear change.
        Assert.Contains("Basic-knowledge stock at 2025Q4: It rises from 111 (5-95% of 3 runs 110.1 to 111.9) at basicShare=0.1 to 141 (5-95% of 3 runs 140.1 to 141.9) at 0.4 (+27.0%); " +
                        "the 5-95% spreads of the 3 runs at the lowest and highest values do not overlap, but 3 seeds are too few to call the change clear, and the median moves the same way at every step. " +
                        "Medians of 3 runs: 0.1: 111, 0.2: 121, 0.3: 131, 0.4: 141.", findings);
        Assert.Contains("Firms at 2025Q4: It rises from 2,101 (5-95% of 3 runs 2,011 to 2,191) at basicShare=0.1 to 2,104 (5-95% of 3 runs 2,014 to 2,194) at 0.4 (+0.1%); " +
                        "the 5-95% spreads of the 3 runs at the lowest and highest values overlap, so the change cannot be told from chance", findings);
        // A count per quarter is summed over the year at the end, and its title says so.
        Assert.Contains("Breakthroughs summed over 2025: ", findings);
        Assert.DoesNotContain("Breakthroughs in 2025Q4", findings);
        Assert.Contains("At 2025Q4, from basicShare=0.1 to 0.4, 3 seeds per point are too few for 90% bands, so no key metric can be said to move clearly; the largest median changes: basic-knowledge stock 111 → 141 (+27.0%)", findings);
        Assert.DoesNotContain("moves clearly", findings);
        Assert.Contains("every parameter but the swept ones is held at one value", findings);
        Assert.Contains("4 grid points, basicShare from 0.1 to 0.4 (4 values), each run with the same 3 seeds", findings);
        Assert.Contains("sweep.csv has the same numbers in 2024Q4 and 2025Q4", findings);
        Assert.Contains("No plots were drawn", ReportChecks.SectionText(document, "plots"));

        var swept = document.Descendants("tr").First(r => (string?)r.Attribute("class") == "swept"); // in "changed", then again in the whole catalogue
        Assert.StartsWith("basicShare", swept.Value, StringComparison.Ordinal);
        Assert.Contains("swept: 0.1 to 0.4", swept.Value);
        Assert.Contains("step 0.1, 4 values", swept.Value);
        Assert.Contains("Swept (marked ◆): basicShare.", ReportChecks.SectionText(document, "parameters"));

        string reproduction = ReportChecks.SectionText(document, "reproduction");
        Assert.Contains("0.1 to 0.4 in steps of 0.1: 0.1, 0.2, 0.3, 0.4", reproduction);
        Assert.Contains("4 points x 3 seeds = 12 runs", reproduction);
        Assert.Contains("3 (7 to 9), the same at every grid point", reproduction);
    }

    [Fact]
    public void With_two_parameters_each_line_of_the_grid_gets_a_sentence()
    {
        using var temp = new TempFolder();
        var grid = SweepGrid.TryParse(["basicShare=0.1:0.3:0.2", "publicBudget=4:6:2"], Seeds.Count, out _)!;
        var summary = new SweepSummary(grid.Points, 8);
        foreach (var point in grid.Points)
            foreach (int seed in new[] { 0, 1, 2 })
                summary.Add(point, [.. Run(8, 100 * point.Settings[0].Value + point.Settings[1].Value + seed)]);

        var document = ReportChecks.Parse(SweepReport.Build(Small(temp), grid, summary.Results(), [], temp.Path, SweepManifestOf(grid)).Render());

        string findings = ReportChecks.SectionText(document, "findings");
        // 100 + tick 7 + 100 * share + budget + {0, 1, 2}: median 122 at (0.1, 4), 142 at (0.3, 4), 124 at (0.1, 6), 144 at (0.3, 6).
        Assert.Contains("With publicBudget=4, it rises from 122 (5-95% of 3 runs 121.1 to 122.9) at basicShare=0.1 to 142 (5-95% of 3 runs 141.1 to 142.9) at 0.3 (+16.4%)", findings);
        Assert.Contains("With publicBudget=6, it rises from 124 (5-95% of 3 runs 123.1 to 124.9) at basicShare=0.1 to 144", findings);
        Assert.Contains("With basicShare=0.1, it rises from 122 (5-95% of 3 runs 121.1 to 122.9) at publicBudget=4 to 124 (5-95% of 3 runs 123.1 to 124.9) at 6 (+1.6%); the 5-95% spreads of the 3 runs at the lowest and highest values do not overlap, but 3 seeds are too few", findings);
        Assert.Contains("With basicShare=0.3, it rises from 142", findings);
        Assert.Contains("Firms at 2025Q4: With publicBudget=4, it hardly changes: 2,000 (5-95% of 3 runs 2,000 to 2,000) at basicShare=0.1 and 2,000 (5-95% of 3 runs 2,000 to 2,000) at 0.3", findings);
        Assert.Contains("at basicShare=0.1 and 2,000 (5-95% of 3 runs 2,000 to 2,000) at 0.3. ", findings); // a flat line says nothing of its bands overlapping
        Assert.Contains("(with publicBudget=4)", findings);
        Assert.Equal(2 * 2, document.Descendants("tr").Count(r => (string?)r.Attribute("class") == "swept")); // both, in "changed" and in the whole catalogue
    }

    [Fact]
    public void With_enough_seeds_an_ensemble_report_gives_90_percent_bands()
    {
        using var temp = new TempFolder();
        var summary = new EnsembleSummary();
        foreach (int k in Enumerable.Range(0, SeedEvidence.MinimumSeeds)) summary.Add(Run(40, k));
        IReadOnlyList<ulong> seeds = [.. Enumerable.Range(1, SeedEvidence.MinimumSeeds).Select(i => (ulong)i)];

        var section = EnsembleReport.KeyNumbers(summary, seeds);

        // 100 + tick + {0..9}: 104.5 at the start; at 2033Q4 (tick 39) 139..148, median 143.5.
        var end = Band.Of([.. Enumerable.Range(0, SeedEvidence.MinimumSeeds).Select(k => 139.0 + k)]);
        Assert.Contains($"basic-knowledge index 104.5 → 143.5 (90% band {HtmlReport.Number(end.P05)} to {HtmlReport.Number(end.P95)})", section.Headline);
        Assert.Contains("(medians, with the 90% band at the end)", section.Headline);
        Assert.DoesNotContain("fewer than", section.Paragraphs[0]);
        Assert.Contains("the band runs from the 5th to the 95th percentile of the runs (a 90% band)", section.Paragraphs[0]);
        Assert.Contains("parameter uncertainty, since ", section.Paragraphs[0]);
    }

    [Fact]
    public void An_ensemble_of_one_seed_has_no_band()
    {
        var summary = new EnsembleSummary();
        summary.Add(Run(40, 0));

        var section = EnsembleReport.KeyNumbers(summary, [7]);

        Assert.Contains("basic-knowledge index 100 → 139 (one run)", section.Headline);
        Assert.Contains("With one run there is no band at all", section.Paragraphs[0]);
        Assert.DoesNotContain("band 1", string.Join(" ", section.Items.Select(i => i.Text)));
        Assert.Contains("139 (one run) in 2033Q4", section.Items.Single(i => i.Title == "Basic-knowledge stock").Text);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(10)]
    public void A_sweep_calls_a_change_clear_only_with_enough_seeds_per_point(int seedCount)
    {
        using var temp = new TempFolder();
        IReadOnlyList<ulong> seeds = [.. Enumerable.Range(1, seedCount).Select(i => (ulong)i)];
        var grid = SweepGrid.TryParse(["basicShare=0.1:0.4:0.1"], seeds.Count, out _)!;
        var summary = new SweepSummary(grid.Points, 8);
        foreach (var point in grid.Points)
            foreach (int seed in Enumerable.Range(0, seedCount))
            {
                double share = point.Settings[0].Value;
                summary.Add(point, [.. Run(8, 100 * share - 7 + seed, firms: 100 * seed + 10 * share)]);
            }

        var document = ReportChecks.Parse(SweepReport.Build(Small(temp), grid, summary.Results(), [], temp.Path, SweepManifestOf(grid, seeds)).Render());
        string findings = ReportChecks.SectionText(document, "findings");

        if (seedCount == 1)
        {
            // The one seed's knowledge: 100 + 7 + 100 * share - 7, so 110 at 0.1 and 140 at 0.4.
            Assert.Contains("Basic-knowledge stock at 2025Q4: It rises from 110 (one run) at basicShare=0.1 to 140 (one run) at 0.4 (+27.3%); " +
                            "with one seed per point these are single runs with no band, so whether the change is larger than chance is unknown, and the value moves the same way at every step. " +
                            "Values: 0.1: 110, 0.2: 120, 0.3: 130, 0.4: 140.", findings);
            Assert.Contains("At 2025Q4, from basicShare=0.1 to 0.4, one seed per point gives no bands, so no key metric can be said to move clearly; the largest changes: basic-knowledge stock 110 → 140 (+27.3%)", findings);
            Assert.Contains("With one seed per point there is no band at all", findings);
            Assert.DoesNotContain("90% bands at the", findings);
        }
        else
        {
            // 100 * share + {0..9}: 110..119 at 0.1 and 140..149 at 0.4 do not overlap; firms spread by 900 and move by 3.
            Assert.Contains("the 90% bands at the lowest and highest values do not overlap, so the change is clear over these seeds", findings);
            Assert.Contains("the 90% bands at the lowest and highest values overlap, so over these seeds the change is not clearly larger than chance", findings);
            Assert.Contains("At 2025Q4, from basicShare=0.1 to 0.4, 1 of the 10 key metrics moves clearly (the 90% bands at the two ends do not overlap): basic-knowledge stock", findings);
            Assert.DoesNotContain("too few", findings);
        }
    }

    private static OutputManifest SweepManifestOf(SweepGrid grid, IReadOnlyList<ulong>? seeds = null) => ManifestSamples.OnReference(new SweepPayload
    {
        Scenario = new ManifestScenario("small", "scenarios/small.yaml", "name: small\n", new string('a', 64)),
        Parameters = [.. grid.Axes.Select(a => new SweepParameter(a.Parameter.Name, (double)a.From, (double)a.To, (double)a.Step, a.Values, 0))],
        Points = grid.Points.Count,
        Seeds = seeds ?? Seeds,
    }, 8, "ecosim", "sweep", "small.yaml");
}
