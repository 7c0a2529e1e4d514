using System.Text.Json;
using EcoSim.Experiments.Output;

namespace EcoSim.Integration.Tests.Validation;

/// <summary>
/// <c>ecosim check-model --quick</c> end to end on the full baseline (the facts need its whole population
/// and 20 years; about 15 s on the reference engine): every file, the verdict printed and in the report, a
/// plot per fact, <c>reproduce</c> byte for byte, and bad input refused with nothing written.
/// </summary>
public sealed class CheckModelCliTests
{
    private static string Baseline => Path.Combine(TestFiles.RepoRoot, "scenarios", "guangdong-baseline.yaml");

    [Fact]
    public async Task The_quick_check_writes_facts_screen_plots_report_and_a_manifest_that_reproduces()
    {
        string root = TestFiles.NewTempFolder();
        string dir = Path.Combine(root, "check");
        var (code, output, errors) = await CliRunner.Ecosim(["check-model", Baseline, "--quick", "--engine", "reference", "--out", dir]);
        Assert.True(code == 0, errors);
        Assert.Contains("7 of 7 stylized facts hold", output);
        Assert.Contains("holds: zipf-size-tail:", errors);

        Assert.Equal(["backcast-fit.csv", "backcast.csv", "facts.csv", "manifest.json", "plots", "report.html", "screen-design.csv", "screen-indices.csv"],
            Directory.GetFileSystemEntries(dir).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(7, Directory.GetFiles(Path.Combine(dir, "plots"), "fact-*.png").Length);
        Assert.Equal(["backcast-high_tech_enterprises.png", "backcast-rd_expenditure.png", "backcast-rd_personnel.png"], Directory.GetFiles(Path.Combine(dir, "plots"), "backcast-*.png").Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Contains("Back-cast: holds (rd_expenditure RMSPE", output);
        Assert.All(File.ReadAllLines(Path.Combine(dir, "backcast-fit.csv")).Skip(1), line => Assert.Contains(",true,", line));
        var facts = File.ReadAllLines(Path.Combine(dir, "facts.csv"));
        Assert.Equal("fact,statistic,value,low,high,open,holds,source", facts[0]);
        Assert.All(facts.Skip(1), line => Assert.Contains(",true,", line));
        Assert.Contains(facts, l => l.StartsWith("zipf-size-tail,rank-size exponent of the largest 5%,", StringComparison.Ordinal) && l.Contains(",0.8,2,false,true,"));
        Assert.Equal(1 + 10 * 4 * 3, File.ReadAllLines(Path.Combine(dir, "screen-indices.csv")).Length);
        Assert.Equal(1 + 4 * 5, File.ReadAllLines(Path.Combine(dir, "screen-design.csv")).Length);

        using (var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "manifest.json"))))
        {
            var m = manifest.RootElement;
            Assert.Equal("check-model", m.GetProperty("kind").GetString());
            Assert.True(m.GetProperty("quick").GetBoolean());
            Assert.Equal(7, m.GetProperty("factsHeld").GetInt32());
            Assert.Equal(40, m.GetProperty("screenTicks").GetInt32());
            Assert.Equal("guangdong-backcast-2016", m.GetProperty("backcast").GetProperty("name").GetString());
            Assert.True(m.GetProperty("backcastHeld").GetBoolean());
        }
        Assert.True(RunOutputFolder.IsEcoSimOutput(dir));
        var report = new ReportFile(dir);
        report.AssertSelfContained();
        Assert.Contains("All 7 stylized facts hold on guangdong-baseline.", report.Section("findings"));
        Assert.Contains("Syverson (2011)", report.Section("facts"));

        string again = Path.Combine(root, "again");
        var (reproduced, reproduceOutput, reproduceErrors) = await CliRunner.Ecosim(["reproduce", Path.Combine(dir, "manifest.json"), "--out", again]);
        Assert.True(reproduced == 0, reproduceOutput + reproduceErrors);
        Assert.Equal(File.ReadAllBytes(Path.Combine(dir, "facts.csv")), File.ReadAllBytes(Path.Combine(again, "facts.csv")));
        Assert.Equal(File.ReadAllBytes(Path.Combine(dir, "backcast.csv")), File.ReadAllBytes(Path.Combine(again, "backcast.csv")));
    }

    [Theory]
    [InlineData("--ticks", "8", "check-model takes no --ticks")]
    [InlineData("--seed", "-1", "--seed")]
    public async Task Bad_options_are_refused_with_nothing_written(string option, string value, string message)
    {
        string dir = Path.Combine(TestFiles.NewTempFolder(), "check");
        var (code, _, errors) = await CliRunner.Ecosim(["check-model", Baseline, "--quick", option, value, "--out", dir]);
        Assert.Equal(2, code);
        Assert.Contains(message, errors);
        Assert.False(Directory.Exists(dir));
    }

    [Fact]
    public async Task A_scenario_shorter_than_twenty_years_is_refused_with_its_length()
    {
        string dir = Path.Combine(TestFiles.NewTempFolder(), "check");
        var (code, _, errors) = await CliRunner.Ecosim(["check-model", Path.Combine(AppContext.BaseDirectory, "Scenarios", "small-baseline.yaml"), "--out", dir]);
        Assert.Equal(2, code);
        Assert.Contains("the stylized facts need 80 ticks (20 years); small-baseline has 8", errors);
        Assert.False(Directory.Exists(dir));
    }
}
