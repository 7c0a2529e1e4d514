using EcoSim.Model.Snapshots;

namespace EcoSim.Grains.Checkpoints;

/// <summary>
/// One slot of a holder of checkpoint parts as grain persistence stores it: the bytes of a <see cref="PartBundle"/>,
/// no more. <see cref="CheckpointStorageSerializer"/> hands them to the store as they are, so the store holds each part's
/// own bytes and the SHA-256 it carries, and a part read back is byte for byte the part that was written (the checks a
/// restore makes are those of a checkpoint file).
/// </summary>
public sealed class StoredPartsState
{
    /// <summary>The bundle's bytes: when written, a view of the holder's kept buffer; when read, the store's copy.</summary>
    public ReadOnlyMemory<byte> Bytes { get; set; }
}
