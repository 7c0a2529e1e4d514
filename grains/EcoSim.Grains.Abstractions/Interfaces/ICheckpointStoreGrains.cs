using EcoSim.Model.Snapshots;
using EcoSim.Model.State;

namespace EcoSim.Grains.Abstractions;

/// <summary>
/// The run-level record of a checkpoint in the cluster's store: the tick it was taken after and, in the order a
/// restore imports them, every part it holds with the SHA-256 each part carried when it was stored. It is written
/// last, once every part is stored, so a record always names parts that were all written; a restore checks each part
/// it reads against it, so a part changed or lost in the store is refused by name.
/// </summary>
/// <param name="Tick">Ticks done when the checkpoint was taken.</param>
/// <param name="Parts">The parts' names (<see cref="SnapshotParts"/>), the world part first.</param>
/// <param name="Sha256">The SHA-256 of each part, in the order of <paramref name="Parts"/>.</param>
[GenerateSerializer, Immutable]
public sealed record StoredCheckpointRecord([property: Id(0)] int Tick, [property: Id(1)] string[] Parts, [property: Id(2)] byte[][] Sha256);

/// <summary>
/// One part of one checkpoint in the cluster's store (key: <see cref="CheckpointStoreKeys.Part"/>), kept through Orleans
/// grain persistence (<see cref="CheckpointStoreKeys.StorageName"/>: Redis in a cluster): the part moves between the grain
/// that holds its state and the store inside the cluster, so no single process gathers a whole checkpoint.
/// </summary>
public interface IStoredPartGrain : IGrainWithStringKey
{
    /// <summary>
    /// Takes <paramref name="part"/> and starts writing it to the store; returns the part's SHA-256 at once, before the
    /// write is done, so the run goes on with its next tick while the store writes. <see cref="Confirm"/> waits for the write.
    /// </summary>
    Task<byte[]> Accept(StoredPart part);

    /// <summary>
    /// Takes a copy of cluster <paramref name="cluster"/>'s firms (its shards' columns, in index order) and returns at once:
    /// the <c>firms/C</c> part is encoded and hashed off this grain's turn and then written, so the run waits only for the
    /// copy (the largest part of a checkpoint is also the one whose encoding and hash cost most). <see cref="Confirm"/>
    /// waits for the write and gives the part's SHA-256.
    /// </summary>
    Task AcceptFirms(int cluster, [Immutable] FirmColumns[] pieces);

    /// <summary>Waits until the part taken by <see cref="Accept"/> or <see cref="AcceptFirms"/> is in the store; returns its SHA-256.</summary>
    /// <exception cref="InvalidOperationException">No part was accepted (the grain was lost with its silo, or never given one).</exception>
    Task<byte[]> Confirm();

    /// <summary>Stores <paramref name="part"/>, replacing whatever the key held, and waits for the write; returns its SHA-256.</summary>
    Task<byte[]> Put(StoredPart part);

    /// <summary>The stored part, checked against <paramref name="sha256"/> (the record's).</summary>
    /// <exception cref="SnapshotException">Nothing is stored under this key, or the stored part's SHA-256 is another.</exception>
    Task<StoredPart> Read(string name, byte[] sha256);

    /// <summary>Reads the stored part, checks it against <paramref name="sha256"/> (the record's) and imports it into run <paramref name="runId"/>.</summary>
    /// <exception cref="SnapshotException">Nothing is stored under this key, or the stored part's SHA-256 is another.</exception>
    Task GiveTo(string runId, string name, byte[] sha256);

    /// <summary>Removes the part from the store.</summary>
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

    /// <summary>Key of part <paramref name="name"/> of the checkpoint of series <paramref name="store"/> after <paramref name="tick"/> ticks.</summary>
    public static string Part(string store, int tick, string name) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{store}/t{tick}/{name}");
}
