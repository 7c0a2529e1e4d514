using System.Text;
using EcoSim.Experiments.Ensembles;
using EcoSim.Experiments.Output;
using EcoSim.Experiments.Report;
using EcoSim.Scenarios;

namespace EcoSim.Client.Tests;

public sealed class HtmlReportTests
{
    private static OutputManifest Manifest(Scenario baseline, Scenario policy) => new()
    {
        Payload = new ComparisonPayload
        {
            Baseline = new(baseline.Name, baseline.Path, baseline.CombinedText, baseline.Sha256),
            Policy = new(policy.Name, policy.Path, policy.CombinedText, policy.Sha256),
            Seeds = SyntheticComparison.Seeds,
        },
        Engine = "reference",
        SiloCount = 0,
        FirmsPerShard = 1024,
        TickCount = SyntheticComparison.Ticks,
        CodeVersion = "1.2.3+abc",
        RuntimeVersion = ".NET 10",
        OsDescription = "test OS",
        CommandLine = ["/some/where/ecosim.dll", "compare", "a b.yaml", "policy.yaml"],
        StartedUtc = new DateTime(2025, 1, 2, 3, 4, 5, DateTimeKind.Utc),
        EndedUtc = new DateTime(2025, 1, 2, 3, 5, 5, DateTimeKind.Utc),
    };

    private static (string Html, IReadOnlyList<string> Plots, Scenario Policy) ComparisonReportOf(TempFolder temp, bool plots = true)
    {
        var policy = TestScenarios.Load(temp, "hostile.yaml", TestScenarios.Hostile);
        var baseline = ScenarioLoader.Load(temp.Combine("small-baseline.yaml"));
        var summary = SyntheticComparison.Create(onsetTick: 6);
        var points = summary.Points();
        var written = plots ? ComparisonPlots.WriteAll(summary, points, temp.Combine("plots"), baseline.Name, policy.Name, null, "caption") : [];
        var findings = Findings.Describe(summary, SyntheticComparison.Context(onsetTick: 6) with { Question = policy.Description });
        var report = ComparisonReport.Build(findings, baseline, policy, written, temp.Path, Manifest(baseline, policy));
        return (report.Render(), written, policy);
    }

    [Fact]
    public void A_comparison_report_is_well_formed_self_contained_and_has_every_section()
    {
        using var temp = new TempFolder();
        var (html, plots, policy) = ComparisonReportOf(temp);
        var document = ReportChecks.Parse(html);

        ReportChecks.AssertSelfContained(document);
        Assert.Equal(["findings", "plots", "clusters", "scenarios", "parameters", "reproduction"],
            document.Descendants("section").Select(s => (string?)s.Attribute("id")));

        string findings = ReportChecks.SectionText(document, "findings");
        Assert.Contains("+11.0% by 2033Q4 (5-95% of 3 pairs +10.1% to +11.9%)", findings);
        Assert.Contains("first excludes zero in 2025Q3", findings);
        Assert.Contains("3 paired seeds", findings);
        Assert.Contains("identical up to 2025Q2 and diverge from 2025Q3", findings);

        var images = ReportChecks.ImageSources(document);
        Assert.Equal(plots.Count, images.Count);
        Assert.All(images, src => Assert.StartsWith("data:image/svg+xml;base64,", src));
        string firstSvg = Encoding.UTF8.GetString(Convert.FromBase64String(images[0]["data:image/svg+xml;base64,".Length..]));
        Assert.Contains("<svg", firstSvg);
        Assert.Equal(ComparisonSummary.ClusterMetrics.Count, document.Descendants("section").Single(s => (string?)s.Attribute("id") == "clusters").Descendants("img").Count());

        string scenarios = ReportChecks.SectionText(document, "scenarios");
        Assert.Contains("set: { minBasicShare: 0.3333 }", scenarios);
        Assert.Contains("name: small-baseline", scenarios);
        Assert.Contains(policy.Sha256, scenarios);

        var minBasicShare = document.Descendants("tr").First(r => r.Value.StartsWith("minBasicShare", StringComparison.Ordinal));
        var cells = minBasicShare.Elements("td").ToList();
        Assert.Equal("0", cells[4].Value); // default
        Assert.DoesNotContain("changed", (string?)cells[5].Attribute("class") ?? ""); // the baseline keeps it
        Assert.Contains("changed", (string?)cells[6].Attribute("class"));
        Assert.Contains("from 2024Q4: 0.3333", cells[6].Value);

        string reproduction = ReportChecks.SectionText(document, "reproduction");
        // The sample's command line starts with the dll's path, as manifests did before they recorded the program's words.
        Assert.Contains("dotnet ecosim.dll compare 'a b.yaml' policy.yaml", reproduction);
        Assert.Contains("3 (1 to 3)", reproduction);
        Assert.Contains("1.2.3+abc", reproduction);
        Assert.Contains("2025-01-02 03:04:05 UTC", reproduction);
        Assert.Contains("manifest.json", reproduction);
        Assert.DoesNotContain("/some/where", reproduction);
    }

