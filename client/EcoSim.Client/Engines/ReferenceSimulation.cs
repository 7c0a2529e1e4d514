using System.Runtime.CompilerServices;
using EcoSim.Model.Engine;
using EcoSim.Model.State;
using EcoSim.Model.World;

namespace EcoSim.Client.Engines;

/// <summary>The single-threaded reference engine of EcoSim.Model, run in this process.</summary>
internal sealed class ReferenceSimulation : ISimulationEngine
{
    public string Name => "reference";
    public int SiloCount => 0;
    public int FirmsPerShard => 0;

    public async IAsyncEnumerable<TickOutcome> RunAsync(WorldSpec world, [EnumeratorCancellation] CancellationToken cancellation)
    {
        await foreach (var tick in RunAsync(world, EmptySet, cancellation)) yield return tick.Outcome;
    }

    public async IAsyncEnumerable<SimulatedTick> RunAsync(WorldSpec world, IReadOnlySet<int> firmTicks, [EnumeratorCancellation] CancellationToken cancellation)
    {
        var engine = await Task.Run(() => new ReferenceEngine(world), cancellation);
        while (engine.Tick < world.Ticks)
        {
            cancellation.ThrowIfCancellationRequested();
            var outcome = await Task.Run(engine.Step, cancellation);
            yield return new SimulatedTick(outcome, firmTicks.Contains(outcome.Tick) ? Census(engine, world, outcome.Tick) : null);
        }
    }

    private static readonly IReadOnlySet<int> EmptySet = new HashSet<int>();

    private static FirmCensus Census(ReferenceEngine engine, WorldSpec world, int tick) =>
        new(tick, [.. Enumerable.Range(0, world.ClusterCount).Select(c => FirmColumns.Of(engine.FirmsOf(c)))]);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
