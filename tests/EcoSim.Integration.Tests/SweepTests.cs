using EcoSim.Scenarios;
using EcoSim.Experiments;
using System.Globalization;
using System.Text.Json;
using EcoSim.Client.Cli;
using EcoSim.Experiments.Engines;
using EcoSim.Experiments.Ensembles;
using EcoSim.Experiments.Output;
using EcoSim.Experiments.Report;
using EcoSim.Model.Metrics;
using EcoSim.Model.Parameters;
using EcoSim.Experiments.Pipelines;

namespace EcoSim.Integration.Tests;

/// <summary><c>ecosim sweep</c>: a scenario over a grid of parameters, the same seeds at every point, and nothing half-written.</summary>
public sealed class SweepTests
{
    private static string SmallBaseline => Path.Combine(AppContext.BaseDirectory, "Scenarios", "small-baseline.yaml");

    private static Task<(int Code, string Output, string Errors)> Ecosim(params string[] args) => CliRunner.Ecosim(args);

    [Fact]
    public async Task A_sweep_writes_bands_per_point_every_run_response_curves_and_a_manifest()
    {
        string root = TestFiles.NewTempFolder();
        string dir = Path.Combine(root, "sweep");
        var (code, output, errors) = await Ecosim("sweep", SmallBaseline, "--param", "basicShare=0.1:0.3:0.1", "--seeds", "2", "--engine", "reference", "--ticks", "8", "--out", dir);
        Assert.True(code == 0, errors);
        Assert.Contains("sweeping small-baseline over basicShare=0.1:0.3:0.1: 3 points x 2 seeds (7..8)", errors);
        Assert.Contains("  done: 6 runs, 48 ticks in ", errors);
        Assert.Contains("basicShare=0.2: knowledge_stock ", output);

        Assert.Equal(["manifest.json", "plots", "report.html", "runs", "sweep.csv"], Directory.GetFileSystemEntries(dir).Select(Path.GetFileName).Order());
        Assert.Equal(["basicShare=0.1-seed7.csv", "basicShare=0.1-seed8.csv", "basicShare=0.2-seed7.csv", "basicShare=0.2-seed8.csv", "basicShare=0.3-seed7.csv", "basicShare=0.3-seed8.csv", "metrics.parquet"],
            Directory.GetFiles(Path.Combine(dir, "runs")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(Findings.KeyMetrics.Length, Directory.GetFiles(Path.Combine(dir, "plots"), "*.png").Length);

        var lines = File.ReadAllLines(Path.Combine(dir, "sweep.csv"));
        Assert.Equal("point,basicShare,period,metric,unit,p05,median,p95", lines[0]);
        Assert.Equal(1 + 3 * 2 * Findings.KeyMetrics.Length, lines.Length); // points x checkpoints (2024Q4, 2025Q4) x metrics
        Assert.Contains(lines, l => l.StartsWith("2,0.3,2025Q4,total_rd,bn yuan/yr,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("0,0.1,2024Q4,breakthroughs,count per year,", StringComparison.Ordinal));

        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "manifest.json")));
        Assert.Equal("sweep", manifest.RootElement.GetProperty("kind").GetString());
        var parameter = manifest.RootElement.GetProperty("parameters")[0];
        Assert.Equal("basicShare", parameter.GetProperty("name").GetString());
        Assert.Equal([0.1, 0.2, 0.3], parameter.GetProperty("values").EnumerateArray().Select(v => v.GetDouble()));
        Assert.Equal([7UL, 8UL], manifest.RootElement.GetProperty("seeds").EnumerateArray().Select(s => s.GetUInt64()));
        Assert.True(manifest.RootElement.GetProperty("plots").GetBoolean());
        Assert.Contains(manifest.RootElement.GetProperty("files").EnumerateArray(), f => f.GetProperty("path").GetString() == "report.html");
        Assert.True(RunOutputFolder.IsEcoSimOutput(dir));
    }

    [Fact]
    public async Task A_sweep_report_says_in_words_with_sweep_csv_s_numbers_what_the_parameter_changes()
    {
        string dir = Path.Combine(TestFiles.NewTempFolder(), "sweep");
        var (code, output, errors) = await Ecosim("sweep", TestFiles.SmallScenario, "--param", "basicShare=0.1:0.5:0.2", "--seeds", "2", "--engine", "reference", "--out", dir);
        Assert.True(code == 0, errors);
        Assert.Contains("report.html", output);

        var report = new ReportFile(dir);
        report.AssertSelfContained();
        Assert.Equal(["findings", "plots", "scenarios", "parameters", "reproduction"], report.SectionIds);
        var rows = File.ReadLines(Path.Combine(dir, "sweep.csv")).Skip(1).Select(l => l.Split(',')).Where(f => f[2] == "2025Q4" && f[3] == "total_rd").ToDictionary(f => f[1]);
        string Banded(string share) =>
            $"{HtmlReport.Number(Number(rows[share][6]))} (5-95% of 2 runs {HtmlReport.Number(Number(rows[share][5]))} to {HtmlReport.Number(Number(rows[share][7]))})";
        string findings = report.Section("findings");
        Assert.Matches(@"Total R&D at 2025Q4: It (rises|falls) from ", findings);
        Assert.Contains($" from {Banded("0.1")} at basicShare=0.1 to {Banded("0.5")} at 0.5 (", findings);
        Assert.Matches(@"the 5-95% spreads of the 2 runs at the lowest and highest values (overlap|do not overlap)", findings);
        Assert.Contains("At 2025Q4, from basicShare=0.1 to 0.5", findings);
        Assert.Contains("from 2024Q4: 0.3333", report.Section("parameters")); // the scenario's own change of another parameter stays
        Assert.Equal(Directory.GetFiles(Path.Combine(dir, "plots"), "*.png").Length, report.Images.Count);
        Assert.Contains("swept: 0.1 to 0.5", report.Section("parameters"));
        Assert.Contains("Swept (marked ◆): basicShare.", report.Section("parameters"));
        Assert.Contains("0.1 to 0.5 in steps of 0.2: 0.1, 0.3, 0.5", report.Section("reproduction"));
        Assert.Contains("3 points x 2 seeds = 6 runs", report.Section("reproduction"));
    }

    [Fact]
    public async Task The_budget_share_follows_the_swept_value_and_the_bands_come_from_the_runs()
    {
        string dir = Path.Combine(TestFiles.NewTempFolder(), "sweep");
        Assert.Equal(0, (await Ecosim("sweep", SmallBaseline, "-p", "basicShare=0.1:0.3:0.2", "-n", "3", "--engine", "reference", "--out", dir, "--no-plots")).Code);
        var rows = File.ReadLines(Path.Combine(dir, "sweep.csv")).Skip(1).Select(l => l.Split(',')).ToList();
        var budget = rows.Where(f => f[2] == "2025Q4" && f[3] == "knowledge_stock").ToDictionary(f => f[1], f => Number(f[6]));
        Assert.True(budget["0.3"] > budget["0.1"], "more money for basic research should mean more basic knowledge");

        var ends = new[] { 7, 8, 9 }.Select(seed => MetricsCsvReader.ReadFile(Path.Combine(dir, "runs", $"basicShare=0.3-seed{seed}.csv"))
            .Single(r => r.Cluster == MetricsRow.RegionIndex && r.Period == "2025Q4")[MetricColumns.ValueAdded]).Order().ToArray();
        var valueAdded = rows.Single(f => f[1] == "0.3" && f[2] == "2025Q4" && f[3] == "value_added");
        Assert.Equal(ends[1], Number(valueAdded[6]));
        Assert.InRange(Number(valueAdded[5]), ends[0], ends[1]);
        Assert.InRange(Number(valueAdded[7]), ends[1], ends[2]);
    }

    [Fact]
    public async Task A_point_at_the_scenario_s_own_value_is_the_plain_run_with_the_same_seed()
    {
        string root = TestFiles.NewTempFolder();
        Assert.Equal(0, (await Ecosim("sweep", SmallBaseline, "--param", "publicBudget=4:5:1", "--param", "basicShare=0.2:0.2:1", "--seeds", "2", "--engine", "reference", "--out", Path.Combine(root, "sweep"), "--no-plots")).Code);
        Assert.Equal(0, (await Ecosim("run", SmallBaseline, "--seed", "8", "--engine", "reference", "--out", Path.Combine(root, "run"), "--no-plots")).Code);
        // small-baseline sets publicBudget 5 and leaves basicShare at its default 0.2: the same world, the same seed, the same bytes.
        Assert.Equal(File.ReadAllBytes(Path.Combine(root, "run", "metrics.csv")), File.ReadAllBytes(Path.Combine(root, "sweep", "runs", "publicBudget=5_basicShare=0.2-seed8.csv")));
        Assert.Equal("point,publicBudget,basicShare,period,metric,unit,p05,median,p95", File.ReadLines(Path.Combine(root, "sweep", "sweep.csv")).First());
    }

    [Fact]
    public async Task A_swept_value_holds_from_the_second_quarter_replacing_the_scenario_s_change()
    {
        string dir = Path.Combine(TestFiles.NewTempFolder(), "sweep");
        var (code, _, errors) = await Ecosim("sweep", TestFiles.SmallScenario, "--param", "minBasicShare=0.5:0.5:1", "--seeds", "1", "--engine", "reference", "--out", dir, "--no-plots");
        Assert.True(code == 0, errors);
        Assert.Contains("note: the scenario changes minBasicShare at 2024Q4; the sweep drops that change so each swept value holds from 2024Q2 to the end", errors);
        var region = MetricsCsvReader.ReadFile(Path.Combine(dir, "runs", "minBasicShare=0.5-seed7.csv")).Where(r => r.Cluster == MetricsRow.RegionIndex).ToList();
        Assert.Equal(8, region.Count);
        // The first quarter is the scenario's calibrated start (basic share 0.2, no floor yet); the lever acts from the second.
        Assert.Equal(0.2, region[0][MetricColumns.BasicShare], 12);
        Assert.All(region.Skip(1), r => Assert.Equal(0.5, r[MetricColumns.BasicShare], 12));
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "manifest.json")));
        Assert.Equal(1, manifest.RootElement.GetProperty("parameters")[0].GetProperty("replacedChanges").GetInt32());
    }

    [Fact]
    public async Task A_lever_moves_a_world_that_starts_where_the_scenario_calibrates_it()
    {
        // Set from tick 0, the basic share would also set the labs' starting knowledge (in balance with
        // their funding), and every point would start from its own calibration. Set as a policy from the
        // second quarter, every point starts from the same state: same first quarter, then more basic
        // money means more basic knowledge.
        string dir = Path.Combine(TestFiles.NewTempFolder(), "sweep");
        var (code, _, errors) = await Ecosim("sweep", SmallBaseline, "--param", "basicShare=0.1:0.5:0.4", "--seeds", "1", "--engine", "reference", "--out", dir, "--no-plots");
        Assert.True(code == 0, errors);
        var low = MetricsCsvReader.ReadFile(Path.Combine(dir, "runs", "basicShare=0.1-seed7.csv")).Where(r => r.Cluster == MetricsRow.RegionIndex).ToList();
        var high = MetricsCsvReader.ReadFile(Path.Combine(dir, "runs", "basicShare=0.5-seed7.csv")).Where(r => r.Cluster == MetricsRow.RegionIndex).ToList();
        Assert.Equal(low[0], high[0]);
        Assert.True(high[^1][MetricColumns.KnowledgeStock] > low[^1][MetricColumns.KnowledgeStock] * 1.01, $"knowledge {high[^1][MetricColumns.KnowledgeStock]} at basicShare 0.5 against {low[^1][MetricColumns.KnowledgeStock]} at 0.1");
    }

    [Fact]
    public void A_parameter_fixed_at_the_start_is_set_before_tick_0()
    {
        var fixedAtStart = ParameterCatalog.All.First(p => p.FixedAtStart);
        double value = fixedAtStart.Default == fixedAtStart.Max ? fixedAtStart.Min : fixedAtStart.Max;
        var scenario = ParameterOverride.Apply(TestFiles.LoadSmall(), fixedAtStart, value);
        Assert.Equal(value, ParameterCatalog.Get(scenario.World.ParametersAt(0), fixedAtStart.Name));
        Assert.Equal(value, ParameterCatalog.Get(scenario.World.ParametersAt(7), fixedAtStart.Name));
    }

    public static TheoryData<string[], string> BadSweeps => new()
    {
        { ["--param", "x=1:2:0"], "--param x=1:2:0: unknown parameter 'x'" },
        { ["--param", "publicBudget=2:1:0.5"], "--param publicBudget=2:1:0.5: TO (1) is below FROM (2)" },
        { ["--param", "basicShare=0.1:0.5:0"], "STEP must be greater than 0" },
        { ["--param", "basicShare=0.5:1.5:0.5"], "TO 1.5 is outside the allowed range of basicShare, [0, 1] (share)" },
        { ["--param", "basicShar=0.1:0.5:0.1"], "did you mean 'basicShare'?" },
        { ["--param", "basicShare=0.1:0.5:0.1", "--param", "publicBudget=1:2:1", "--param", "minBasicShare=0:1:1"], "a sweep takes one or two parameters" },
        { ["--param", "basicShare=0.1:0.5:0.1", "--param", "basicShare=0.2:0.3:0.1"], "--param basicShare is given twice" },
        { ["--param", "basicShare=low:high:0.1"], "FROM 'low' is not a number" },
        { ["--param", "basicShare=0:1:0.001", "--param", "publicBudget=1:2:1"], "at most 500 points are allowed" },
        { ["--param", "basicShare"], "is not NAME=FROM:TO:STEP" },
        { [], "Option '--param' is required" },
        { ["--param", "basicShare=0.1:0.2:0.1", "--ticks", "99"], "--ticks 99 is more than the 8 ticks" },
    };

    [Theory]
    [MemberData(nameof(BadSweeps))]
    public async Task A_bad_sweep_exits_2_names_the_problem_and_writes_nothing(string[] options, string expected)
    {
        string root = TestFiles.NewTempFolder();
        var (code, output, errors) = await Ecosim(["sweep", SmallBaseline, "--engine", "reference", "--out", Path.Combine(root, "out"), .. options]);
        Assert.Equal(2, code);
        Assert.Contains(expected, errors);
        Assert.Empty(output);
        Assert.Empty(Directory.GetFileSystemEntries(root));
    }

    [Fact]
    public async Task Errors_in_the_scenario_and_in_the_grid_are_all_reported()
    {
        string root = TestFiles.NewTempFolder();
        string bad = Path.Combine(root, "bad.yaml");
        File.WriteAllText(bad, "name: x\nstart: 2024Q9\n");
        var (code, _, errors) = await Ecosim("sweep", bad, "--param", "basicShar=0:1:0.5", "--out", Path.Combine(root, "out"));
        Assert.Equal(2, code);
        Assert.Contains($"{bad}:2:8: start: expected a quarter like 2024Q1", errors);
        Assert.Contains("did you mean 'basicShare'?", errors);
        Assert.Equal([bad], Directory.GetFileSystemEntries(root));
    }

    [Fact]
    public async Task Sweep_help_describes_every_option()
    {
        var (code, output, _) = await Ecosim("sweep", "--help");
        Assert.Equal(0, code);
        foreach (var text in new[] { "<scenario>", "--param", "NAME=FROM:TO:STEP", "--seeds", "--seed", "--parallel", "--out", "--engine", "--ticks", "--no-plots", "common random numbers" })
            Assert.Contains(text, output);
        var root = await Ecosim("--help");
        Assert.Contains("sweep", root.Output);
    }

    [Fact]
    public async Task Ctrl_c_during_a_sweep_stops_the_runs_and_leaves_nothing()
    {
        string root = TestFiles.NewTempFolder();
        using var ctrlC = new CancellationTokenSource();
        var engine = new CancellingEngine(ctrlC, afterTicks: 10);
        var errors = new StringWriter();
        var baseline = ScenarioLoader.Load(SmallBaseline);
        var settings = new SweepSettings(baseline with { World = baseline.World with { Ticks = 8 } }, SweepGrid.TryParse(["basicShare=0:1:0.1"], 3, out _)!,
            Experiment.ConsecutiveSeeds(baseline.World.Seed, 3), new OutputSettings(new EngineChoice(EngineKind.Reference), Path.Combine(root, "out"), Plots: true, Parallel: 2));
        var pipeline = new SweepPipeline(PipelineCalls.Events(errors) with { OpenEngine = (_, _) => Task.FromResult<ISimulationEngine>(engine) });
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pipeline.ExecuteAsync(settings, ctrlC.Token));
        Assert.Empty(Directory.GetFileSystemEntries(root));
        Assert.InRange(engine.TicksDelivered, 10, 10 + 2 * 8); // of 264
        Assert.DoesNotContain("done:", errors.ToString());
    }

    [Fact]
    public async Task A_sweep_on_the_default_orleans_engine_gives_the_reference_engine_s_bands()
    {
        string root = TestFiles.NewTempFolder();
        var orleans = await Ecosim("sweep", SmallBaseline, "--param", "basicShare=0.1:0.3:0.2", "--seeds", "2", "--ticks", "4", "--out", Path.Combine(root, "orleans"), "--no-plots");
        var reference = await Ecosim("sweep", SmallBaseline, "--param", "basicShare=0.1:0.3:0.2", "--seeds", "2", "--ticks", "4", "--engine", "reference", "--out", Path.Combine(root, "reference"), "--no-plots");
        Assert.True(orleans.Code == 0, orleans.Errors);
        Assert.True(reference.Code == 0, reference.Errors);
        Assert.Contains("engine orleans", orleans.Errors);
        Assert.Equal(File.ReadAllBytes(Path.Combine(root, "reference", "sweep.csv")), File.ReadAllBytes(Path.Combine(root, "orleans", "sweep.csv")));
    }

    private static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);
}
