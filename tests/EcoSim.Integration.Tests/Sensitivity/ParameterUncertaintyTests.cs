using System.Text.Json;
using EcoSim.Experiments.Output;
using EcoSim.Model.Metrics;

namespace EcoSim.Integration.Tests.Sensitivity;

/// <summary>
/// <c>compare --parameter-uncertainty</c>: each seed pair draws the named parameters from their ranges, the
/// same draw for both of its runs and another for the next pair; the findings say the bands cover both
/// kinds of uncertainty; the manifest records the ranges and reproduces; bad ranges are refused.
/// </summary>
public sealed class ParameterUncertaintyTests
{
    private static string SmallBaseline => Path.Combine(AppContext.BaseDirectory, "Scenarios", "small-baseline.yaml");

    private static double BasicShareAtTick1(string file) =>
        MetricsColumns(file).Single(r => r.Cluster == MetricsRow.RegionIndex && r.Tick == 1)[MetricColumns.BasicShare];

    private static IReadOnlyList<MetricsRow> MetricsColumns(string file) => MetricsCsvReader.ReadFile(file);

    [Fact]
    public async Task Each_pair_draws_its_own_value_the_same_for_both_runs_and_the_findings_say_what_the_bands_cover()
    {
        string root = TestFiles.NewTempFolder();
        string dir = Path.Combine(root, "uncertain");
        var (code, output, errors) = await CliRunner.Ecosim("compare", SmallBaseline, TestFiles.SmallScenario, "--seeds", "3", "--ticks", "4", "--engine", "reference",
            "--parameter-uncertainty", "basicShare=0.1:0.3", "--no-plots", "--out", dir);
        Assert.True(code == 0, errors);
        Assert.Contains("each pair draws basicShare uniform on [0.1, 0.3] (share)", errors);

        var draws = new[] { 7, 8, 9 }.Select(seed => (
            Baseline: BasicShareAtTick1(Path.Combine(dir, "runs", $"baseline-seed{seed}.csv")),
            Policy: BasicShareAtTick1(Path.Combine(dir, "runs", $"policy-seed{seed}.csv")))).ToList();
        Assert.All(draws, d => Assert.Equal(d.Baseline, d.Policy));
        Assert.All(draws, d => Assert.InRange(d.Baseline, 0.1, 0.3));
        Assert.Equal(3, draws.Select(d => d.Baseline).Distinct().Count());

        string findings = File.ReadAllText(Path.Combine(dir, "findings.md"));
        Assert.Contains("Each pair also draws basicShare uniform on [0.1, 0.3] (share), the same values for both of its runs.", findings);
        Assert.Contains("The spread covers two kinds of uncertainty: chance within the model", findings);
        Assert.Contains("every parameter but the drawn ones is held at one value", findings);
        using (var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "manifest.json"))))
        {
            var range = manifest.RootElement.GetProperty("parameterUncertainty")[0];
            Assert.Equal("basicShare", range.GetProperty("name").GetString());
            Assert.Equal(0.3, range.GetProperty("high").GetDouble());
        }

        var again = await CliRunner.Ecosim("reproduce", Path.Combine(dir, "manifest.json"), "--out", Path.Combine(root, "again"));
        Assert.True(again.Code == 0, again.Errors + again.Output);
        Assert.Equal(File.ReadAllBytes(Path.Combine(dir, "summary.csv")), File.ReadAllBytes(Path.Combine(root, "again", "summary.csv")));
    }

    [Fact]
    public async Task A_parameter_alone_is_drawn_over_the_catalogue_s_plausible_range_and_the_findings_and_manifest_say_so()
    {
        string root = TestFiles.NewTempFolder();
        string dir = Path.Combine(root, "plausible");
        var (code, _, errors) = await CliRunner.Ecosim("compare", SmallBaseline, TestFiles.SmallScenario, "--seeds", "3", "--ticks", "4", "--engine", "reference",
            "--parameter-uncertainty", "basicShare", "--no-plots", "--out", dir);
        Assert.True(code == 0, errors);
        var draws = new[] { 7, 8, 9 }.Select(seed => BasicShareAtTick1(Path.Combine(dir, "runs", $"baseline-seed{seed}.csv"))).ToList();
        Assert.All(draws, d => Assert.InRange(d, 0.1, 0.4));
        Assert.Contains("Each pair also draws basicShare uniform on [0.1, 0.4] (share), the catalogue's plausible range (assumed: ", File.ReadAllText(Path.Combine(dir, "findings.md")));
        using (var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "manifest.json"))))
        {
            var range = manifest.RootElement.GetProperty("parameterUncertainty")[0];
            Assert.Equal((0.1, 0.4, "plausible"), (range.GetProperty("low").GetDouble(), range.GetProperty("high").GetDouble(), range.GetProperty("range").GetString()));
        }
        var again = await CliRunner.Ecosim("reproduce", Path.Combine(dir, "manifest.json"), "--out", Path.Combine(root, "again"));
        Assert.True(again.Code == 0, again.Errors + again.Output);
        Assert.Equal(File.ReadAllBytes(Path.Combine(dir, "summary.csv")), File.ReadAllBytes(Path.Combine(root, "again", "summary.csv")));
        Assert.Contains("the catalogue's plausible range", File.ReadAllText(Path.Combine(root, "again", "findings.md")));
    }

    [Fact]
    public async Task Without_the_option_the_manifest_has_no_such_key_and_the_findings_speak_of_seed_noise_only()
    {
        string dir = Path.Combine(TestFiles.NewTempFolder(), "plain");
        var (code, _, errors) = await CliRunner.Ecosim("compare", SmallBaseline, TestFiles.SmallScenario, "--seeds", "2", "--ticks", "4", "--engine", "reference", "--no-plots", "--out", dir);
        Assert.True(code == 0, errors);
        Assert.DoesNotContain("parameterUncertainty", File.ReadAllText(Path.Combine(dir, "manifest.json")));
        Assert.Contains("The spread covers only chance within the model", File.ReadAllText(Path.Combine(dir, "findings.md")));
    }

    [Theory]
    [InlineData("basicShar=0.1:0.3", "--parameter-uncertainty basicShar=0.1:0.3: unknown parameter 'basicShar'; did you mean 'basicShare'?")]
    [InlineData("basicShare=0.3:0.1", "--parameter-uncertainty basicShare=0.3:0.1: LOW (0.3) must be below HIGH (0.1)")]
    [InlineData("basicShare=0.1:2", "HIGH 2 is outside the allowed range of basicShare, [0, 1] (share)")]
    public async Task Bad_ranges_exit_2_naming_the_option_and_write_nothing(string range, string message)
    {
        string dir = Path.Combine(TestFiles.NewTempFolder(), "out");
        var (code, _, errors) = await CliRunner.Ecosim("compare", SmallBaseline, TestFiles.SmallScenario, "--engine", "reference", "--parameter-uncertainty", range, "--out", dir);
        Assert.Equal(2, code);
        Assert.Contains(message, errors);
        Assert.False(Directory.Exists(dir));
    }
}
