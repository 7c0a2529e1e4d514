using EcoSim.Experiments.Checkpoints;
using EcoSim.Experiments.Engines;
using EcoSim.Model.Metrics;
using EcoSim.Model.Snapshots;
using EcoSim.Model.World;
using Orleans.TestingHost;

namespace EcoSim.Integration.Tests.Checkpoints;

/// <summary>Runs of a world on either engine that write checkpoints to memory and may start from one.</summary>
internal static class EngineRuns
{
    public static readonly ScenarioIdentity Scenario = new("small", "name: small\n", "1234");

    /// <summary>The small scenario, short.</summary>
    public static WorldSpec World(int ticks = 8) => TestFiles.LoadSmall().World with { Ticks = ticks };

    public static ISimulationEngine Reference() => new ReferenceSimulation();

    /// <summary>A run on the test cluster; by default one that can restart, and so keeps its checkpoints in the cluster's store too.</summary>
    public static ISimulationEngine Orleans(TestCluster cluster, int firmsPerShard, int labsPerShard = 3, RestartPolicy? restarts = null,
        long copiedCheckpointFirms = EcoSim.Model.Snapshots.SnapshotCapture.CopiedFirmsLimit) =>
        new OrleansSimulation(OrleansConnections.Borrow(cluster.GrainFactory, cluster.Silos.Count), firmsPerShard, restarts, labsPerShard)
        {
            CopiedCheckpointFirms = copiedCheckpointFirms,
        };

    /// <summary>
    /// Every row the run yields (a resumed run's history first), the checkpoints it wrote after the ticks of
    /// <paramref name="at"/>, and the ticks of those it copied to write while it went on.
    /// </summary>
    public static async Task<(string Rows, SortedDictionary<int, byte[]> Checkpoints, SortedSet<int> Begun)> Run(ISimulationEngine engine, WorldSpec world, int[] at, byte[]? from = null)
    {
        await using var _ = engine;
        var sink = new MemorySink();
        var start = from is null ? null : RunSnapshot.Read(new MemoryStream(from), world);
        var plan = new RunCheckpoints(start, new CheckpointSchedule(new SortedSet<int>(at)), sink, Scenario);
        var rows = new List<MetricsRow>();
        await foreach (var tick in engine.RunAsync(world, new HashSet<int>(), plan, CancellationToken.None)) rows.AddRange(tick.Outcome.Rows);
        return (MetricsText.Of(rows), sink.Written, sink.Begun);
    }
}
