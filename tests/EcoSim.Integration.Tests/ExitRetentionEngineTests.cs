using EcoSim.Experiments.Checkpoints;
using EcoSim.Experiments.Engines;
using EcoSim.Integration.Tests.Checkpoints;
using EcoSim.Model.Inspection;
using EcoSim.Model.Metrics;
using EcoSim.Model.Snapshots;
using EcoSim.Model.State;
using EcoSim.Model.World;

namespace EcoSim.Integration.Tests;

/// <summary>
/// Both engines keep an exited firm only until the census that reports it, the same firms whatever the shard size: for
/// several sets of census ticks their censuses, metrics and checkpoints are the same bytes, each census reports every firm
/// alive at the census before that has exited since (the firm panel's exit rows), and a run resumed from either engine's
/// checkpoint censuses the same firms. <c>inspect</c>, which runs its own simulation keeping every exit, still shows a firm
/// that exited long before with its state at exit.
/// </summary>
[Collection(TwoSiloCluster.Name)]
public sealed class ExitRetentionEngineTests(TestClusterFixture fixture)
{
    private static readonly int[] CheckpointTicks = [2, 5];

    public static TheoryData<int[], int> Cases() => new()
    {
        { [3, 7], 64 },
        { [0, 7], 700 },
        { [0, 1, 2, 3, 4, 5, 6, 7], 64 },
        { [1, 2, 5], 4096 },
        { [], 64 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Both_engines_keep_the_same_exits_and_each_census_reports_those_since_the_one_before(int[] census, int firmsPerShard)
    {
        var world = EngineRuns.World();
        var reference = await Run(EngineRuns.Reference(), world, census);
        var orleans = await Run(EngineRuns.Orleans(fixture.Cluster, firmsPerShard), world, census);

        Assert.Equal(reference.Rows, orleans.Rows);
        Assert.Equal(census, reference.Censuses.Keys);
        Assert.Equal(reference.Censuses.Keys, orleans.Censuses.Keys);
        foreach (var (tick, firms) in reference.Censuses)
            Assert.True(firms.SequenceEqual(orleans.Censuses[tick], BytesComparer), $"the census of tick {tick} differs between the engines");
        foreach (int t in CheckpointTicks) Assert.True(reference.Checkpoints[t].AsSpan().SequenceEqual(orleans.Checkpoints[t]), $"the checkpoint after {t} ticks differs");

        var held = reference.Held;
        for (int k = 1; k < census.Length; k++)
            for (int c = 0; c < world.ClusterCount; c++)
            {
                var (before, now) = (held[census[k - 1]][c], held[census[k]][c]);
                var aliveBefore = Enumerable.Range(0, before.Count).Where(i => before.Alive[i]).Select(i => before.Index[i]).ToHashSet();
                var deadBefore = Enumerable.Range(0, before.Count).Where(i => !before.Alive[i]).Select(i => before.Index[i]).ToHashSet();
                var nowIndex = now.Index.ToHashSet();
                // Every firm alive at the census before is in this one, alive or with its state at exit; none reported before is again.
                Assert.Subset(nowIndex, aliveBefore);
                Assert.Empty(deadBefore.Intersect(nowIndex));
            }
    }

    [Theory]
    [InlineData(64)]
    [InlineData(4096)]
    public async Task A_run_resumed_from_either_engines_checkpoint_censuses_the_firms_of_the_uninterrupted_run(int firmsPerShard)
    {
        int[] census = [3, 6, 7];
        var world = EngineRuns.World();
        var whole = await Run(EngineRuns.Reference(), world, census);
        var fromOrleans = (await Run(EngineRuns.Orleans(fixture.Cluster, 128), world, census)).Checkpoints[5];
        foreach (var (name, engine, from) in new[]
                 {
                     ("Orleans from the reference engine's", EngineRuns.Orleans(fixture.Cluster, firmsPerShard), whole.Checkpoints[5]),
                     ("the reference engine from Orleans'", EngineRuns.Reference(), fromOrleans),
                 })
        {
            var resumed = await Run(engine, world, census, from);
            Assert.True(whole.Rows == resumed.Rows, $"{name} checkpoint: the resumed rows differ");
            foreach (int t in new[] { 6, 7 })
                Assert.True(whole.Censuses[t].SequenceEqual(resumed.Censuses[t], BytesComparer), $"{name} checkpoint: the census of tick {t} differs");
        }
    }

    [Theory]
    [InlineData(64)]
    [InlineData(4096)]
    public async Task A_firm_that_exited_long_before_is_inspected_with_its_state_at_exit_on_both_engines(int firmsPerShard)
    {
        var world = TestFiles.LoadSmall().World;
        // Its exit and its state then, from a run that censuses every tick (and so lets each exit go right after its census).
        (int Cluster, long Index, FirmRecord State)? early = null;
        await foreach (var tick in new ReferenceSimulation().RunAsync(world, Enumerable.Range(0, world.Ticks).ToHashSet(), CancellationToken.None))
            foreach (var firms in tick.Firms!.Clusters)
                for (int i = 0; i < firms.Count && early is null && tick.Outcome.Tick <= 1; i++)
                    if (!firms.Alive[i]) early = (firms.Cluster, firms.Index[i], firms.Read(i));
        Assert.NotNull(early);
        var (cluster, index, atExit) = early.Value;
        var entity = EntityRef.Firm(cluster, index);
        var expected = EntityDescriptions.Firm(entity, world.Ticks, atExit, world.Clusters[cluster].Name);

        var fromArrays = await new ReferenceSimulation().InspectAsync(world, world.Ticks, entity, CancellationToken.None);
        await using var orleans = new OrleansSimulation(OrleansConnections.Borrow(fixture.Cluster.GrainFactory, fixture.Cluster.Silos.Count), firmsPerShard);
        var fromGrains = await orleans.InspectAsync(world, world.Ticks, entity, CancellationToken.None);
        Assert.Equal(expected.Description, fromArrays.Description);
        Assert.Equal(expected.Fields, fromArrays.Fields);
        Assert.Equal(expected.Description, fromGrains.Description);
        Assert.Equal(expected.Fields, fromGrains.Fields);
        Assert.Equal("false", fromGrains.Fields.Single(f => f.Name == "alive").Value);
    }

    [Fact]
    public async Task Censuses_of_live_firms_only_keep_no_exit_for_themselves()
    {
        var world = EngineRuns.World();
        // As the firm-size plot asks for the first and the last tick: its censuses hold the live firms and that tick's exits.
        var liveOnly = await LastCensus(world, new CensusTicks([0, 7], []));
        var reporting = await LastCensus(world, new HashSet<int> { 0, 7 });
        var tickSevenExits = await LastCensus(world, new CensusTicks([], [6, 7]));
        for (int c = 0; c < world.ClusterCount; c++)
        {
            Assert.Equal(Dead(tickSevenExits[c]), Dead(liveOnly[c]));
            Assert.True(Dead(reporting[c]).Count > Dead(liveOnly[c]).Count, $"cluster {c}: the census reporting exits holds those since tick 0");
            Assert.Equal(reporting[c].Alive.Count(a => a), liveOnly[c].Alive.Count(a => a));
        }

        var together = CensusTicks.Union([new CensusTicks([0], [3]), new HashSet<int> { 5 }]);
        Assert.Equal([0, 3, 5], together);
        Assert.Equal([3, 5], together.ReportingExits);
        Assert.Equal([3, 5], CensusTicks.RetentionFor(together).CensusTicks);
        Assert.Equal([0, 5], CensusTicks.RetentionFor(new HashSet<int> { 5, 0 }).CensusTicks);
    }

    private static async Task<FirmColumns[]> LastCensus(WorldSpec world, IReadOnlySet<int> ticks)
    {
        FirmColumns[] last = [];
        await foreach (var tick in new ReferenceSimulation().RunAsync(world, ticks, CancellationToken.None))
            if (tick.Firms is { } firms) last = [.. firms.Clusters];
        return last;
    }

    private static List<long> Dead(FirmColumns firms) => [.. Enumerable.Range(0, firms.Count).Where(i => !firms.Alive[i]).Select(i => firms.Index[i])];

    private sealed record Recorded(string Rows, SortedDictionary<int, byte[][]> Censuses, SortedDictionary<int, FirmColumns[]> Held, SortedDictionary<int, byte[]> Checkpoints);

    // A run with censuses of the given ticks and checkpoints in memory; each census also as its firm parts' bytes, to compare bit for bit.
    private static async Task<Recorded> Run(ISimulationEngine engine, WorldSpec world, int[] census, byte[]? from = null)
    {
        await using var _ = engine;
        var sink = new MemorySink();
        var start = from is null ? null : RunSnapshot.Read(new MemoryStream(from), world);
        var plan = new RunCheckpoints(start, new CheckpointSchedule(new SortedSet<int>(from is null ? CheckpointTicks : [])), sink, EngineRuns.Scenario);
        var rows = new List<MetricsRow>();
        var (censuses, held) = (new SortedDictionary<int, byte[][]>(), new SortedDictionary<int, FirmColumns[]>());
        await foreach (var tick in engine.RunAsync(world, census.ToHashSet(), plan, CancellationToken.None))
        {
            rows.AddRange(tick.Outcome.Rows);
            if (tick.Firms is not { } firms) continue;
            held[firms.Tick] = [.. firms.Clusters];
            censuses[firms.Tick] = [.. firms.Clusters.Select(c => PartCodec.Firms(c.Cluster, [c]).Stored)];
        }
        return new Recorded(MetricsText.Of(rows), censuses, held, sink.Written);
    }

    private static readonly IEqualityComparer<byte[]> BytesComparer = EqualityComparer<byte[]>.Create((a, b) => a!.AsSpan().SequenceEqual(b), b => b.Length);
}
