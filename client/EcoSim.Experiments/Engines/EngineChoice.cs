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
    /// <summary>A run driven on the cluster (<see cref="DetachedRuns"/>) to follow instead of running the world; needs <see cref="Cluster"/>.</summary>
    public string? AttachTo { get; init; }

    /// <summary>Opens the engine; the caller disposes it. <paramref name="log"/> hears of runs restarted after a lost silo.</summary>
    public async Task<ISimulationEngine> OpenAsync(CancellationToken cancellation, TextWriter? log = null)
    {
        if (Kind == EngineKind.Reference) return new ReferenceSimulation();
        // An embedded silo dies with this process: nothing to restart on, so one attempt.
        if (Cluster is null && AttachTo is not null) throw new InvalidOperationException("a run driven on the server is followed on a cluster; an embedded silo has none");
        if (Cluster is null)
            return new OrleansSimulation(await OrleansConnections.StartEmbeddedAsync(cancellation), FirmsPerShard, RestartPolicy.Embedded);
        if (AttachTo is not null) return new DetachedRunObserver(await OrleansConnections.ConnectAsync(Cluster, cancellation), AttachTo, FirmsPerShard);
        return new OrleansSimulation(await OrleansConnections.ConnectAsync(Cluster, cancellation), FirmsPerShard, RestartPolicy.Default with { Log = log ?? TextWriter.Null });
    }
}
