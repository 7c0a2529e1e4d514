namespace EcoSim.Integration.Tests.Checkpoints;

/// <summary>
/// The Orleans engine's checkpoints are the reference engine's bytes, whatever the shard size and the number of silos,
/// and either engine resumes either engine's checkpoint to the uninterrupted run's rows and later checkpoints.
/// </summary>
public abstract class OrleansCheckpointTests(SiloClusterFixture fixture)
{
    private static readonly int[] Ticks = [2, 5, 7];

    [Theory]
    [InlineData(64)]
    [InlineData(4096)]
    public async Task Orleans_checkpoints_are_the_reference_engines_bytes(int firmsPerShard)
    {
        var world = EngineRuns.World();
        var reference = await EngineRuns.Run(EngineRuns.Reference(), world, Ticks);
        var orleans = await EngineRuns.Run(EngineRuns.Orleans(fixture.Cluster, firmsPerShard), world, Ticks);
        Assert.Equal(fixture.Silos, fixture.Cluster.Silos.Count);
        Assert.Equal(reference.Rows, orleans.Rows);
        Assert.Equal(Ticks, orleans.Checkpoints.Keys);
        foreach (int t in Ticks) Assert.True(reference.Checkpoints[t].AsSpan().SequenceEqual(orleans.Checkpoints[t]), $"the checkpoint after {t} ticks differs");
    }

    [Fact]
    public async Task With_certification_on_Orleans_checkpoints_are_the_reference_engines_bytes_and_resume_to_them()
    {
        var world = OrleansEngineTests.Certifying(EngineRuns.World());
        var reference = await EngineRuns.Run(EngineRuns.Reference(), world, Ticks);
        var orleans = await EngineRuns.Run(EngineRuns.Orleans(fixture.Cluster, 128), world, Ticks);
        Assert.Equal(reference.Rows, orleans.Rows);
        foreach (int t in Ticks) Assert.True(reference.Checkpoints[t].AsSpan().SequenceEqual(orleans.Checkpoints[t]), $"the checkpoint after {t} ticks differs");
        var resumed = await EngineRuns.Run(EngineRuns.Orleans(fixture.Cluster, 64), world, [7], reference.Checkpoints[5]); // past the review of tick 3
        Assert.True(reference.Rows == resumed.Rows, "the run resumed on Orleans from the reference engine's checkpoint differs");
        Assert.True(reference.Checkpoints[7].AsSpan().SequenceEqual(resumed.Checkpoints[7]), "the later checkpoint differs");
    }

    [Theory]
    [InlineData(64, 2)]
    [InlineData(4096, 5)]
    public async Task Either_engine_resumes_either_engines_checkpoint_to_the_uninterrupted_bytes(int firmsPerShard, int tick)
    {
        var world = EngineRuns.World();
        var whole = await EngineRuns.Run(EngineRuns.Reference(), world, Ticks);
        var fromReference = whole.Checkpoints[tick];
        var fromOrleans = (await EngineRuns.Run(EngineRuns.Orleans(fixture.Cluster, 128), world, [tick])).Checkpoints[tick];
        Assert.True(fromReference.AsSpan().SequenceEqual(fromOrleans));

        foreach (var (name, engine, from) in new[]
                 {
                     ("Orleans from the reference engine's", EngineRuns.Orleans(fixture.Cluster, firmsPerShard), fromReference),
                     ("Orleans from its own (another shard size's)", EngineRuns.Orleans(fixture.Cluster, firmsPerShard), fromOrleans),
                     ("the reference engine from Orleans'", EngineRuns.Reference(), fromOrleans),
                 })
        {
            var resumed = await EngineRuns.Run(engine, world, [7], from);
            Assert.True(whole.Rows == resumed.Rows, $"{name} checkpoint: the resumed rows differ");
            Assert.True(whole.Checkpoints[7].AsSpan().SequenceEqual(resumed.Checkpoints[7]), $"{name} checkpoint: the later checkpoint differs");
        }
    }
}

/// <summary>On one silo.</summary>
public sealed class OrleansCheckpointsOnOneSilo(OneSilo fixture) : OrleansCheckpointTests(fixture), IClassFixture<OneSilo>;

/// <summary>On three silos.</summary>
public sealed class OrleansCheckpointsOnThreeSilos(ThreeSilos fixture) : OrleansCheckpointTests(fixture), IClassFixture<ThreeSilos>;
