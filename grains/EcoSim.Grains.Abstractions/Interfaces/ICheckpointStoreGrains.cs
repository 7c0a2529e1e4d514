using EcoSim.Model.Snapshots;
using EcoSim.Model.State;

namespace EcoSim.Grains.Abstractions;

/// <summary>
/// The run-level record of a checkpoint in the cluster's store: the tick it was taken after and, in the order a
/// restore imports them, every part it holds with the SHA-256 each part carried when it was stored, and which of its
/// holders' two slots holds them. It is written last, once every part is stored, so a record always names parts that
/// were all written; a restore checks each part it reads against it, so a part changed or lost in the store is refused
/// by name.
/// </summary>
/// <param name="Tick">Ticks done when the checkpoint was taken.</param>
/// <param name="Parts">The parts' names (<see cref="SnapshotParts"/>), the world part first.</param>
/// <param name="Sha256">The SHA-256 of each part, in the order of <paramref name="Parts"/>.</param>
/// <param name="Slot">The slot (0 or 1) of every holder (<see cref="IStoredPartsGrain"/>) that holds this checkpoint's parts.</param>
[GenerateSerializer, Immutable]
public sealed record StoredCheckpointRecord([property: Id(0)] int Tick, [property: Id(1)] string[] Parts, [property: Id(2)] byte[][] Sha256, [property: Id(3)] int Slot = 0);

/// <summary>The names and SHA-256 of the parts one holder stored in one slot, in the order it was given them.</summary>
/// <param name="Names">The parts' names.</param>
/// <param name="Sha256">Each part's SHA-256.</param>
[GenerateSerializer, Immutable]
public sealed record StoredPartsConfirmation([property: Id(0)] string[] Names, [property: Id(1)] byte[][] Sha256);

/// <summary>
/// The parts of one holder of a run's checkpoints in the cluster's store (key: <see cref="CheckpointStoreKeys.Holder"/>):
/// a cluster's four parts, or the run's own (world, region, funds), kept through Orleans grain persistence
/// (<see cref="CheckpointStoreKeys.StorageName"/>: Redis in a cluster). One such grain serves every checkpoint of a
/// series, so a checkpoint costs one call per cluster, not one new grain per part; it keeps two slots, each one entry in
/// the store, and a checkpoint is written to the slot the newest recorded one does not use, so the newest stays whole
/// in the store until the record names the next. The parts move between the grain that holds their state and the store
/// inside the cluster, so no single process gathers a whole checkpoint.
/// </summary>
public interface IStoredPartsGrain : IGrainWithStringKey
{
    /// <summary>
    /// Takes <paramref name="parts"/> and, if <paramref name="firms"/> is given, a copy of cluster
    /// <paramref name="cluster"/>'s firms (its shards' columns, in index order, encoded here as the last part) for slot
    /// <paramref name="slot"/>, and returns at once: the encoding, hash and write go on off the run's path, so the run
    /// goes on with its next tick. <see cref="Confirm"/> waits for the write.
    /// </summary>
    Task Accept(int slot, [Immutable] StoredPart[] parts, int cluster, [Immutable] FirmColumns[]? firms);

    /// <summary>Waits until the parts taken for <paramref name="slot"/> by <see cref="Accept"/> are in the store; returns their hashes.</summary>
    /// <exception cref="InvalidOperationException">Nothing was accepted for the slot (the grain was lost with its silo, or never given any).</exception>
    Task<StoredPartsConfirmation> Confirm(int slot);

    /// <summary>Stores <paramref name="part"/> in <paramref name="slot"/>, replacing the part of its name or adding it, and waits for the write.</summary>
    Task Put(int slot, StoredPart part);

    /// <summary>Removes part <paramref name="name"/> from <paramref name="slot"/>, keeping the others, and waits for the write.</summary>
    Task Remove(int slot, string name);

    /// <summary>Stored part <paramref name="name"/> of <paramref name="slot"/>, checked against <paramref name="sha256"/> (the record's).</summary>
    /// <exception cref="SnapshotException">Nothing is stored under this name, or the stored part's SHA-256 is another.</exception>
    Task<StoredPart> Read(int slot, string name, byte[] sha256);

    /// <summary>
    /// Reads <paramref name="slot"/> once and returns parts <paramref name="names"/>, in that order, each checked against
    /// <paramref name="sha256"/> (the record's) and its bytes against its SHA-256: what a checkpoint file of a checkpoint
    /// kept in the store too is written from, copied as it is.
    /// </summary>
    /// <exception cref="SnapshotException">A part is not stored, the stored part's SHA-256 is another, or its bytes were changed.</exception>
    Task<StoredPart[]> ReadParts(int slot, string[] names, byte[][] sha256);

    /// <summary>
    /// Reads <paramref name="slot"/> once, checks parts <paramref name="names"/> against <paramref name="sha256"/> (the
    /// record's) and imports them, in that order, into run <paramref name="runId"/>.
    /// </summary>
    /// <exception cref="SnapshotException">A part is not stored, or the stored part's SHA-256 is another.</exception>
    Task GiveTo(string runId, int slot, string[] names, byte[][] sha256);

    /// <summary>Removes both slots from the store.</summary>
    Task Clear();
}

/// <summary>The run-level record of a series of checkpoints (key: <see cref="CheckpointStoreKeys.Record"/>), kept in the cluster's store.</summary>
public interface ICheckpointRecordGrain : IGrainWithStringKey
{
    /// <summary>Replaces the record with <paramref name="record"/>, whose parts are all stored.</summary>
    Task Write(StoredCheckpointRecord record);

    /// <summary>The record, or null if none is stored.</summary>
    Task<StoredCheckpointRecord?> Read();

    /// <summary>Removes the record from the store.</summary>
    Task Clear();
}

/// <summary>Names in the cluster's checkpoint store.</summary>
public static class CheckpointStoreKeys
{
    /// <summary>The grain storage provider that holds checkpoints: Redis in a cluster with Redis membership, memory otherwise.</summary>
    public const string StorageName = "ecosim-checkpoints";

    /// <summary>Key of the record of checkpoint series <paramref name="store"/>.</summary>
    public static string Record(string store) => store;

    /// <summary>
    /// Key of the holder (<see cref="IStoredPartsGrain"/>) of part <paramref name="part"/> in series <paramref name="store"/>:
    /// one per cluster for that cluster's parts (<c>cluster/C</c>, <c>talent/C</c>, <c>labs/C</c>, <c>firms/C</c>), one for
    /// the run's own. The key does not carry the tick: the same holders serve every checkpoint of the series.
    /// </summary>
    public static string Holder(string store, string part) =>
        SnapshotParts.TryParse(part, out string kind, out int index) && kind != "fund"
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{store}/c{index}")
            : $"{store}/run";
}
