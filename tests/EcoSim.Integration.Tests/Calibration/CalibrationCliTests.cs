using System.Globalization;
using System.Text.Json;
using EcoSim.Experiments.Output;
using EcoSim.Model.Parameters;
using EcoSim.Scenarios;

namespace EcoSim.Integration.Tests.Calibration;

/// <summary>
/// <c>ecosim calibrate</c> end to end on the small test world with a tiny population (a few particles,
/// two generations, a few seconds): every file it writes, a calibrated scenario that loads and holds
/// the best particle's values, <c>reproduce</c> byte for byte, the same bytes on both engines, and
/// every bad input refused with nothing written.
/// </summary>
public sealed class CalibrationCliTests
{
    private static string SmallBaseline => Path.Combine(AppContext.BaseDirectory, "Scenarios", "small-baseline.yaml");

    /// <summary>Observations near what the small world simulates (about 26 and 30 bn yuan of R&amp;D, 2,050 firms), so the fit is meaningful.</summary>
    private const string Target = "indicator,year,value,unit,source\nrd_expenditure,2024,26,bn yuan,test\nrd_expenditure,2025,30,bn yuan,test\nhigh_tech_enterprises,2025,2050,count,\"test, made up\"\n";

    private static string[] Calibrate(string dir, string target, string engine = "reference") =>
        ["calibrate", SmallBaseline, "--target", target, "--param", "demandGrowth=0.02:0.2", "--param", "graduateRate=0.05:0.3",
         "--particles", "6", "--generations", "2", "--engine", engine, "--out", dir];

    private static string WriteTarget(string root, string text = Target)
    {
        string path = Path.Combine(root, "observed.csv");
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public async Task It_writes_the_fit_the_posterior_a_calibrated_scenario_plots_a_report_and_a_manifest_that_reproduces_byte_for_byte()
    {
        string root = TestFiles.NewTempFolder();
        string dir = Path.Combine(root, "calibration");
        var (code, output, errors) = await CliRunner.Ecosim(Calibrate(dir, WriteTarget(root)));
        Assert.True(code == 0, errors);
        Assert.Contains("calibration of small-baseline to observed.csv (3 observations) over demandGrowth=0.02:0.2, graduateRate=0.05:0.3 by ABC-SMC: 6 particles, 2 generations", errors);
        Assert.Contains("The best particle misses the 3 observations of observed.csv by ", output);
        Assert.Contains("graduateRate: ", output);

        Assert.Equal(["calibrated", "fit.csv", "generations.csv", "manifest.json", "parameters.csv", "plots", "posterior.csv", "report.html"],
            Directory.GetFileSystemEntries(dir).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(["fit-high_tech_enterprises.png", "fit-rd_expenditure.png"], Directory.GetFiles(Path.Combine(dir, "plots"), "*.png").Select(Path.GetFileName).Order(StringComparer.Ordinal));
        var fit = File.ReadAllLines(Path.Combine(dir, "fit.csv"));
        Assert.Equal("indicator,unit,year,observed,posterior_median,p05,p95,best,best_error", fit[0]);
        Assert.Equal(["rd_expenditure,bn yuan,2024,26,", "rd_expenditure,bn yuan,2025,30,", "high_tech_enterprises,count,2025,2050,"], fit.Skip(1).Select(l => string.Join(',', l.Split(',').Take(4)) + ","));
        foreach (var row in fit.Skip(1).Select(l => l.Split(',').Select(f => double.TryParse(f, CultureInfo.InvariantCulture, out double v) ? v : double.NaN).ToArray()))
            Assert.True(row[5] <= row[4] && row[4] <= row[6], "the posterior median lies within its 90% band");
        var posterior = File.ReadAllLines(Path.Combine(dir, "posterior.csv"));
        Assert.Equal("particle,weight,rmspe_percent,demandGrowth,graduateRate", posterior[0]);
        Assert.Equal(1 + 6, posterior.Length);
        Assert.Equal(1, posterior.Skip(1).Sum(l => double.Parse(l.Split(',')[1], CultureInfo.InvariantCulture)), 1e-9);
        var generations = File.ReadAllLines(Path.Combine(dir, "generations.csv"));
        Assert.Equal(1 + 3, generations.Length);
        var parameters = File.ReadAllLines(Path.Combine(dir, "parameters.csv"));
        Assert.Equal("parameter,unit,prior_low,prior_high,posterior_median,p05,p95,width_share,identified,best", parameters[0]);
        Assert.StartsWith("demandGrowth,1/yr,0.02,0.2,", parameters[1], StringComparison.Ordinal);
        Assert.StartsWith("graduateRate,1/yr,0.05,0.3,", parameters[2], StringComparison.Ordinal);

        // The calibrated scenario loads from its folder and holds the best particle's values.
        var calibrated = ScenarioLoader.Load(Path.Combine(dir, "calibrated", "small-baseline-calibrated.yaml"));
        Assert.Equal("small-baseline-calibrated", calibrated.Name);
        var original = ScenarioLoader.Load(SmallBaseline);
        foreach (var line in parameters.Skip(1).Select(l => l.Split(',')))
            Assert.Equal(double.Parse(line[^1], CultureInfo.InvariantCulture), ParameterCatalog.Get(calibrated.World.Parameters, line[0]));
        Assert.Equal(["demandGrowth", "graduateRate"], ParameterCatalog.All.Where(p => ParameterCatalog.Get(original.World.Parameters, p.Name) != ParameterCatalog.Get(calibrated.World.Parameters, p.Name)).Select(p => p.Name));
        Assert.Equal(original.World.Firms, calibrated.World.Firms);

        using (var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "manifest.json"))))
        {
            var m = manifest.RootElement;
            Assert.Equal("calibration", m.GetProperty("kind").GetString());
            Assert.Equal("observed.csv", m.GetProperty("target").GetString());
            Assert.Equal(Target.TrimEnd('\n').Split('\n'), m.GetProperty("targetLines").EnumerateArray().Select(l => l.GetString()));
            Assert.Equal(6, m.GetProperty("particles").GetInt32());
            Assert.Equal(2, m.GetProperty("generations").GetInt32());
        }
        Assert.True(RunOutputFolder.IsEcoSimOutput(dir));
        var report = new ReportFile(dir);
        report.AssertSelfContained();
        Assert.Equal(["findings", "plots", "scenarios", "reproduction"], report.SectionIds);
        Assert.Contains("identified", report.Section("findings"));
        Assert.Contains("RMS percentage error", report.Section("findings"));
        Assert.Contains("ABC-SMC, 6 particles, 2 generations", report.Section("reproduction"));

