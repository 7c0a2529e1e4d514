using System.Runtime.CompilerServices;
using EcoSim.Model.Engine;
using EcoSim.Model.Inspection;
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
        var engine = await Task.Run(() => new ReferenceEngine(world), cancellation);
        while (engine.Tick < world.Ticks)
        {
            cancellation.ThrowIfCancellationRequested();
            yield return await Task.Run(engine.Step, cancellation);
        }
    }

    public Task<EntityState> InspectAsync(WorldSpec world, int ticks, EntityRef entity, CancellationToken cancellation) => Task.Run(() =>
    {
        var engine = new ReferenceEngine(world);
        while (engine.Tick < ticks)
        {
            cancellation.ThrowIfCancellationRequested();
            engine.Step();
        }
        return engine.Inspect(entity);
    }, cancellation);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
