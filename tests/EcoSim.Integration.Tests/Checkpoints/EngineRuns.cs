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

    public static ISimulationEngine Orleans(TestCluster cluster, int firmsPerShard, int labsPerShard = 3) =>
        new OrleansSimulation(OrleansConnections.Borrow(cluster.GrainFactory, cluster.Silos.Count), firmsPerShard, labsPerShard: labsPerShard);

    /// <summary>Every row the run yields (a resumed run's history first) and the checkpoints it wrote after the ticks of <paramref name="at"/>.</summary>
    public static async Task<(string Rows, SortedDictionary<int, byte[]> Checkpoints)> Run(ISimulationEngine engine, WorldSpec world, int[] at, byte[]? from = null)
    {
        await using var _ = engine;
        var sink = new MemorySink();
        var start = from is null ? null : RunSnapshot.Read(new MemoryStream(from), world);
        var plan = new RunCheckpoints(start, new CheckpointSchedule(new SortedSet<int>(at)), sink, Scenario);
        var rows = new List<MetricsRow>();
        await foreach (var tick in engine.RunAsync(world, new HashSet<int>(), plan, CancellationToken.None)) rows.AddRange(tick.Outcome.Rows);
        return (MetricsText.Of(rows), sink.Written);
    }
}
