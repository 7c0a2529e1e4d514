using EcoSim.Client.Ensembles;
using EcoSim.Client.Output;
using EcoSim.Client.Report;
using EcoSim.Model.Metrics;
using EcoSim.Scenarios;

namespace EcoSim.Client.Tests;

/// <summary>report.html of an ensemble and of a sweep: the numbers in words, the plots, the swept parameters marked and the grid among the facts.</summary>
public sealed class EnsembleAndSweepReportTests
{
    private static readonly IReadOnlyList<ulong> Seeds = [7, 8, 9];

    /// <summary>A run of <paramref name="ticks"/> ticks whose knowledge stock is <c>100 + tick + offset</c> and firm count <c>2000 + firms</c>.</summary>
    private static List<MetricsRow> Run(int ticks, double offset, double firms = 0) =>
        [.. SampleRows.Create(ticks).Select(r => r with { KnowledgeStock = 100 + r.Tick + offset, Firms = 2000 + firms })];

    private static Scenario Small(TempFolder temp) => TestScenarios.Load(temp, "small.yaml", "name: small\nextends: small-baseline.yaml\n");

    [Fact]
    public void An_ensemble_report_gives_medians_and_bands_at_the_horizon_years_and_the_end_in_words()
    {
        using var temp = new TempFolder();
        var summary = new EnsembleSummary();
        foreach (int k in new[] { 2, 0, 1 }) summary.Add(Run(40, k));
        var plots = EnsemblePlots.WriteAll(summary, temp.Combine("plots"), "small", "caption");
        var manifest = new EnsembleManifest
        {
            Scenario = new ManifestScenario("small", "scenarios/small.yaml", "name: small\n", new string('a', 64)),
            Seeds = Seeds, Engine = "reference", SiloCount = 0, FirmsPerShard = 1024, TickCount = 40, FirstPeriod = "2024Q1", LastPeriod = "2033Q4",
            CodeVersion = "v", RuntimeVersion = "r", OsDescription = "o", CommandLine = ["ecosim", "run", "small.yaml", "--seeds", "3"],
            StartedUtc = DateTime.UtcNow, EndedUtc = DateTime.UtcNow,
        };

        var document = ReportChecks.Parse(EnsembleReport.Build(Small(temp), summary, plots, temp.Path, manifest).Render());

        ReportChecks.AssertSelfContained(document);
        Assert.Equal(["findings", "plots", "scenarios", "parameters", "reproduction"], document.Descendants("section").Select(s => (string?)s.Attribute("id")));
        string findings = ReportChecks.SectionText(document, "findings");
        // 100 + tick + {0, 1, 2}: at 2030Q4 (tick 27) 127..129, at 2033Q4 (tick 39) 139..141; type-7 5% and 95% quantiles 0.1 inside the ends.
        Assert.Contains("Basic-knowledge stock: median 101 in 2024Q1; 128 (90% band 127.1 to 128.9) in 2030Q4; 140 (90% band 139.1 to 140.9) in 2033Q4 (median +38.6% over the run); index", findings);
        Assert.Contains("Over 3 seeds, from 2024Q1 to 2033Q4", findings);
        Assert.Contains("basic-knowledge index 101 → 140 (90% band 139.1 to 140.9)", findings);
        Assert.Contains("With only 3 seeds the band is close to the range of the runs", findings);
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
        Assert.Contains("Basic-knowledge stock in 2025Q4: It rises from 111 (90% band 110.1 to 111.9) at basicShare=0.1 to 141 (90% band 140.1 to 141.9) at 0.4 (+27.0%); " +
                        "the 90% bands at the lowest and highest values do not overlap, so the change is clear over these seeds, and the median moves the same way at every step. " +
                        "Medians: 0.1: 111, 0.2: 121, 0.3: 131, 0.4: 141.", findings);
        Assert.Contains("Firms in 2025Q4: It rises from 2,101 (90% band 2,011 to 2,191) at basicShare=0.1 to 2,104 (90% band 2,014 to 2,194) at 0.4 (+0.1%); " +
                        "the 90% bands at the lowest and highest values overlap, so over these seeds the change is not clearly larger than chance", findings);
        Assert.Contains("At 2025Q4, from basicShare=0.1 to 0.4, 1 of the 10 key metrics moves clearly", findings);
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
        Assert.Contains("With publicBudget=4, it rises from 122 (90% band 121.1 to 122.9) at basicShare=0.1 to 142 (90% band 141.1 to 142.9) at 0.3 (+16.4%)", findings);
        Assert.Contains("With publicBudget=6, it rises from 124 (90% band 123.1 to 124.9) at basicShare=0.1 to 144", findings);
        Assert.Contains("With basicShare=0.1, it rises from 122 (90% band 121.1 to 122.9) at publicBudget=4 to 124 (90% band 123.1 to 124.9) at 6 (+1.6%); the 90% bands at the lowest and highest values do not overlap", findings);
        Assert.Contains("With basicShare=0.3, it rises from 142", findings);
        Assert.Contains("Firms in 2025Q4: With publicBudget=4, it hardly changes: 2,000 (90% band 2,000 to 2,000) at basicShare=0.1 and 2,000 (90% band 2,000 to 2,000) at 0.3", findings);
        Assert.Contains("(with publicBudget=4)", findings);
        Assert.Equal(2 * 2, document.Descendants("tr").Count(r => (string?)r.Attribute("class") == "swept")); // both, in "changed" and in the whole catalogue
    }

    private static SweepManifest SweepManifestOf(SweepGrid grid) => new()
    {
        Scenario = new ManifestScenario("small", "scenarios/small.yaml", "name: small\n", new string('a', 64)),
        Parameters = [.. grid.Axes.Select(a => new SweepParameter(a.Parameter.Name, (double)a.From, (double)a.To, (double)a.Step, a.Values, 0))],
        Points = grid.Points.Count, Seeds = Seeds, Engine = "reference", SiloCount = 0, FirmsPerShard = 1024, TickCount = 8,
        CodeVersion = "v", RuntimeVersion = "r", OsDescription = "o", CommandLine = ["ecosim", "sweep", "small.yaml"],
        StartedUtc = DateTime.UtcNow, EndedUtc = DateTime.UtcNow,
    };
}
