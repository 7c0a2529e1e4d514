using System.Globalization;
using System.Text.Json;
using System.Xml.Linq;
using EcoSim.Experiments.Output;
using EcoSim.Model.Metrics;

namespace EcoSim.Integration.Tests;

/// <summary><c>ecosim compare</c>: paired seeds, common random numbers, bands, files and errors.</summary>
public sealed class CompareTests
{
    private static string SmallBaseline => Path.Combine(AppContext.BaseDirectory, "Scenarios", "small-baseline.yaml");

    private static Task<(int Code, string Output, string Errors)> Ecosim(params string[] args) => CliRunner.Ecosim(args);

    [Fact]
    public async Task A_comparison_writes_runs_bands_findings_plots_and_a_manifest()
    {
        string dir = Path.Combine(TestFiles.NewTempFolder(), "cmp");
        var (code, output, errors) = await Ecosim("compare", SmallBaseline, TestFiles.SmallScenario, "--seeds", "3", "--engine", "reference", "--out", dir);
        Assert.True(code == 0, errors);
        Assert.Contains("identical up to 2024Q3 and diverge from 2024Q4", output);

        string[] runs = [.. Directory.GetFiles(Path.Combine(dir, "runs"), "*.csv").Select(f => Path.GetFileName(f)!).Order()];
        Assert.Equal(["baseline-seed7.csv", "baseline-seed8.csv", "baseline-seed9.csv", "policy-seed7.csv", "policy-seed8.csv", "policy-seed9.csv"], runs);
        string findings = File.ReadAllText(Path.Combine(dir, "findings.md"));
        Assert.Contains("3 paired seeds (7 to 9)", findings);
        Assert.Contains("Basic-knowledge stock: +", findings);
        Assert.Contains("(5-95% of 3 pairs ", findings); // three pairs are too few for a 90% band
        Assert.Contains("first excludes zero in 2024Q4 (the quarter of the policy's first change)", findings);
        Assert.Contains("diverge from 2024Q4, the quarter of the policy's first change", findings);
        var effectPlots = Directory.GetFiles(Path.Combine(dir, "plots"), "*-effect.png");
        Assert.NotEmpty(effectPlots);
        Assert.All(effectPlots, png => Assert.True(File.Exists(Path.ChangeExtension(png, ".svg")), $"{png} has no SVG twin"));
        Assert.True(File.Exists(Path.Combine(dir, "plots", "cluster-grid-knowledge_stock-effect.svg")));

        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "manifest.json")));
        Assert.Equal("compare", manifest.RootElement.GetProperty("kind").GetString());
        Assert.Equal(3, manifest.RootElement.GetProperty("seeds").GetArrayLength());
        Assert.True(RunOutputFolder.IsEcoSimOutput(dir));
        var files = manifest.RootElement.GetProperty("files").EnumerateArray().ToDictionary(f => f.GetProperty("path").GetString()!, f => f.GetProperty("sha256").GetString());
        Assert.Equal(ContentHash.OfFile(Path.Combine(dir, "report.html")), files["report.html"]);
    }

    [Fact]
    public async Task A_comparison_report_holds_the_findings_plots_both_scenarios_parameters_and_reproduction_facts()
    {
        string dir = Path.Combine(TestFiles.NewTempFolder(), "report");
        var (code, _, errors) = await Ecosim("compare", SmallBaseline, TestFiles.SmallScenario, "--seeds", "2", "--engine", "reference", "--out", dir);
        Assert.True(code == 0, errors);

        string html = File.ReadAllText(Path.Combine(dir, "report.html"));
        string findings = File.ReadAllText(Path.Combine(dir, "findings.md"));
        var document = XDocument.Parse(html["<!DOCTYPE html>".Length..]);
        string Section(string id) => document.Descendants("section").Single(s => (string?)s.Attribute("id") == id).Value;

        // The same sentences as findings.md.
        string knowledgeLine = findings.Split('\n').Single(l => l.StartsWith("- Basic-knowledge stock: ", StringComparison.Ordinal))["- ".Length..];
        Assert.Contains(knowledgeLine, Section("findings"));
        Assert.Matches(@"[+-]\d+\.\d% by 2025Q4 \(5-95% of 2 pairs [+-]\d+\.\d% to [+-]\d+\.\d%\)", Section("findings"));
        int pngs = Directory.GetFiles(Path.Combine(dir, "plots"), "*.png").Length;
        Assert.Equal(pngs, document.Descendants("img").Count(i => ((string)i.Attribute("src")!).StartsWith("data:image/svg+xml;base64,", StringComparison.Ordinal)));
        Assert.All(document.Descendants().Attributes().Where(a => a.Name.LocalName is "src" or "href"),
            a => Assert.True(a.Value.StartsWith("data:", StringComparison.Ordinal) || a.Value.StartsWith('#'), a.Value[..Math.Min(60, a.Value.Length)]));
        Assert.Contains("name: small-baseline", Section("scenarios"));
        Assert.Contains("minBasicShare: 0.3333", Section("scenarios"));
        Assert.Contains("from 2024Q4: 0.3333", Section("parameters"));
        Assert.Contains("2 (7 to 8)", Section("reproduction"));
    }

    [Fact]
    public async Task Paired_runs_share_random_numbers_so_they_are_identical_before_the_policy_and_differ_after()
    {
        string dir = Path.Combine(TestFiles.NewTempFolder(), "crn");
        Assert.Equal(0, (await Ecosim("compare", SmallBaseline, TestFiles.SmallScenario, "--seeds", "2", "--engine", "reference", "--out", dir, "--no-plots")).Code);
        foreach (var seed in new[] { 7, 8 })
        {
            var baseline = MetricsCsvReader.ReadFile(Path.Combine(dir, "runs", $"baseline-seed{seed}.csv"));
            var policy = MetricsCsvReader.ReadFile(Path.Combine(dir, "runs", $"policy-seed{seed}.csv"));
            Assert.Equal(baseline.Count, policy.Count);
            for (int i = 0; i < baseline.Count; i++)
            {
                if (baseline[i].Tick < 3) Assert.Equal(baseline[i], policy[i]);
                else if (baseline[i].Cluster == -1) Assert.NotEqual(baseline[i][MetricColumns.BudgetBasic], policy[i][MetricColumns.BudgetBasic]);
            }
        }
        // The effect band of a metric the policy does not touch before 2024Q4 is exactly zero there.
        var summary = File.ReadLines(Path.Combine(dir, "summary.csv")).Skip(1).Select(l => l.Split(',')).ToList();
        var early = summary.Where(f => f[0] == "2024Q3" && f[2] == "-1" && f[4] == "knowledge_stock").Single();
        Assert.Equal(0, double.Parse(early[13], CultureInfo.InvariantCulture));
        var late = summary.Where(f => f[0] == "2025Q4" && f[2] == "-1" && f[4] == "knowledge_stock").Single();
        Assert.True(double.Parse(late[16], CultureInfo.InvariantCulture) > 0, "basic knowledge should rise under the one-third rule");
    }

    [Fact]
    public async Task Summary_csv_has_every_cluster_beside_the_region_in_the_ensembles_layout()
    {
        string dir = Path.Combine(TestFiles.NewTempFolder(), "clusters");
        var (code, _, errors) = await Ecosim("compare", SmallBaseline, TestFiles.SmallScenario, "--seeds", "2", "--engine", "reference", "--out", dir, "--no-plots", "--ticks", "6");
        Assert.True(code == 0, errors);

        var lines = File.ReadAllLines(Path.Combine(dir, "summary.csv"));
        Assert.Equal("period,time,cluster,cluster_id,metric,unit,baseline_p05,baseline_median,baseline_p95,policy_p05,policy_median,policy_p95," +
                     "effect_p05,effect_median,effect_p95,relative_effect_p05,relative_effect_median,relative_effect_p95", lines[0]);
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToList();
        var baseline = new[] { 7, 8 }.Select(seed => MetricsCsvReader.ReadFile(Path.Combine(dir, "runs", $"baseline-seed{seed}.csv"))).ToList();
        var policy = new[] { 7, 8 }.Select(seed => MetricsCsvReader.ReadFile(Path.Combine(dir, "runs", $"policy-seed{seed}.csv"))).ToList();
        var clusters = baseline[0].Where(r => r.Tick == 0).Select(r => (r.Cluster, r.ClusterId)).OrderBy(c => c.Cluster).ToList();
        Assert.Equal(6 * clusters.Count * MetricColumns.All.Count, rows.Count); // the region and each cluster, every tick and metric
        Assert.Equal(clusters.Select(c => $"{c.Cluster},{c.ClusterId}"), rows.Where(f => f[0] == "2024Q1" && f[4] == "firms").Select(f => $"{f[2]},{f[3]}"));

        // A cluster's bands are its runs' numbers: the baseline band spans the two seeds, the effect is each pair's difference.
        var (cluster, id) = clusters.First(c => c.Cluster >= 0);
        var last = baseline[0].Max(r => r.Tick);
        var row = rows.Single(f => f[2] == cluster.ToString(CultureInfo.InvariantCulture) && f[3] == id && f[4] == "value_added" && f[0] == baseline[0].First(r => r.Tick == last).Period);
        double Value(IReadOnlyList<MetricsRow> run) => run.Single(r => r.Tick == last && r.Cluster == cluster)[MetricColumns.ValueAdded];
        double[] values = [.. row[6..].Select(v => double.Parse(v, CultureInfo.InvariantCulture))];
        var baselineBand = EcoSim.Experiments.Ensembles.Band.Of([.. baseline.Select(Value)]);
        var effectBand = EcoSim.Experiments.Ensembles.Band.Of([.. baseline.Zip(policy, (b, p) => Value(p) - Value(b))]);
        Assert.Equal([baselineBand.P05, baselineBand.Median, baselineBand.P95], values[0..3]);
        Assert.Equal([effectBand.P05, effectBand.Median, effectBand.P95], values[6..9]);
        Assert.InRange(values[1], baseline.Select(Value).Min(), baseline.Select(Value).Max());
    }

    [Fact]
    public async Task The_same_comparison_twice_gives_the_same_summary_bytes()
    {
        string root = TestFiles.NewTempFolder();
        Assert.Equal(0, (await Ecosim("compare", SmallBaseline, TestFiles.SmallScenario, "--seeds", "2", "--engine", "reference", "--out", Path.Combine(root, "a"), "--no-plots", "--parallel", "1")).Code);
        Assert.Equal(0, (await Ecosim("compare", SmallBaseline, TestFiles.SmallScenario, "--seeds", "2", "--engine", "reference", "--out", Path.Combine(root, "b"), "--no-plots", "--parallel", "2")).Code);
        Assert.Equal(File.ReadAllBytes(Path.Combine(root, "a", "summary.csv")), File.ReadAllBytes(Path.Combine(root, "b", "summary.csv")));
        Assert.Equal(File.ReadAllBytes(Path.Combine(root, "a", "findings.md")), File.ReadAllBytes(Path.Combine(root, "b", "findings.md")));
    }

    [Fact]
    public async Task Scenarios_with_different_horizons_cannot_be_compared()
    {
        string root = TestFiles.NewTempFolder();
        string shorter = Path.Combine(root, "short.yaml");
        File.WriteAllText(shorter, File.ReadAllText(SmallBaseline).Replace("end: 2025Q4", "end: 2025Q2"));
        var (code, _, errors) = await Ecosim("compare", SmallBaseline, shorter, "--out", Path.Combine(root, "out"));
        Assert.Equal(2, code);
        Assert.Contains("needs the same horizon", errors);
        Assert.Equal([shorter], Directory.GetFileSystemEntries(root));
    }

    [Fact]
    public async Task Errors_in_both_scenarios_are_all_reported()
    {
        string root = TestFiles.NewTempFolder();
        string a = Path.Combine(root, "a.yaml"), b = Path.Combine(root, "b.yaml");
        File.WriteAllText(a, "name: [oops");
        File.WriteAllText(b, "");
        var (code, _, errors) = await Ecosim("compare", a, b, "--out", Path.Combine(root, "out"));
        Assert.Equal(2, code);
        Assert.Contains($"{a}:", errors);
        Assert.Contains($"{b}: file is empty", errors);
    }

    [Fact]
    public async Task Compare_help_describes_every_option()
    {
        var (code, output, _) = await Ecosim("compare", "--help");
        Assert.Equal(0, code);
        foreach (var option in new[] { "<baseline>", "<policy>", "--seeds", "--seed", "--out", "--engine", "--firms-per-shard", "--ticks", "--cluster", "--no-plots", "--parallel" })
            Assert.Contains(option, output);
    }
}
