using EcoSim.Grains.Abstractions;
using EcoSim.Model.Snapshots;

namespace EcoSim.Grains.Checkpoints;

/// <summary>
/// One part of one checkpoint in the cluster's store. The part goes from the grain that holds its state to this grain
/// and on to the store (and back the same way into a fresh run's grains), so parts never pass through the client and
/// no process holds more than the parts in flight. The state is dropped from memory once written and read from the
/// store when asked for: what a restore reads is what the store holds, not a copy that outlived a lost silo.
/// </summary>
public sealed class StoredPartGrain(
    [PersistentState("part", CheckpointStoreKeys.StorageName)] IPersistentState<StoredPartState> stored) : Grain, IStoredPartGrain
{
    /// <inheritdoc/>
    public async Task<byte[]> TakeFrom(string runId, string name) =>
        await Put(await GrainFactory.GetGrain<IRunGrain>(runId).ExportPart(name));

    /// <inheritdoc/>
    public async Task<byte[]> Put(StoredPart part)
    {
        stored.State = StoredPartState.Of(part);
        await stored.WriteStateAsync();
        Forget();
        return part.Sha256;
    }

    /// <inheritdoc/>
    public async Task<StoredPart> Read(string name, byte[] sha256)
    {
        await stored.ReadStateAsync();
        try { return Checked(name, sha256); }
        finally { Forget(); }
    }

    /// <inheritdoc/>
    public async Task GiveTo(string runId, string name, byte[] sha256) =>
        await GrainFactory.GetGrain<IRunGrain>(runId).ImportPart(await Read(name, sha256));

    /// <inheritdoc/>
    public async Task Clear()
    {
        await stored.ClearStateAsync();
        Forget();
    }

    // The part the store holds, refused by name if it is not there or is not the part the record names.
    private StoredPart Checked(string name, byte[] sha256)
    {
        string key = this.GetPrimaryKeyString();
        if (!stored.RecordExists)
            throw new SnapshotException(name, "missing part", $"part '{name}' in the cluster's checkpoint store (key {key})", "nothing stored");
        var part = stored.State.ToPart();
        if (part.Name != name) throw new SnapshotException(name, "stored part", $"part '{name}' (key {key})", $"part '{part.Name}'");
        if (!part.Sha256.AsSpan().SequenceEqual(sha256))
            throw new SnapshotException(name, "SHA-256 in the checkpoint record", Convert.ToHexStringLower(sha256), Convert.ToHexStringLower(part.Sha256));
        return part;
    }

    // Keeps no copy in memory: the store is the one place the part lives.
    private void Forget()
    {
        stored.State = new StoredPartState();
        DeactivateOnIdle();
    }
}