    [Fact]
    public void Hostile_scenario_text_is_shown_as_text_and_never_as_markup()
    {
        using var temp = new TempFolder();
        var (html, _, _) = ComparisonReportOf(temp, plots: false);
        var document = ReportChecks.Parse(html);

        ReportChecks.AssertSelfContained(document);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=\"https://", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(", html);
        // The decoded text is exactly what the file says, in the subtitle and in the scenario text.
        Assert.Contains("<script>alert('x')</script> & <img src=\"https://evil.example/x.png\"> ]]> --> é",
            document.Descendants("p").Single(p => (string?)p.Attribute("class") == "subtitle").Value);
        Assert.Contains("# </pre><script>alert('comment')</script>", ReportChecks.SectionText(document, "scenarios"));
        Assert.Contains("No plots were drawn", ReportChecks.SectionText(document, "plots"));
    }

    [Fact]
    public void A_run_report_gives_key_numbers_at_the_start_the_horizon_years_and_the_end()
    {
        using var temp = new TempFolder();
        var scenario = TestScenarios.Load(temp, "hostile.yaml", TestScenarios.Hostile);
        var rows = SampleRows.Create();
        var region = rows.Where(r => r.Cluster == EcoSim.Model.Metrics.MetricsRow.RegionIndex).ToList();
        var plots = RunPlots.WriteAll(rows, temp.Combine("plots"), "caption");
        var manifest = ManifestSamples.OnReference(new RunPayload
        {
            ScenarioName = scenario.Name,
            ScenarioPath = scenario.Path,
            ScenarioText = scenario.CombinedText,
            ScenarioSha256 = scenario.Sha256,
            Seed = 7,
            FirstPeriod = "2024Q1",
            LastPeriod = "2033Q4",
        }, 40, "ecosim", "run", "x.yaml");

        var document = ReportChecks.Parse(RunReport.Build(scenario, region, plots, temp.Path, manifest).Render());

        ReportChecks.AssertSelfContained(document);
        string findings = ReportChecks.SectionText(document, "findings");
        Assert.Contains("Basic-knowledge stock: 100 in 2024Q1; ", findings);
        Assert.Contains(" in 2030Q4; ", findings);
        Assert.Contains("over the run)", findings);
        Assert.Contains("One run with one seed has no uncertainty band", findings);
        Assert.Contains("Left out: parameter uncertainty, since ", findings);
        Assert.Equal(RunPlots.FileNames.Count, ReportChecks.ImageSources(document).Count);
        Assert.Equal(6, document.Descendants("section").Single(s => (string?)s.Attribute("id") == "clusters").Descendants("img").Count());
        Assert.Contains("seed", ReportChecks.SectionText(document, "reproduction"));
    }

    [Fact]
    public void A_figure_embeds_its_svg_twin_and_falls_back_to_the_png()
    {
        using var temp = new TempFolder();
        string png = temp.Combine("a.png");
        File.WriteAllBytes(png, [0x89, 0x50, 0x4E, 0x47]);
        Assert.Equal("data:image/png;base64,iVBORw==", new ReportFigure(png, "a.png").DataUri());
        File.WriteAllText(PlotFiles.SvgTwin(png), "<svg/>");
        Assert.Equal("data:image/svg+xml;base64,PHN2Zy8+", new ReportFigure(png, "a.png").DataUri());
    }

    [Theory]
    [InlineData(74053.0, "74,053")]
    [InlineData(4439.8, "4,440")]
    [InlineData(110.63, "110.6")]
    [InlineData(1.29712, "1.297")]
    [InlineData(0.33333, "0.333")]
    [InlineData(double.NaN, "n/a")]
    public void Numbers_read_with_sensible_precision(double value, string expected) => Assert.Equal(expected, HtmlReport.Number(value));

    [Fact]
    public void Sections_need_distinct_ids()
    {
        var report = new HtmlReport("t").Add(new FactsSection([], ""));
        Assert.Throws<ArgumentException>(() => report.Add(new FactsSection([], "")));
    }
}