        // The target file is no longer needed: the manifest holds its lines.
        File.Delete(Path.Combine(root, "observed.csv"));
        string again = Path.Combine(root, "again");
        var reproduced = await CliRunner.Ecosim("reproduce", Path.Combine(dir, "manifest.json"), "--out", again);
        Assert.True(reproduced.Code == 0, reproduced.Errors + reproduced.Output);
        foreach (var file in new[] { "fit.csv", "posterior.csv", "parameters.csv", "generations.csv" })
        {
            Assert.Contains($"identical {file}", reproduced.Output);
            Assert.Equal(File.ReadAllBytes(Path.Combine(dir, file)), File.ReadAllBytes(Path.Combine(again, file)));
        }
    }

    [Fact]
    public async Task The_embedded_orleans_engine_writes_the_same_posterior_as_the_reference_engine()
    {
        string root = TestFiles.NewTempFolder();
        string target = WriteTarget(root);
        var reference = await CliRunner.Ecosim([.. Calibrate(Path.Combine(root, "reference"), target), "--no-plots"]);
        var orleans = await CliRunner.Ecosim([.. Calibrate(Path.Combine(root, "orleans"), target, "orleans"), "--no-plots"]);
        Assert.True(reference.Code == 0 && orleans.Code == 0, reference.Errors + orleans.Errors);
        foreach (var file in new[] { "fit.csv", "posterior.csv", "parameters.csv", "generations.csv" })
            Assert.Equal(File.ReadAllBytes(Path.Combine(root, "reference", file)), File.ReadAllBytes(Path.Combine(root, "orleans", file)));
    }

    [Theory]
    [InlineData("indicator,year,value\nrd_expenditre,2024,26\n", "", "observed.csv: line 2: unknown indicator 'rd_expenditre'; the model produces rd_expenditure, rd_personnel, high_tech_enterprises (did you mean 'rd_expenditure'?)")]
    [InlineData("indicator,year,value\nrd_expenditure,2023,26\n", "", "observed.csv: line 2: year 2023 of rd_expenditure is outside the scenario's horizon, 2024 to 2025")]
    [InlineData("indicator,year,value\nrd_expenditure,2024,26\nrd_expenditure,2024,27\n", "", "observed.csv: line 3: rd_expenditure 2024 is given twice")]
    [InlineData("indicator,year,value\nrd_expenditure,2024,-1\n", "", "observed.csv: line 2: value '-1' of rd_expenditure 2024 is not a positive number (bn yuan)")]
    [InlineData("indicator,year,value\nrd_expenditure,twenty,26\n", "", "observed.csv: line 2: year 'twenty' is not a year")]
    [InlineData("indicator,when,value\nrd_expenditure,2024,26\n", "", "observed.csv: line 1: the header lacks the column year (it has indicator, when, value)")]
    [InlineData("indicator,year,value\n", "", "observed.csv: holds no observation")]
    [InlineData(null, "--param demandGrowt=0.02:0.2", "unknown parameter 'demandGrowt'; did you mean 'demandGrowth'?")]
    [InlineData(null, "--param demandGrowth=0.2:0.02", "LOW (0.2) must be below HIGH (0.02)")]
    [InlineData(null, "--param demandGrowth=0.1:0.1", "LOW (0.1) must be below HIGH (0.1)")]
    [InlineData(null, "--param graduateRate=0.1:5", "HIGH 5 is outside the allowed range of graduateRate")]
    [InlineData(null, "--particles 1", "--particles")]
    public async Task Bad_input_exits_2_naming_the_item_and_writes_nothing(string? target, string arguments, string message)
    {
        string root = TestFiles.NewTempFolder();
        string dir = Path.Combine(root, "out");
        string targetPath = WriteTarget(root, target ?? Target);
        string[] extra = arguments.Length == 0 ? [] : arguments.Split(' ');
        bool ownParam = extra.Contains("--param");
        string[] all = ["calibrate", SmallBaseline, "--target", targetPath, .. ownParam ? [] : new[] { "--param", "demandGrowth=0.02:0.2" }, .. extra, "--engine", "reference", "--out", dir];
        var (code, _, errors) = await CliRunner.Ecosim(all);
        Assert.Equal(2, code);
        Assert.Contains(message, errors);
        Assert.False(Directory.Exists(dir), "a refused calibration left its output folder behind");
    }

    [Fact]
    public async Task A_missing_target_file_exits_2_naming_it()
    {
        string root = TestFiles.NewTempFolder();
        string dir = Path.Combine(root, "out");
        var (code, _, errors) = await CliRunner.Ecosim("calibrate", SmallBaseline, "--target", Path.Combine(root, "nowhere.csv"), "--param", "demandGrowth=0.02:0.2", "--engine", "reference", "--out", dir);
        Assert.Equal(2, code);
        Assert.Contains("nowhere.csv", errors);
        Assert.False(Directory.Exists(dir));
    }
}
