using EcoSim.Experiments.Checkpoints;
using EcoSim.Model.Engine;
using EcoSim.Model.Inspection;
using EcoSim.Model.World;

namespace EcoSim.Experiments.Engines;

/// <summary>Something that runs a world tick by tick: the reference engine or an Orleans cluster.</summary>
public interface ISimulationEngine : IAsyncDisposable
{
    /// <summary>Which engine this is.</summary>
    EngineKind Kind { get; }
    /// <summary>The engine's name for manifests and metadata (<see cref="EngineKinds.Name"/> of <see cref="Kind"/>).</summary>
    string Name => Kind.Name();
    /// <summary>Silos the engine runs on (0 for the reference engine).</summary>
    int SiloCount { get; }
    /// <summary>Firms per shard grain (0 for the reference engine).</summary>
    int FirmsPerShard { get; }
    /// <summary>
    /// The engine to run an experiment of <paramref name="members"/> runs on, at most <paramref name="parallelism"/> at a
    /// time, the largest of <paramref name="firms"/> firms at the start: this one, or the same engine laid out for it (the Orleans engine runs each member whole in one grain when
    /// <see cref="EnsembleLayout.RunsWhole"/>). Not to be disposed apart from this one.
    /// </summary>
    ISimulationEngine ForMembers(int members, int parallelism, long firms) => this;

    /// <summary>Runs every tick of <paramref name="world"/>, yielding each tick's metrics as it finishes.</summary>
    IAsyncEnumerable<TickOutcome> RunAsync(WorldSpec world, CancellationToken cancellation);

    /// <summary>
    /// Runs the first <paramref name="ticks"/> ticks of <paramref name="world"/>, pauses, and returns
    /// the state of one agent then.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The run has no such agent; the message names the allowed range.</exception>
    Task<EntityState> InspectAsync(WorldSpec world, int ticks, EntityRef entity, CancellationToken cancellation);
    /// <summary>
    /// Runs every tick of <paramref name="world"/>, yielding each tick's metrics as it finishes and, for the
    /// ticks in <paramref name="firmTicks"/>, a census of every firm at the end of the tick. Both engines
    /// give bit-identical censuses; only one tick's census is held at a time. A census holds the live firms and the exited
    /// firms still kept: each exit until the first census at or after it that reports exits (every census of a plain set
    /// does; a <see cref="CensusTicks"/> names those that do), so it reports every firm that has exited since the
    /// previous such census, with its state at exit, and none reported before.
    /// </summary>
    IAsyncEnumerable<SimulatedTick> RunAsync(WorldSpec world, IReadOnlySet<int> firmTicks, CancellationToken cancellation);

    /// <summary>
    /// As <see cref="RunAsync(WorldSpec, IReadOnlySet{int}, CancellationToken)"/>, but from the snapshot <paramref name="checkpoints"/>
    /// starts from, if any (its history's ticks yielded first), writing the checkpoints it asks for. Engines that cannot refuse
    /// (<see cref="CheckpointSupport"/>).
    /// </summary>
    /// <exception cref="NotSupportedException">The engine does not write or resume checkpoints.</exception>
    IAsyncEnumerable<SimulatedTick> RunAsync(WorldSpec world, IReadOnlySet<int> firmTicks, RunCheckpoints checkpoints, CancellationToken cancellation) =>
        throw new NotSupportedException(CheckpointSupport.Refusal(Kind));
}
