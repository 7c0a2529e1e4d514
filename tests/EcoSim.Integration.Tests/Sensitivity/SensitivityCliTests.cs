using System.Text.Json;
using EcoSim.Experiments.Output;

namespace EcoSim.Integration.Tests.Sensitivity;

/// <summary>
/// <c>ecosim sensitivity</c> end to end on the small test world, a few quarters and a few design points
/// (each test well under a few seconds): the files it writes, the report in words, <c>reproduce</c>
/// byte for byte, the same bytes on both engines, and every bad input refused with nothing written.
/// </summary>
public sealed class SensitivityCliTests
{
    private static string SmallBaseline => Path.Combine(AppContext.BaseDirectory, "Scenarios", "small-baseline.yaml");

    private static Task<(int Code, string Output, string Errors)> Ecosim(params string[] args) => CliRunner.Ecosim(args);

    private static string[] Morris(string dir, string engine = "reference") =>
        ["sensitivity", SmallBaseline, "--method", "morris", "--param", "basicShare=0.1:0.4", "--param", "publicBudget=3:8", "--samples", "3", "--seeds", "2",
         "--ticks", "6", "--engine", engine, "--outputs", "knowledge_stock@2025,firms@2024", "--out", dir];

    [Fact]
    public async Task Morris_writes_indices_design_plots_a_report_in_words_and_a_manifest_that_reproduces_byte_for_byte()
    {
        string root = TestFiles.NewTempFolder();
        string dir = Path.Combine(root, "morris");
        var (code, output, errors) = await Ecosim(Morris(dir));
        Assert.True(code == 0, errors);
        Assert.Contains("sensitivity of small-baseline by morris over basicShare=0.1:0.4, publicBudget=3:8: 9 design points x 2 seeds (7..8), 6 ticks each", errors);
        Assert.Contains("  done: 18 runs, 108 ticks in ", errors);
        Assert.Contains("Basic-knowledge stock in 2025 is most sensitive to ", output);

        Assert.Equal(["design.csv", "indices.csv", "manifest.json", "plots", "report.html"], Directory.GetFileSystemEntries(dir).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(["firms-2024.png", "knowledge_stock-2025.png"], Directory.GetFiles(Path.Combine(dir, "plots"), "*.png").Select(Path.GetFileName).Order(StringComparer.Ordinal));
        var indices = File.ReadAllLines(Path.Combine(dir, "indices.csv"));
        Assert.Equal("output,unit,parameter,low,high,index,estimate,p05,p95", indices[0]);
        Assert.Equal(1 + 2 * 2 * 3, indices.Length);
        Assert.Contains(indices, l => l.StartsWith("knowledge_stock@2025,\"index, 2023 region = 100\",basicShare,0.1,0.4,mu_star,", StringComparison.Ordinal));
        Assert.Contains(indices, l => l.StartsWith("firms@2024,count,publicBudget,3,8,sigma,", StringComparison.Ordinal) && l.EndsWith(",,", StringComparison.Ordinal));
        var design = File.ReadAllLines(Path.Combine(dir, "design.csv"));
        Assert.Equal("point,basicShare,publicBudget,knowledge_stock@2025,firms@2024", design[0]);
        Assert.Equal(1 + 9, design.Length);

        using (var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "manifest.json"))))
        {
            var m = manifest.RootElement;
            Assert.Equal("sensitivity", m.GetProperty("kind").GetString());
            Assert.Equal("morris", m.GetProperty("method").GetString());
            Assert.Equal(3, m.GetProperty("samples").GetInt32());
            Assert.Equal(9, m.GetProperty("points").GetInt32());
            Assert.Equal(["knowledge_stock@2025", "firms@2024"], m.GetProperty("outputs").EnumerateArray().Select(o => o.GetString()));
            Assert.Equal(["basicShare", "publicBudget"], m.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
        }
        Assert.True(RunOutputFolder.IsEcoSimOutput(dir));

        var report = new ReportFile(dir);
        report.AssertSelfContained();
        Assert.Equal(["findings", "plots", "scenarios", "parameters", "reproduction"], report.SectionIds);
        Assert.Contains("Basic-knowledge stock in 2025 is most sensitive to", report.Section("findings"));
        Assert.Contains("not the seed noise within a point", report.Section("findings"));
        Assert.Contains("9 points x 2 (7 to 8) seeds = 18 runs", report.Section("reproduction"));
        Assert.Equal(2, report.Images.Count);

        string again = Path.Combine(root, "again");
        var reproduced = await Ecosim("reproduce", Path.Combine(dir, "manifest.json"), "--out", again);
        Assert.True(reproduced.Code == 0, reproduced.Errors + reproduced.Output);
        Assert.Contains("identical indices.csv", reproduced.Output);
        Assert.Contains("identical design.csv", reproduced.Output);
        foreach (var file in new[] { "indices.csv", "design.csv" })
            Assert.Equal(File.ReadAllBytes(Path.Combine(dir, file)), File.ReadAllBytes(Path.Combine(again, file)));
    }

    [Fact]
    public async Task Sobol_writes_first_order_and_total_indices_with_intervals_for_a_saltelli_design()
    {
        string dir = Path.Combine(TestFiles.NewTempFolder(), "sobol");
        var (code, output, errors) = await Ecosim("sensitivity", SmallBaseline, "--method", "sobol", "--param", "basicShare=0.1:0.4", "--param", "publicBudget=3:8",
            "--samples", "4", "--seeds", "1", "--ticks", "4", "--engine", "reference", "--outputs", "knowledge_stock@2024", "--no-plots", "--out", dir);
        Assert.True(code == 0, errors);
        Assert.Contains("16 design points x 1 seeds", errors);
        Assert.Contains("Basic-knowledge stock in 2024 depends mostly on ", output);
        var indices = File.ReadAllLines(Path.Combine(dir, "indices.csv")).Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Equal(["S1", "ST", "S1", "ST"], indices.Select(f => f[^4]));
        Assert.All(indices, f => Assert.True(double.Parse(f[^2], System.Globalization.CultureInfo.InvariantCulture) <= double.Parse(f[^1], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(1 + 16, File.ReadAllLines(Path.Combine(dir, "design.csv")).Length);
        Assert.False(Directory.Exists(Path.Combine(dir, "plots")));
    }

    [Fact]
    public async Task The_embedded_orleans_engine_writes_the_same_indices_as_the_reference_engine()
    {
        string root = TestFiles.NewTempFolder();
        var reference = await Ecosim([.. Morris(Path.Combine(root, "reference")), "--no-plots"]);
        var orleans = await Ecosim([.. Morris(Path.Combine(root, "orleans"), "orleans"), "--no-plots"]);
        Assert.True(reference.Code == 0 && orleans.Code == 0, reference.Errors + orleans.Errors);
        foreach (var file in new[] { "indices.csv", "design.csv" })
            Assert.Equal(File.ReadAllBytes(Path.Combine(root, "reference", file)), File.ReadAllBytes(Path.Combine(root, "orleans", file)));
    }

    [Fact]
    public async Task With_a_policy_every_point_runs_both_scenarios_with_paired_seeds_and_explains_the_effect()
    {
        string root = TestFiles.NewTempFolder();
        string dir = Path.Combine(root, "effect");
        var (code, output, errors) = await Ecosim("sensitivity", SmallBaseline, "--policy", TestFiles.SmallScenario, "--method", "morris", "--param", "basicShare=0.1:0.4",
            "--param", "publicBudget=3:8", "--samples", "2", "--seeds", "2", "--ticks", "6", "--engine", "reference", "--outputs", "knowledge_stock@2025", "--no-plots", "--out", dir);
        Assert.True(code == 0, errors);
        Assert.Contains("sensitivity of the effect of small against small-baseline by morris", errors);
        Assert.Contains("6 design points x 2 paired seeds", errors);
        Assert.Contains("  done: 24 runs, ", errors);
        Assert.Contains("The effect of small on basic-knowledge stock in 2025 is most sensitive to ", output);
        Assert.All(File.ReadAllLines(Path.Combine(dir, "indices.csv")).Skip(1), l => Assert.StartsWith("effect:knowledge_stock@2025,", l, StringComparison.Ordinal));
        Assert.Equal("point,basicShare,publicBudget,effect:knowledge_stock@2025", File.ReadLines(Path.Combine(dir, "design.csv")).First());
        var report = new ReportFile(dir);
        Assert.Contains("paired seeds", report.Section("findings"));
        Assert.Contains("6 points x 2 (7 to 8) seeds x 2 scenarios = 24 runs", report.Section("reproduction"));

        var reproduced = await Ecosim("reproduce", Path.Combine(dir, "manifest.json"), "--out", Path.Combine(root, "again"));
        Assert.True(reproduced.Code == 0, reproduced.Errors + reproduced.Output);
        Assert.Equal(File.ReadAllBytes(Path.Combine(dir, "indices.csv")), File.ReadAllBytes(Path.Combine(root, "again", "indices.csv")));
    }

    [Theory]
    [InlineData("--param basicShar=0.1:0.4", "unknown parameter 'basicShar'; did you mean 'basicShare'?")]
    [InlineData("--param basicShare=0.1:1.5", "HIGH 1.5 is outside the allowed range of basicShare, [0, 1] (share)")]
    [InlineData("--param basicShare=-1:0.5", "LOW -1 is outside the allowed range of basicShare, [0, 1] (share)")]
    [InlineData("--param basicShare=0.4:0.1", "LOW (0.4) must be below HIGH (0.1)")]
    [InlineData("--param basicShare=0.4:0.4", "LOW (0.4) must be below HIGH (0.4)")]
    [InlineData("--param basicShare=0.1:x", "HIGH 'x' is not a number")]
    [InlineData("--param basicShare=0.1:0.2:0.3", "is not NAME=LOW:HIGH")]
    [InlineData("--param basicShare --param basicShare=0.1:0.2", "--param basicShare is given twice")]
    [InlineData("--param basicShare --method sobol --samples 100", "--samples 100: Sobol's base sample N must be a power of two")]
    [InlineData("--param basicShare --method sobol --samples 1", "--samples 1: Sobol's base sample N must be a power of two")]
    [InlineData("--param basicShare --samples 1", "--samples 1: Morris needs 2 to 1000 trajectories")]
    [InlineData("--param basicShare --outputs productivty@2025", "unknown metric 'productivty' in 'productivty@2025'; did you mean 'productivity'?")]
    [InlineData("--param basicShare --outputs productivity@2051", "year 2051 in 'productivity@2051' is outside the run's horizon, 2024 to 2025")]
    [InlineData("--param basicShare --outputs productivity@2023", "year 2023 in 'productivity@2023' is outside the run's horizon")]
    [InlineData("--param basicShare --outputs productivity", "'productivity' is not METRIC@YEAR")]
    [InlineData("--param basicShare --outputs firms@2025,firms@2025", "'firms@2025' is given twice")]
    [InlineData("--param basicShare --method fast", "expected morris or sobol, found 'fast'")]
    [InlineData("--param basicShare --method sobol --samples 65536 --seeds 2", "the design would make 393216 runs")]
    [InlineData("--param basicShare --policy no-such-policy.yaml", "no-such-policy.yaml")]
    public async Task Bad_input_exits_2_naming_the_item_and_writes_nothing(string arguments, string message)
    {
        string dir = Path.Combine(TestFiles.NewTempFolder(), "out");
        var args = arguments.Split(' ');
        string[] all = ["sensitivity", SmallBaseline, .. args.Contains("--method") ? [] : new[] { "--method", "morris" }, .. args, "--engine", "reference", "--out", dir];
        var (code, _, errors) = await Ecosim(all);
        Assert.Equal(2, code);
        Assert.Contains(message, errors);
        Assert.False(Directory.Exists(dir), "a refused analysis left its output folder behind");
    }

    [Fact]
    public async Task A_parameter_alone_is_sampled_over_the_catalogue_s_plausible_range_which_the_manifest_records_and_reproduce_keeps()
    {
        string root = TestFiles.NewTempFolder();
        string dir = Path.Combine(root, "plausible");
        var (code, _, errors) = await Ecosim("sensitivity", SmallBaseline, "--method", "morris", "--param", "basicShare", "--param", "publicBudget=3:8", "--samples", "2", "--seeds", "1",
            "--ticks", "2", "--engine", "reference", "--outputs", "firms@2024", "--no-plots", "--out", dir);
        Assert.True(code == 0, errors);
        Assert.Contains("over basicShare=0.1:0.4 (plausible range), publicBudget=3:8:", errors);
        var indices = File.ReadAllLines(Path.Combine(dir, "indices.csv"));
        Assert.Contains(indices, l => l.StartsWith("firms@2024,count,basicShare,0.1,0.4,mu_star,", StringComparison.Ordinal));
        var design = File.ReadAllLines(Path.Combine(dir, "design.csv")).Skip(1).Select(l => double.Parse(l.Split(',')[1], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.All(design, value => Assert.InRange(value, 0.1, 0.4));
        using (var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "manifest.json"))))
        {
            var parameters = manifest.RootElement.GetProperty("parameters").EnumerateArray().ToList();
            Assert.Equal(("basicShare", 0.1, 0.4, "plausible"), (parameters[0].GetProperty("name").GetString(), parameters[0].GetProperty("low").GetDouble(), parameters[0].GetProperty("high").GetDouble(), parameters[0].GetProperty("range").GetString()));
            Assert.Equal("given", parameters[1].GetProperty("range").GetString());
        }
        var report = new ReportFile(dir);
        Assert.Contains("basicShare from 0.1 to 0.4 share, the catalogue's plausible range (assumed: ", report.Section("findings"));
        Assert.Contains("0.1 to 0.4 (the catalogue's plausible range)", report.Section("reproduction"));

        string again = Path.Combine(root, "again");
        var reproduced = await Ecosim("reproduce", Path.Combine(dir, "manifest.json"), "--out", again);
        Assert.True(reproduced.Code == 0, reproduced.Errors + reproduced.Output);
        Assert.Contains("over basicShare=0.1:0.4 (plausible range), publicBudget=3:8:", reproduced.Errors);
        foreach (var file in new[] { "indices.csv", "design.csv" })
            Assert.Equal(File.ReadAllBytes(Path.Combine(dir, file)), File.ReadAllBytes(Path.Combine(again, file)));
        using var reproducedManifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(again, "manifest.json")));
        Assert.Equal("plausible", reproducedManifest.RootElement.GetProperty("parameters")[0].GetProperty("range").GetString());
    }

    [Fact]
    public async Task List_params_prints_every_parameter_s_plausible_range_without_a_scenario_and_writes_nothing()
    {
        var (code, output, errors) = await Ecosim("sensitivity", "--list-params");
        Assert.True(code == 0, errors);
        Assert.Equal(EcoSim.Scenarios.ParameterTable.PlausibleRangesMarkdown(), output);
        Assert.Contains("| `basicShare` | 0.1 to 0.4 | share | 0.2 | 0 to 1 | assumed: ", output);
    }

    [Fact]
    public async Task A_manifest_whose_range_basis_is_unknown_is_refused_naming_the_key()
    {
        string root = TestFiles.NewTempFolder();
        string dir = Path.Combine(root, "first");
        var (code, _, errors) = await Ecosim("sensitivity", SmallBaseline, "--method", "morris", "--param", "basicShare", "--samples", "2", "--seeds", "1",
            "--ticks", "2", "--engine", "reference", "--outputs", "firms@2024", "--no-plots", "--out", dir);
        Assert.True(code == 0, errors);
        string path = Path.Combine(dir, "manifest.json");
        File.WriteAllText(path, File.ReadAllText(path).Replace("\"range\": \"plausible\"", "\"range\": \"wide\"", StringComparison.Ordinal));
        string again = Path.Combine(root, "again");
        var reproduced = await Ecosim("reproduce", path, "--out", again);
        Assert.Equal(2, reproduced.Code);
        Assert.Contains("parameters[0].range 'wide' is not given or plausible", reproduced.Errors);
        Assert.False(Directory.Exists(again));
    }
}
