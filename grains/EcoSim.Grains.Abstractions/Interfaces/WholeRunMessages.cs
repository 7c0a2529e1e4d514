using EcoSim.Model.State;
using EcoSim.Model.World;

namespace EcoSim.Grains.Abstractions;

/// <summary>How a whole-run grain starts (<see cref="IWholeRunGrain.Start"/>).</summary>
/// <param name="World">The run's world.</param>
/// <param name="Exits">How long the run keeps an exited firm (until the census that reports it).</param>
/// <param name="KeepHistory">Whether the grain keeps the rows so far, which every snapshot it hands out carries.</param>
/// <param name="Snapshot">The bytes of a snapshot to continue (a checkpoint file's), or null to start at tick 0.</param>
[GenerateSerializer, Immutable]
public sealed record WholeRunStart([property: Id(0)] WorldSpec World, [property: Id(1)] ExitRetention Exits, [property: Id(2)] bool KeepHistory, [property: Id(3)] byte[]? Snapshot);

/// <summary>What one call of a whole-run grain ran (<see cref="IWholeRunGrain.Step"/>).</summary>
/// <param name="Ticks">Each tick's metrics, in tick order.</param>
/// <param name="Census">Every firm at the end of the last tick, one set of columns per cluster in index order, or null if none was asked for.</param>
[GenerateSerializer, Immutable]
public sealed record WholeRunBatch([property: Id(0)] IReadOnlyList<TickRows> Ticks, [property: Id(1)] IReadOnlyList<FirmColumns>? Census);
