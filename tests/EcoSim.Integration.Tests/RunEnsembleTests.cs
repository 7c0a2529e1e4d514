using EcoSim.Experiments;
using System.Globalization;
using System.Text.Json;
using EcoSim.Client.Cli;
using EcoSim.Experiments.Engines;
using EcoSim.Experiments.Output;
using EcoSim.Experiments.Report;
using EcoSim.Experiments.Pipelines;
using EcoSim.Model.Metrics;

namespace EcoSim.Integration.Tests;

/// <summary><c>ecosim run --seeds N</c>: one scenario over many seeds, with bands, and nothing half-written.</summary>
public sealed class RunEnsembleTests
{
    private static Task<(int Code, string Output, string Errors)> Ecosim(params string[] args) => CliRunner.Ecosim(args);

    [Fact]
    public async Task An_ensemble_writes_each_run_the_bands_plots_and_a_manifest_listing_the_seeds()
    {
        string root = TestFiles.NewTempFolder();
        string dir = Path.Combine(root, "ens");
        var (code, output, errors) = await Ecosim("run", TestFiles.SmallScenario, "--seeds", "3", "--seed", "20", "--engine", "reference", "--ticks", "8", "--out", dir);
        Assert.True(code == 0, errors);
        Assert.Contains("running small with 3 seeds (20..22)", errors);
        Assert.Contains("  done: 3 runs, 24 ticks in ", errors);
        Assert.Contains("wrote", output);
        Assert.Contains("(5-95% of 3 runs ", output); // three runs are too few for a 90% band

        Assert.Equal(["manifest.json", "plots", "report.html", "runs", "summary.csv"], Directory.GetFileSystemEntries(dir).Select(Path.GetFileName).Order());
        Assert.Equal(["metrics.parquet", "small-seed20.csv", "small-seed21.csv", "small-seed22.csv"], Directory.GetFiles(Path.Combine(dir, "runs")).Select(Path.GetFileName).Order());
        Assert.True(File.Exists(Path.Combine(dir, "plots", "knowledge_stock.png")));
        Assert.Equal([Path.Combine(root, "ens")], Directory.GetFileSystemEntries(root));

        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "manifest.json")));
        Assert.Equal("ensemble", manifest.RootElement.GetProperty("kind").GetString());
        Assert.Equal([20UL, 21UL, 22UL], manifest.RootElement.GetProperty("seeds").EnumerateArray().Select(s => s.GetUInt64()));
        Assert.Contains(manifest.RootElement.GetProperty("files").EnumerateArray(), f => f.GetProperty("path").GetString() == "runs/small-seed21.csv");
        Assert.True(manifest.RootElement.GetProperty("plots").GetBoolean());
        var files = manifest.RootElement.GetProperty("files").EnumerateArray().ToDictionary(f => f.GetProperty("path").GetString()!, f => f.GetProperty("sha256").GetString());
        Assert.Equal(ContentHash.OfFile(Path.Combine(dir, "report.html")), files["report.html"]);
        Assert.True(RunOutputFolder.IsEcoSimOutput(dir));
    }

    [Fact]
    public async Task An_ensemble_report_gives_the_seeds_medians_and_bands_in_words_the_band_plots_and_how_to_reproduce()
    {
        string dir = Path.Combine(TestFiles.NewTempFolder(), "ens");
        var (code, output, errors) = await Ecosim("run", TestFiles.SmallScenario, "--seeds", "3", "--engine", "reference", "--out", dir);
        Assert.True(code == 0, errors);
        Assert.Contains("report.html", output);

        var report = new ReportFile(dir);
        report.AssertSelfContained();
        Assert.Equal(["findings", "plots", "scenarios", "parameters", "reproduction"], report.SectionIds);
        // The words carry summary.csv's numbers: the region's basic-knowledge stock at the last quarter.
        var knowledge = File.ReadLines(Path.Combine(dir, "summary.csv")).Select(l => l.Split(',')).Single(f => f[0] == "2025Q4" && f[2] == "-1" && f[4] == "knowledge_stock");
        // The unit ("index, 2023 region = 100") is quoted and holds a comma: the bands are the last three fields.
        string band = $"{HtmlReport.Number(Number(knowledge[^2]))} (5-95% of 3 runs {HtmlReport.Number(Number(knowledge[^3]))} to {HtmlReport.Number(Number(knowledge[^1]))}) in 2025Q4";
        Assert.Contains($"Basic-knowledge stock: median 100 in 2024Q1; {band} (median ", report.Section("findings"));
        Assert.Contains("Over 3 seeds, from 2024Q1 to 2025Q4", report.Section("findings"));
        Assert.Equal(Directory.GetFiles(Path.Combine(dir, "plots"), "*.png").Length, report.Images.Count);
        Assert.All(report.Images, src => Assert.StartsWith("data:image/svg+xml;base64,", src));
        Assert.Contains("name: small", report.Section("scenarios"));
        Assert.Contains("from 2024Q4: 0.3333", report.Section("parameters"));
        Assert.Contains("3 (7 to 9), one run each", report.Section("reproduction"));
        Assert.Contains("2024Q1 to 2025Q4 (8 quarters)", report.Section("reproduction")); // the command line is the test host's here
    }

    [Fact]
    public async Task Each_member_is_the_same_run_as_a_single_run_with_its_seed_and_the_bands_span_the_members()
    {
        string root = TestFiles.NewTempFolder();
        Assert.Equal(0, (await Ecosim("run", TestFiles.SmallScenario, "--seeds", "3", "--engine", "reference", "--out", Path.Combine(root, "ens"), "--no-plots")).Code);
        Assert.Equal(0, (await Ecosim("run", TestFiles.SmallScenario, "--seed", "8", "--engine", "reference", "--out", Path.Combine(root, "one"), "--no-plots")).Code);
        Assert.Equal(File.ReadAllBytes(Path.Combine(root, "one", "metrics.csv")), File.ReadAllBytes(Path.Combine(root, "ens", "runs", "small-seed8.csv")));

        // The region's firms at the end: the median is the middle member's, and the band lies within the members.
        var ends = new[] { 7, 8, 9 }.Select(seed => MetricsCsvReader.ReadFile(Path.Combine(root, "ens", "runs", $"small-seed{seed}.csv"))
            .Single(r => r.Cluster == -1 && r.Period == "2025Q4")[MetricColumns.Firms]).Order().ToArray();
        var summary = File.ReadLines(Path.Combine(root, "ens", "summary.csv")).Select(l => l.Split(',')).ToList();
        var firms = summary.Single(f => f[0] == "2025Q4" && f[2] == "-1" && f[4] == "firms");
        double p05 = Number(firms[6]), median = Number(firms[7]), p95 = Number(firms[8]);
        Assert.Equal(ends[1], median);
        Assert.InRange(p05, ends[0], median);
        Assert.InRange(p95, median, ends[2]);
        Assert.True(ends[0] < ends[2], "different seeds should give different firm counts");
        // Clusters are summarised too.
        Assert.Contains(summary, f => f[0] == "2025Q4" && f[3] == "semiconductors" && f[4] == "researchers");
    }

    [Fact]
    public async Task One_seed_keeps_the_single_run_output()
    {
        string dir = Path.Combine(TestFiles.NewTempFolder(), "one");
        var (code, output, errors) = await Ecosim("run", TestFiles.SmallScenario, "--seeds", "1", "--engine", "reference", "--out", dir, "--no-plots");
        Assert.True(code == 0, errors);
        Assert.Equal(["manifest.json", "metrics.csv", "metrics.parquet", "report.html"], Directory.GetFileSystemEntries(dir).Select(Path.GetFileName).Order());
        Assert.Contains("(metrics.csv, metrics.parquet, report.html, manifest.json)", output);
        Assert.Contains("  done: 1 run, 8 ticks in ", errors);
    }

    [Theory]
    [InlineData("--seeds", "0", "--seeds: expected a whole number between 1 and 10000, found '0'")]
    [InlineData("--seeds", "10001", "--seeds: expected a whole number between 1 and 10000, found '10001'")]
    [InlineData("--seeds", "many", "many")]
    [InlineData("--parallel", "0", "--parallel: expected a whole number between 1 and 256, found '0'")]
    [InlineData("--parallel", "all", "--parallel: expected a whole number between 1 and 256, found 'all'")]
    [InlineData("--ticks", "abc", "--ticks: expected a whole number of at least 1, found 'abc'")]
    public async Task Bad_ensemble_options_exit_2_and_write_nothing(string option, string value, string expected)
    {
        string root = TestFiles.NewTempFolder();
        string[] seeds = option == "--seeds" ? [] : ["--seeds", "3"];
        var (code, _, errors) = await Ecosim(["run", TestFiles.SmallScenario, .. seeds, "--engine", "reference", "--out", Path.Combine(root, "out"), option, value]);
        Assert.Equal(2, code);
        Assert.Contains(expected, errors);
        Assert.Empty(Directory.GetFileSystemEntries(root));
    }

    [Fact]
    public async Task Too_many_ticks_for_an_ensemble_exits_2_and_writes_nothing()
    {
        string root = TestFiles.NewTempFolder();
        var (code, _, errors) = await Ecosim("run", TestFiles.SmallScenario, "--seeds", "3", "--ticks", "9", "--out", Path.Combine(root, "out"));
        Assert.Equal(2, code);
        Assert.Contains("--ticks 9 is more than the 8 ticks of small", errors);
        Assert.Empty(Directory.GetFileSystemEntries(root));
    }

    [Fact]
    public async Task Run_help_describes_the_ensemble_options()
    {
        var (code, output, _) = await Ecosim("run", "--help");
        Assert.Equal(0, code);
        foreach (var text in new[] { "--seeds", "--parallel", "5-95% band", "the first of N consecutive seeds" })
            Assert.Contains(text, output);
    }

    [Fact]
    public async Task Ctrl_c_during_an_ensemble_stops_the_runs_and_leaves_nothing()
    {
        string root = TestFiles.NewTempFolder();
        using var ctrlC = new CancellationTokenSource();
        var engine = new CancellingEngine(ctrlC, afterTicks: 12);
        var errors = new StringWriter();
        var small = TestFiles.LoadSmall();
        var settings = new EnsembleSettings(small with { World = small.World with { Ticks = 8 } }, Experiment.ConsecutiveSeeds(small.World.Seed, 20),
            new OutputSettings(new EngineChoice(EngineKind.Reference), Path.Combine(root, "out"), Plots: true, Parallel: 2));
        var pipeline = new RunEnsemblePipeline(PipelineCalls.Events(errors) with { OpenEngine = (_, _) => Task.FromResult<ISimulationEngine>(engine) });
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pipeline.ExecuteAsync(settings, ctrlC.Token));
        Assert.Empty(Directory.GetFileSystemEntries(root));
        Assert.InRange(engine.TicksDelivered, 12, 12 + 2 * 8); // of 160: no run starts after Ctrl-C, at most the two in flight go on
        Assert.DoesNotContain("done:", errors.ToString());
    }

    [Fact]
    public async Task Ctrl_c_through_the_command_line_says_nothing_was_written_and_exits_130()
    {
        string root = TestFiles.NewTempFolder();
        using var ctrlC = new CancellationTokenSource(TimeSpan.FromMilliseconds(400));
        var output = new StringWriter();
        var errors = new StringWriter();
        int code = await EcoSimCli.RunAsync(["run", TestFiles.SmallScenario, "--seeds", "5000", "--engine", "reference", "--out", Path.Combine(root, "out")], output, errors, ctrlC.Token);
        Assert.Equal(ExitCodes.Interrupted, code);
        Assert.Contains("interrupted: nothing was written", errors.ToString());
        Assert.Empty(output.ToString());
        Assert.Empty(Directory.GetFileSystemEntries(root));
    }

    [Fact]
    public async Task An_ensemble_on_the_embedded_silo_gives_the_reference_engine_s_bytes()
    {
        string root = TestFiles.NewTempFolder();
        var orleans = await Ecosim("run", TestFiles.SmallScenario, "--seeds", "2", "--ticks", "4", "--out", Path.Combine(root, "orleans"), "--no-plots");
        var reference = await Ecosim("run", TestFiles.SmallScenario, "--seeds", "2", "--ticks", "4", "--engine", "reference", "--out", Path.Combine(root, "reference"), "--no-plots");
        Assert.True(orleans.Code == 0, orleans.Errors);
        Assert.True(reference.Code == 0, reference.Errors);
        Assert.Contains("engine orleans", orleans.Errors);
        Assert.Equal(File.ReadAllBytes(Path.Combine(root, "reference", "summary.csv")), File.ReadAllBytes(Path.Combine(root, "orleans", "summary.csv")));
        Assert.Equal(File.ReadAllBytes(Path.Combine(root, "reference", "runs", "small-seed8.csv")), File.ReadAllBytes(Path.Combine(root, "orleans", "runs", "small-seed8.csv")));
    }

    private static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);
}
