using EcoSim.Experiments.Engines;

namespace EcoSim.Integration.Tests.Checkpoints;

/// <summary>
/// The Orleans engine's checkpoints are the reference engine's bytes, whatever the shard size and the number of silos,
/// and either engine resumes either engine's checkpoint to the uninterrupted run's rows and later checkpoints; so are
/// they whether they are copied and written while the run goes on, written from the grains while it waits (a state of
/// more firms than <see cref="OrleansSimulation.CopiedCheckpointFirms"/>), or written from the parts the cluster's store
/// holds when they are kept there too.
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

    [Fact]
    public async Task Copied_written_in_place_and_stored_checkpoints_are_the_same_bytes_and_resume_to_the_whole_run()
    {
        var world = EngineRuns.World();
        int[] at = [2, 5, 8];
        var reference = await EngineRuns.Run(EngineRuns.Reference(), world, at);
        var copied = await EngineRuns.Run(EngineRuns.Orleans(fixture.Cluster, 64, restarts: RestartPolicy.Embedded), world, at);
        var inPlace = await EngineRuns.Run(EngineRuns.Orleans(fixture.Cluster, 64, restarts: RestartPolicy.Embedded, copiedCheckpointFirms: 0), world, at);
        // A run that can restart keeps its checkpoints in the store, but for the last (a finished run restarts from nothing).
        var stored = await EngineRuns.Run(EngineRuns.Orleans(fixture.Cluster, 128, copiedCheckpointFirms: 0), world, at);

        Assert.Equal(at, copied.Begun);
        Assert.Empty(inPlace.Begun);
        Assert.Empty(stored.Begun);
        foreach (var (name, run) in new[] { ("copied", copied), ("written in place", inPlace), ("written from the store", stored) })
        {
            Assert.True(reference.Rows == run.Rows, $"{name}: the rows differ");
            Assert.Equal(at, run.Checkpoints.Keys);
            foreach (int t in at) Assert.True(reference.Checkpoints[t].AsSpan().SequenceEqual(run.Checkpoints[t]), $"{name}: the checkpoint after {t} ticks differs");
        }

        foreach (var (name, from) in new[] { ("written in place", inPlace.Checkpoints[2]), ("written from the store", stored.Checkpoints[5]) })
        {
            var resumed = await EngineRuns.Run(EngineRuns.Orleans(fixture.Cluster, 64, restarts: RestartPolicy.Embedded, copiedCheckpointFirms: 0), world, [8], from);
            Assert.True(reference.Rows == resumed.Rows, $"resumed from the checkpoint {name}: the rows differ");
            Assert.True(reference.Checkpoints[8].AsSpan().SequenceEqual(resumed.Checkpoints[8]), $"resumed from the checkpoint {name}: the later checkpoint differs");
        }
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
