using System.Text.Json;
using EcoSim.Experiments.Output;

namespace EcoSim.Integration.Tests.Checkpoints;

/// <summary>
/// Through the command line on the Orleans engine (an embedded silo): a checkpoint written with one shard size is the
/// reference engine's file, and resuming it, or forking it under the run's own scenario, with another shard size writes
/// the uninterrupted run's metrics.csv and metrics.parquet, and a manifest that lists the same data files and records
/// the checkpoint.
/// </summary>
public sealed class OrleansCheckpointCliTests(OrleansCheckpointCliTests.Uninterrupted plain) : IClassFixture<OrleansCheckpointCliTests.Uninterrupted>
{
    /// <summary>The small scenario run whole on the Orleans engine, shared by the tests.</summary>
    public sealed class Uninterrupted
    {
        public Uninterrupted()
        {
            Folder = Path.Combine(TestFiles.NewTempFolder(), "plain");
            var run = CliRunner.Ecosim("run", TestFiles.SmallScenario, "--engine", "orleans", "--no-plots", "--out", Folder).GetAwaiter().GetResult();
            if (run.Code != 0) throw new InvalidOperationException(run.Errors);
        }

        public string Folder { get; }
    }

    private static readonly string[] DataFiles = ["metrics.csv", "metrics.parquet"];

    [Theory]
    [InlineData("2024Q3", "64", "4096")]
    [InlineData("2025Q2", "4096", "7")]
    public async Task Resume_and_fork_on_orleans_write_the_uninterrupted_runs_bytes_from_the_reference_engines_checkpoint(string period, string parentShards, string resumedShards)
    {
        string root = TestFiles.NewTempFolder(), parent = Path.Combine(root, "parent"), reference = Path.Combine(root, "reference");
        var run = await CliRunner.Ecosim("run", TestFiles.SmallScenario, "--engine", "orleans", "--firms-per-shard", parentShards, "--no-plots", "--out", parent, "--checkpoint-at", period);
        Assert.True(run.Code == 0, run.Errors);
        Assert.Equal(0, (await CliRunner.Ecosim("run", TestFiles.SmallScenario, "--engine", "reference", "--no-plots", "--out", reference, "--checkpoint-at", period)).Code);
        string checkpoint = Path.Combine(parent, "checkpoints", $"{period}.ecosnap");
        Assert.Equal(ContentHash.OfFile(Path.Combine(reference, "checkpoints", $"{period}.ecosnap")), ContentHash.OfFile(checkpoint));
        AssertSameData(plain.Folder, parent);

        foreach (var command in new[] { new[] { "resume", checkpoint }, ["fork", checkpoint, TestFiles.SmallScenario] })
        {
            string output = Path.Combine(root, command[0]);
            var continued = await CliRunner.Ecosim([.. command, "--engine", "orleans", "--firms-per-shard", resumedShards, "--out", output, "--no-plots"]);
            Assert.True(continued.Code == 0, continued.Errors);
            AssertSameData(plain.Folder, output);
            using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "manifest.json")));
            Assert.Equal(ContentHash.OfFile(checkpoint), manifest.RootElement.GetProperty("resumedFrom").GetProperty("sha256").GetString());
            Assert.Equal(DataHashes(plain.Folder), DataHashes(output));
        }
    }

    private static void AssertSameData(string expected, string actual)
    {
        foreach (var file in DataFiles)
            Assert.True(File.ReadAllBytes(Path.Combine(expected, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(actual, file))), $"{file} of {actual} differs from {expected}'s");
    }

    // The data files a manifest lists, with their hashes.
    private static List<(string?, string?)> DataHashes(string folder)
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "manifest.json")));
        return [.. manifest.RootElement.GetProperty("files").EnumerateArray()
            .Select(f => (f.GetProperty("path").GetString(), f.GetProperty("sha256").GetString()))
            .Where(f => DataFiles.Contains(f.Item1))];
    }
}
