using EcoSim.Model.Snapshots;

namespace EcoSim.Experiments.Engines;

/// <summary>
/// The newest snapshot of a run on a cluster, kept in the client's memory so that a run that loses a silo continues
/// from it on the silos left instead of from tick 0. In memory rather than in a file: only a run on a cluster of silo
/// processes can restart, and there the client holds no grain state, so the copy (the snapshot's size, about 70 bytes
/// a firm) doubles nothing; it needs no folder, leaves nothing behind, and no file of the user's is ever at stake.
/// Its bytes are those of a checkpoint file of the same tick.
/// </summary>
/// <param name="Tick">Ticks done when it was taken.</param>
/// <param name="Bytes">The snapshot.</param>
internal sealed record RecoveryCheckpoint(int Tick, byte[] Bytes)
{
    /// <summary>Its parts, read and checked one at a time as the grains take them.</summary>
    public IEnumerable<StoredPart> Parts() => RunSnapshot.ReadParts(new MemoryStream(Bytes, writable: false));
}
