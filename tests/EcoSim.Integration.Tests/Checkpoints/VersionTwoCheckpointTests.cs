using System.Buffers.Binary;
using EcoSim.Model.Snapshots;

namespace EcoSim.Integration.Tests.Checkpoints;

/// <summary>
/// A checkpoint file of format version 2, whose firm parts hold every firm ever entered, still resumes and forks on both
/// engines to the uninterrupted run's bytes: its firms are taken as they are and those the run does not keep are let go at
/// the first tick. The fixture was written by the code before version 3 with
/// <c>ecosim run small.yaml --engine reference --no-plots --checkpoint-at 2025Q1</c>.
/// </summary>
[Collection(TwoSiloCluster.Name)]
public sealed class VersionTwoCheckpointTests(TestClusterFixture fixture)
{
    private static string Fixture => Path.Combine(AppContext.BaseDirectory, "Checkpoints", "Fixtures", "small-2025Q1.v2.ecosnap");

    [Fact]
    public void The_fixture_is_a_version_2_checkpoint_after_four_quarters()
    {
        var bytes = File.ReadAllBytes(Fixture);
        Assert.Equal(2, BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(8)));
        Assert.Equal(4, RunSnapshot.ReadWorld(new MemoryStream(bytes)).Tick);
    }

    [Theory]
    [InlineData(64)]
    [InlineData(4096)]
    public async Task Both_engines_resume_it_to_the_uninterrupted_rows_and_later_checkpoints(int firmsPerShard)
    {
        var world = EngineRuns.World();
        var whole = await EngineRuns.Run(EngineRuns.Reference(), world, [6, 7]);
        var bytes = File.ReadAllBytes(Fixture);
        foreach (var (name, engine) in new[] { ("the reference engine", EngineRuns.Reference()), ("Orleans", EngineRuns.Orleans(fixture.Cluster, firmsPerShard)) })
        {
            var resumed = await EngineRuns.Run(engine, world, [6, 7], bytes);
            Assert.True(whole.Rows == resumed.Rows, $"{name}: the rows resumed from the version 2 checkpoint differ");
            foreach (int t in new[] { 6, 7 })
                Assert.True(whole.Checkpoints[t].AsSpan().SequenceEqual(resumed.Checkpoints[t]), $"{name}: the checkpoint after {t} ticks differs");
        }
    }

    [Fact]
    public async Task Resume_and_fork_of_it_write_the_uninterrupted_runs_files()
    {
        string root = TestFiles.NewTempFolder();
        string plain = Path.Combine(root, "plain");
        Assert.Equal(0, (await CliRunner.Ecosim("run", TestFiles.SmallScenario, "--engine", "reference", "--no-plots", "--out", plain)).Code);
        var resumed = await CliRunner.Ecosim("resume", Fixture, "--engine", "reference", "--out", Path.Combine(root, "resumed"), "--no-plots");
        Assert.True(resumed.Code == 0, resumed.Errors);
        var forked = await CliRunner.Ecosim("fork", Fixture, TestFiles.SmallScenario, "--engine", "reference", "--out", Path.Combine(root, "forked"), "--no-plots");
        Assert.True(forked.Code == 0, forked.Errors);
        foreach (string run in new[] { "resumed", "forked" })
            foreach (string file in new[] { "metrics.csv", "metrics.parquet" })
                Assert.True(File.ReadAllBytes(Path.Combine(plain, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(root, run, file))), $"{run}/{file} differs from the uninterrupted run's");
    }
}
