using System.Text.Json;
using EcoSim.Experiments.Output;

namespace EcoSim.Integration.Tests;

/// <summary>
/// Through the command line: a run's checkpoints resumed, or forked under the run's own scenario, write the
/// uninterrupted run's metrics.csv and metrics.parquet byte for byte, at several quarters; the manifests link them.
/// </summary>
public class CheckpointCliTests
{
    private static Task<(int Code, string Output, string Errors)> Ecosim(params string[] args) => CliRunner.Ecosim(args);

    private static readonly string[] DataFiles = ["metrics.csv", "metrics.parquet"];

    [Theory]
    [InlineData("2024Q2")]
    [InlineData("2025Q1")]
    [InlineData("2025Q4")]
    public async Task Resume_and_fork_with_the_parents_own_scenario_write_the_uninterrupted_runs_bytes(string period)
    {
        string root = TestFiles.NewTempFolder();
        string plain = Path.Combine(root, "plain"), parent = Path.Combine(root, "parent");
        Assert.Equal(0, (await Ecosim("run", TestFiles.SmallScenario, "--engine", "reference", "--no-plots", "--out", plain)).Code);
        var run = await Ecosim("run", TestFiles.SmallScenario, "--engine", "reference", "--no-plots", "--out", parent, "--checkpoint-at", period);
        Assert.True(run.Code == 0, run.Errors);
        string checkpoint = Path.Combine(parent, "checkpoints", $"{period}.ecosnap");
        AssertSameData(plain, parent);

        var resumed = await Ecosim("resume", checkpoint, "--engine", "reference", "--out", Path.Combine(root, "resumed"), "--no-plots");
        Assert.True(resumed.Code == 0, resumed.Errors);
        AssertSameData(plain, Path.Combine(root, "resumed"));

        var forked = await Ecosim("fork", checkpoint, TestFiles.SmallScenario, "--engine", "reference", "--out", Path.Combine(root, "forked"), "--no-plots");
        Assert.True(forked.Code == 0, forked.Errors);
        AssertSameData(plain, Path.Combine(root, "forked"));

        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "resumed", "manifest.json")));
        var from = manifest.RootElement.GetProperty("resumedFrom");
        Assert.Equal(ContentHash.OfFile(checkpoint), from.GetProperty("sha256").GetString());
        Assert.Equal(period, from.GetProperty("period").GetString());
        Assert.Equal(ContentHash.OfFile(Path.Combine(parent, "manifest.json")), from.GetProperty("parentManifestSha256").GetString());
        Assert.Equal(Path.Combine(parent, "manifest.json"), from.GetProperty("parentManifest").GetString());
    }

    [Fact]
    public async Task Checkpoint_every_n_quarters_writes_them_under_the_output_folder_and_lists_them_in_its_manifest()
    {
        string dir = Path.Combine(TestFiles.NewTempFolder(), "every");
        var run = await Ecosim("run", TestFiles.SmallScenario, "--no-plots", "--out", dir, "--checkpoint-every", "3");
        Assert.True(run.Code == 0, run.Errors);
        Assert.Equal(["2024Q4.ecosnap", "2025Q3.ecosnap"], Directory.GetFiles(Path.Combine(dir, "checkpoints")).Select(Path.GetFileName).Order());
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "manifest.json")));
        var listed = manifest.RootElement.GetProperty("checkpoints").EnumerateArray().Select(c => (c.GetProperty("period").GetString(), c.GetProperty("tick").GetInt32(), c.GetProperty("sha256").GetString())).ToList();
        Assert.Equal([("2024Q4", 3, ContentHash.OfFile(Path.Combine(dir, "checkpoints", "2024Q4.ecosnap"))), ("2025Q3", 6, ContentHash.OfFile(Path.Combine(dir, "checkpoints", "2025Q3.ecosnap")))], listed);
        Assert.Contains(manifest.RootElement.GetProperty("files").EnumerateArray(), f => f.GetProperty("path").GetString() == "checkpoints/2024Q4.ecosnap");
    }

    [Fact]
    public async Task Reproduce_writes_a_runs_checkpoints_again_and_counts_them_as_data()
    {
        string dir = Path.Combine(TestFiles.NewTempFolder(), "run");
        Assert.Equal(0, (await Ecosim("run", TestFiles.SmallScenario, "--no-plots", "--out", dir, "--checkpoint-every", "4")).Code);
        var reproduced = await Ecosim("reproduce", Path.Combine(dir, "manifest.json"));
        Assert.True(reproduced.Code == 0, reproduced.Errors + reproduced.Output);
        Assert.Contains("identical checkpoints/2025Q1.ecosnap", reproduced.Output, StringComparison.Ordinal);
        Assert.Contains("all 4 data files are byte-identical", reproduced.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_checkpoint_folder_of_ones_own_is_written_and_never_written_over()
    {
        string root = TestFiles.NewTempFolder(), folder = Path.Combine(root, "snaps");
        var first = await Ecosim("run", TestFiles.SmallScenario, "--no-plots", "--out", Path.Combine(root, "a"), "--checkpoint-at", "2025Q1", "--checkpoint-dir", folder);
        Assert.True(first.Code == 0, first.Errors);
        string file = Path.Combine(folder, "2025Q1.ecosnap");
        string hash = ContentHash.OfFile(file);
        Assert.Equal([file], Directory.GetFiles(folder));
        var second = await Ecosim("run", TestFiles.SmallScenario, "--no-plots", "--out", Path.Combine(root, "b"), "--checkpoint-at", "2025Q1", "--checkpoint-dir", folder);
        Assert.Equal(2, second.Code);
        Assert.Contains("2025Q1.ecosnap exists", second.Errors, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(root, "b")));
        Assert.Equal(hash, ContentHash.OfFile(file));
    }

    [Fact]
    public async Task A_fork_that_changes_a_parameter_from_the_checkpoint_on_keeps_the_quarters_before_it()
    {
        string root = TestFiles.NewTempFolder(), parent = Path.Combine(root, "parent");
        Assert.Equal(0, (await Ecosim("run", TestFiles.SmallScenario, "--no-plots", "--out", parent, "--checkpoint-at", "2025Q1")).Code);
        var forked = await Ecosim("fork", Path.Combine(parent, "checkpoints", "2025Q1.ecosnap"), "--set", "basicShare=0.45", "--out", Path.Combine(root, "fork"), "--no-plots");
        Assert.True(forked.Code == 0, forked.Errors);
        var before = File.ReadAllLines(Path.Combine(parent, "metrics.csv"));
        var after = File.ReadAllLines(Path.Combine(root, "fork", "metrics.csv"));
        Assert.Equal(before.Length, after.Length);
        int firstChanged = Enumerable.Range(0, before.Length).First(i => before[i] != after[i]);
        Assert.Contains(",2025Q1,", after[firstChanged], StringComparison.Ordinal);
        Assert.Contains("--set basicShare=0.45", File.ReadAllText(Path.Combine(root, "fork", "manifest.json")), StringComparison.Ordinal);
    }

    private static void AssertSameData(string expected, string actual)
    {
        foreach (var file in DataFiles)
            Assert.True(File.ReadAllBytes(Path.Combine(expected, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(actual, file))), $"{file} of {actual} differs from {expected}'s");
    }
}
