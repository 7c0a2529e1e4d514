using EcoSim.Experiments;
using EcoSim.Experiments.Checkpoints;
using EcoSim.Experiments.Engines;
using EcoSim.Model.Engine;
using EcoSim.Model.Inspection;
using EcoSim.Model.World;

namespace EcoSim.Explorer.Runs;

/// <summary>
/// The explorer's engine lent to a pipeline, which disposes the engine it opens when it ends: disposing
/// this leaves the engine running for the explorer's other runs.
/// </summary>
/// <param name="engine">The engine lent.</param>
internal sealed class BorrowedEngine(ISimulationEngine engine) : ISimulationEngine
{
    public EngineKind Kind => engine.Kind;
    public string Name => engine.Name;
    public int SiloCount => engine.SiloCount;
    public int FirmsPerShard => engine.FirmsPerShard;
    public ISimulationEngine ForMembers(int members, int parallelism, long firms) => engine.ForMembers(members, parallelism, firms) is var chosen && ReferenceEquals(chosen, engine) ? this : chosen;
    public IAsyncEnumerable<TickOutcome> RunAsync(WorldSpec world, CancellationToken cancellation) => engine.RunAsync(world, cancellation);
    public IAsyncEnumerable<SimulatedTick> RunAsync(WorldSpec world, IReadOnlySet<int> firmTicks, CancellationToken cancellation) => engine.RunAsync(world, firmTicks, cancellation);
    public IAsyncEnumerable<SimulatedTick> RunAsync(WorldSpec world, IReadOnlySet<int> firmTicks, RunCheckpoints checkpoints, CancellationToken cancellation) =>
        engine.RunAsync(world, firmTicks, checkpoints, cancellation);
    public Task<EntityState> InspectAsync(WorldSpec world, int ticks, EntityRef entity, CancellationToken cancellation) => engine.InspectAsync(world, ticks, entity, cancellation);
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
