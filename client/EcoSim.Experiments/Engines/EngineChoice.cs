using EcoSim.Grains.Abstractions;
using EcoSim.Hosting;

namespace EcoSim.Experiments.Engines;

/// <summary>
/// Which engine an experiment runs on and how: the one place that decides between the reference
/// engine, an embedded silo and a running cluster.
/// </summary>
/// <param name="Kind">The engine.</param>
/// <param name="FirmsPerShard">Firms per shard grain (Orleans only).</param>
/// <param name="Cluster">A running cluster to join, or null for an embedded silo (Orleans only).</param>
public sealed record EngineChoice(EngineKind Kind, int FirmsPerShard = RunLayout.DefaultFirmsPerShard, EcoSimClusterOptions? Cluster = null)
{
    /// <summary>Opens the engine; the caller disposes it. <paramref name="log"/> hears of runs restarted after a lost silo.</summary>
    public async Task<ISimulationEngine> OpenAsync(CancellationToken cancellation, TextWriter? log = null)
    {
        if (Kind == EngineKind.Reference) return new ReferenceSimulation();
        // An embedded silo dies with this process: nothing to restart on, so one attempt.
        if (Cluster is null)
            return new OrleansSimulation(await OrleansConnections.StartEmbeddedAsync(cancellation), FirmsPerShard, RestartPolicy.Embedded);
        return new OrleansSimulation(await OrleansConnections.ConnectAsync(Cluster, cancellation), FirmsPerShard, RestartPolicy.Default with { Log = log ?? TextWriter.Null });
    }
}
