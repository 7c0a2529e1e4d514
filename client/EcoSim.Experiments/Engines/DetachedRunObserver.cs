using System.Runtime.CompilerServices;
using EcoSim.Experiments.Checkpoints;
using EcoSim.Grains.Abstractions;
using EcoSim.Model.Engine;
using EcoSim.Model.Inspection;
using EcoSim.Model.World;

namespace EcoSim.Experiments.Engines;

/// <summary>
/// An engine that runs nothing: it follows a run driven on the server (<see cref="DetachedRuns"/>), yielding each of its
/// ticks as the run finishes it, so that the pipelines write the same output as for a run they drive. The run is not
/// released when it is followed to the end: another client may attach to it again until the silo's orphan timeout.
/// </summary>
/// <param name="connection">The cluster.</param>
/// <param name="runId">The detached run.</param>
/// <param name="firmsPerShard">The run's shard size, which the output records.</param>
public sealed class DetachedRunObserver(IOrleansConnection connection, string runId, int firmsPerShard) : ISimulationEngine
{
    // Each observation waits this long for a tick before asking again.
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    /// <inheritdoc/>
    public EngineKind Kind => EngineKind.Orleans;
    /// <inheritdoc/>
    public int SiloCount => connection.SiloCount;
    /// <inheritdoc/>
    public int FirmsPerShard => firmsPerShard;

    /// <inheritdoc/>
    public async IAsyncEnumerable<TickOutcome> RunAsync(WorldSpec world, [EnumeratorCancellation] CancellationToken cancellation)
    {
        await foreach (var tick in RunAsync(world, new HashSet<int>(), cancellation)) yield return tick.Outcome;
    }

    /// <inheritdoc/>
    public async IAsyncEnumerable<SimulatedTick> RunAsync(WorldSpec world, IReadOnlySet<int> firmTicks, [EnumeratorCancellation] CancellationToken cancellation)
    {
        if (firmTicks.Count > 0) throw new NotSupportedException("a run driven on the server keeps its metrics only, not censuses of its firms (the firm panel)");
        var run = connection.Grains.GetGrain<IRunGrain>(runId);
        for (int done = 0; done < world.Ticks;)
        {
            cancellation.ThrowIfCancellationRequested();
            var seen = await run.Observe(done, Wait).WaitAsync(cancellation);
            if (seen.State is DetachedRunState.Unknown or DetachedRunState.Released) throw new DetachedRunMissingException(DetachedRuns.Missing(runId, seen));
            if (seen.Ticks != world.Ticks) throw new InvalidOperationException($"run '{runId}' has {seen.Ticks} ticks, not the {world.Ticks} of the world it was described with");
            foreach (var tick in seen.Rows)
            {
                if (tick.Tick != done) throw new InvalidOperationException($"run '{runId}' delivered tick {tick.Tick} when tick {done} was due");
                done++;
                yield return new SimulatedTick(new TickOutcome(tick.Tick, tick.Rows), null);
            }
            if (seen.State == DetachedRunState.Failed) throw new InvalidOperationException($"run '{runId}' failed on the cluster: {seen.Message}");
        }
    }

    /// <inheritdoc/>
    public IAsyncEnumerable<SimulatedTick> RunAsync(WorldSpec world, IReadOnlySet<int> firmTicks, RunCheckpoints checkpoints, CancellationToken cancellation) =>
        throw new NotSupportedException("a run driven on the server writes no checkpoints");

    /// <inheritdoc/>
    public Task<EntityState> InspectAsync(WorldSpec world, int ticks, EntityRef entity, CancellationToken cancellation) =>
        throw new NotSupportedException("a run driven on the server is observed, not inspected");

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => connection.DisposeAsync();
}
