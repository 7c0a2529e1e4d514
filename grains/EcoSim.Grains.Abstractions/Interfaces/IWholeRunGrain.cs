using EcoSim.Model.Snapshots;

namespace EcoSim.Grains.Abstractions;

/// <summary>
/// Runs one member of an ensemble whole in one activation (key: a fresh id per attempt): the reference engine's loop
/// inside the grain, the same bytes as a sharded run by the engines' equality. An ensemble whose members outnumber the
/// cores runs best this way: each member fills one core, with no barrier in its ticks for another member to fill.
/// Calls are few (a batch of ticks each); the client hands the batch's ticks on one at a time.
/// </summary>
public interface IWholeRunGrain : IGrainWithStringKey
{
    /// <summary>Sets up the run at tick 0 or from a snapshot. Fails if the run was already started.</summary>
    /// <exception cref="SnapshotException">The snapshot is truncated, changed, of another version or missing a part.</exception>
    /// <exception cref="SnapshotMismatchException">The world differs from the snapshot's before its quarter.</exception>
    Task Start(WholeRunStart start);

    /// <summary>
    /// Runs the next <paramref name="ticks"/> ticks (fewer if the run ends first) and returns their metrics, with a census
    /// of every firm at the end of the last one when <paramref name="census"/> is set.
    /// </summary>
    Task<WholeRunBatch> Step(int ticks, bool census);

    /// <summary>
    /// The bytes of a snapshot of the run after the ticks run so far, recording <paramref name="scenario"/> and the rows so
    /// far (a checkpoint file's bytes). Only for a run started with <see cref="WholeRunStart.KeepHistory"/>.
    /// </summary>
    Task<byte[]> Snapshot(ScenarioIdentity scenario);

    /// <summary>Drops the run and deactivates the grain.</summary>
    Task Stop();
}
