using EcoSim.Experiments;
using System.Runtime.CompilerServices;
using EcoSim.Experiments.Engines;
using EcoSim.Model.Engine;
using EcoSim.Model.World;

namespace EcoSim.Integration.Tests;

/// <summary>The reference engine, with Ctrl-C pressed (the source cancelled) once a given number of ticks, over all runs, is done.</summary>
internal sealed class CancellingEngine(CancellationTokenSource ctrlC, int afterTicks) : ISimulationEngine
{
    private readonly ReferenceSimulation _inner = new();
    private int _ticks;

    public EngineKind Kind => _inner.Kind;
    public int SiloCount => _inner.SiloCount;
    public int FirmsPerShard => _inner.FirmsPerShard;

    /// <summary>Ticks delivered before the runs stopped.</summary>
    public int TicksDelivered => Volatile.Read(ref _ticks);

    public IAsyncEnumerable<TickOutcome> RunAsync(WorldSpec world, CancellationToken cancellation) =>
        Cancelling(_inner.RunAsync(world, cancellation), cancellation);

    public IAsyncEnumerable<SimulatedTick> RunAsync(WorldSpec world, IReadOnlySet<int> firmTicks, CancellationToken cancellation) =>
        Cancelling(_inner.RunAsync(world, firmTicks, cancellation), cancellation);

    private async IAsyncEnumerable<T> Cancelling<T>(IAsyncEnumerable<T> ticks, [EnumeratorCancellation] CancellationToken cancellation)
    {
        await foreach (var tick in ticks.WithCancellation(cancellation))
        {
            if (Interlocked.Increment(ref _ticks) == afterTicks) await ctrlC.CancelAsync();
            yield return tick;
        }
    }

    public Task<EcoSim.Model.Inspection.EntityState> InspectAsync(WorldSpec world, int ticks, EcoSim.Model.Inspection.EntityRef entity, CancellationToken cancellation) =>
        _inner.InspectAsync(world, ticks, entity, cancellation);

    public ValueTask DisposeAsync() => _inner.DisposeAsync();
}
