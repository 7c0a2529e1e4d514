using System.Globalization;

namespace EcoSim.Integration.Tests.Validation;

/// <summary>
/// The back-cast inside <c>ecosim check-model</c>: a target the model does not follow fails the validation
/// (exit 4, the series named, its RMSPE beyond the limit in backcast-fit.csv and the report), and a bad
/// target is refused before anything runs.
/// </summary>
public sealed class CheckModelBackcastTests
{
    private static string Baseline => Path.Combine(TestFiles.RepoRoot, "scenarios", "guangdong-baseline.yaml");
    private static string Target => Path.Combine(TestFiles.RepoRoot, "scenarios", "data", "guangdong-backcast-target.csv");

    // The target with every R&D figure from 2019 on raised by a quarter: a path the back-cast cannot follow.
    private static string AlteredTarget(string folder)
    {
        var lines = File.ReadAllLines(Target).Select(line =>
        {
            var fields = line.Split(',');
            if (fields[0] != "rd_expenditure" || int.Parse(fields[1], CultureInfo.InvariantCulture) < 2019) return line;
            fields[2] = (double.Parse(fields[2], CultureInfo.InvariantCulture) * 1.25).ToString("R", CultureInfo.InvariantCulture);
            return string.Join(',', fields);
        });
        string path = Path.Combine(folder, "altered-target.csv");
        File.WriteAllLines(path, lines);
        return path;
    }

    [Fact]
    public async Task A_target_the_model_misses_fails_the_validation_naming_the_series()
    {
        string root = TestFiles.NewTempFolder();
        string dir = Path.Combine(root, "check");
        var (code, output, errors) = await CliRunner.Ecosim(["check-model", Baseline, "--quick", "--engine", "reference", "--no-plots", "--backcast-target", AlteredTarget(root), "--out", dir]);
        Assert.True(code == 4, $"exit {code}: {output}{errors}");
        Assert.Contains("7 of 7 stylized facts hold", output);
        Assert.Contains("Back-cast: fails (rd_expenditure RMSPE", output);
        Assert.Contains("FAILS: back-cast rd_expenditure", errors);

        var fit = File.ReadAllLines(Path.Combine(dir, "backcast-fit.csv")).Skip(1).Select(l => l.Split(',')).ToDictionary(f => f[0]);
        Assert.Equal("false", fit["rd_expenditure"][7]);
        Assert.True(double.Parse(fit["rd_expenditure"][2], CultureInfo.InvariantCulture) > 3.5);
        Assert.Equal("true", fit["rd_personnel"][7]); // the personnel figure was not altered and still holds
        Assert.Equal("true", fit["high_tech_enterprises"][7]); // nor the certified counts
        var years = File.ReadAllLines(Path.Combine(dir, "backcast.csv"));
        Assert.Equal(1 + 3 * 9, years.Length); // three series, every year 2016 to 2024
        Assert.Contains(years, l => l.StartsWith("rd_expenditure,2021,bn yuan,,", StringComparison.Ordinal)); // no figure for 2021, the model's value still given

        var report = new ReportFile(dir);
        Assert.Contains("Back-cast: fails", report.Section("backcast"));
        Assert.Contains("Fails: rd_expenditure", report.Section("backcast"));
    }

    [Theory]
    [InlineData("rd_expenditur,2017,234.4", "line 3: unknown indicator 'rd_expenditur'")]
    [InlineData("rd_expenditure,2031,234.4", "line 3: year 2031 of rd_expenditure is outside the scenario's horizon, 2016 to 2024")]
    public async Task A_bad_target_is_refused_with_its_line_and_nothing_written(string line, string message)
    {
        string root = TestFiles.NewTempFolder();
        string target = Path.Combine(root, "bad-target.csv");
        File.WriteAllLines(target, ["indicator,year,value", "rd_expenditure,2016,203.5", line]);
        string dir = Path.Combine(root, "check");
        var (code, _, errors) = await CliRunner.Ecosim(["check-model", Baseline, "--quick", "--engine", "reference", "--backcast-target", target, "--out", dir]);
        Assert.Equal(2, code);
        Assert.Contains($"--backcast-target {target}: {message}", errors);
        Assert.False(Directory.Exists(dir));
    }

    [Fact]
    public async Task A_missing_target_is_refused_and_no_backcast_is_the_way_round_it()
    {
        string root = TestFiles.NewTempFolder();
        string dir = Path.Combine(root, "check");
        var (code, _, errors) = await CliRunner.Ecosim(["check-model", Baseline, "--quick", "--backcast-target", Path.Combine(root, "none.csv"), "--out", dir]);
        Assert.Equal(2, code);
        Assert.Contains("no such file; name the observed series with --backcast-target FILE, or check no back-cast with --no-backcast", errors);
        Assert.False(Directory.Exists(dir));
    }
}
