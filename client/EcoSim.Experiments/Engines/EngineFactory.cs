using EcoSim.Hosting;

namespace EcoSim.Experiments.Engines;

/// <summary>Opens the engine a command asked for: the reference engine, an embedded silo, or a running cluster.</summary>
internal static class EngineFactory
{
    public static async Task<ISimulationEngine> OpenAsync(string engine, int firmsPerShard, EcoSimClusterOptions? cluster, CancellationToken cancellation)
    {
        if (engine == "reference") return new ReferenceSimulation();
        if (cluster is null) return new OrleansSimulation(await OrleansConnections.StartEmbeddedAsync(cancellation), firmsPerShard, RestartPolicy.Embedded);
        return new OrleansSimulation(await OrleansConnections.ConnectAsync(cluster, cancellation), firmsPerShard);
    }
}
