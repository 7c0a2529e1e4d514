using EcoSim.Grains.Abstractions;
using EcoSim.Model.Snapshots;
using EcoSim.Model.State;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Placement;
using Orleans.Storage;

namespace EcoSim.Grains.Checkpoints;

/// <summary>
/// One part of one checkpoint in the cluster's store. The part goes from the grain that holds its state to this grain
/// and on to the store (and back the same way into a fresh run's grains), so parts never pass through the client and
/// no process holds more than the parts in flight. The state is dropped from memory once written and read from the
/// store when asked for: what a restore reads is what the store holds, not a copy that outlived a lost silo.
/// </summary>
/// <remarks>
/// Four choices keep a checkpoint cheap for the run it is taken from (docs/PERFORMANCE.md, section 13). The grain is
/// placed on the silo of the grain that first calls it, the holder of the part, so the part is not sent across the
/// cluster before it is sent to the store. It talks to the storage provider itself rather than through
/// <c>IPersistentState</c>, which reads the key on every activation: every checkpoint's keys are new, so that read would
/// cost a round trip to the store per part for nothing. And <see cref="Accept"/> returns before the write is done, so
/// the run's next ticks overlap the writes; the client confirms every part before it writes the record that names them.
/// And a cluster's firms arrive as a copy of their columns (<see cref="AcceptFirms"/>), which this grain encodes and
/// hashes on the thread pool, so neither the run nor this grain's turn waits for the largest part's encoding.
/// </remarks>
[PreferLocalPlacement]
public sealed class StoredPartGrain : Grain, IStoredPartGrain
{
    private const string StateName = "part";
    private IGrainStorage? _storage;
    private Task<byte[]>? _writing;

    private IGrainStorage Storage => _storage ??= ServiceProvider.GetRequiredKeyedService<IGrainStorage>(CheckpointStoreKeys.StorageName);

    /// <inheritdoc/>
    public Task<byte[]> Accept(StoredPart part)
    {
        if (_writing is not null) throw new InvalidOperationException($"stored part '{this.GetPrimaryKeyString()}' was given a part already");
        _writing = Written(part);
        return Task.FromResult(part.Sha256);
    }

    /// <inheritdoc/>
    public Task AcceptFirms(int cluster, FirmColumns[] pieces)
    {
        if (_writing is not null) throw new InvalidOperationException($"stored part '{this.GetPrimaryKeyString()}' was given a part already");
        _writing = EncodedAndWritten(cluster, pieces);
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public async Task<byte[]> Confirm()
    {
        var writing = _writing ?? throw new InvalidOperationException($"stored part '{this.GetPrimaryKeyString()}' holds no part being written (its silo may have been lost)");
        try { return await writing; }
        finally { Forget(); }
    }

    private async Task<byte[]> Written(StoredPart part)
    {
        await Write(part);
        return part.Sha256;
    }

    // The encoding and hash run on the thread pool, off this activation's turn; the write continues on it.
    private async Task<byte[]> EncodedAndWritten(int cluster, FirmColumns[] pieces) =>
        await Written(await Task.Run(() => PartCodec.Firms(cluster, pieces)));

    /// <inheritdoc/>
    public async Task<byte[]> Put(StoredPart part)
    {
        if (_writing is not null) await _writing;
        try
        {
            await Write(part);
            return part.Sha256;
        }
        finally { Forget(); }
    }

    /// <inheritdoc/>
    public async Task<StoredPart> Read(string name, byte[] sha256)
    {
        try { return Checked(name, sha256, await ReadState()); }
        finally { Forget(); }
    }

    /// <inheritdoc/>
    public async Task GiveTo(string runId, string name, byte[] sha256) =>
        await GrainFactory.GetGrain<IRunGrain>(runId).ImportPart(await Read(name, sha256));

    /// <inheritdoc/>
    public async Task Clear()
    {
        var state = await ReadState();
        if (state.RecordExists) await Storage.ClearStateAsync(StateName, this.GetGrainId(), state);
        Forget();
    }

    // Writes a key that is new (a checkpoint's keys carry its tick) without reading it first; a key written before (the
    // same tick of a run started again, a part replaced by hand) is read for its version and written again.
    // A write that fails for another reason (a store's connection being re-established, e.g. after Redis restarted) is
    // tried once more after a short pause: a checkpoint lost to one transient failure would cost the run its restart point.
    private async Task Write(StoredPart part)
    {
        var state = new GrainState<StoredPartState>(StoredPartState.Of(part));
        try
        {
            try { await Storage.WriteStateAsync(StateName, this.GetGrainId(), state); }
            catch (Exception e) when (e is not InconsistentStateException)
            {
                await Task.Delay(TransientRetryDelay);
                await Storage.WriteStateAsync(StateName, this.GetGrainId(), state);
            }
        }
        catch (InconsistentStateException)
        {
            var current = await ReadState();
            state.ETag = current.ETag;
            state.RecordExists = current.RecordExists;
            await Storage.WriteStateAsync(StateName, this.GetGrainId(), state);
        }
    }

    private static readonly TimeSpan TransientRetryDelay = TimeSpan.FromMilliseconds(250);

    private async Task<GrainState<StoredPartState>> ReadState()
    {
        var state = new GrainState<StoredPartState>(new StoredPartState());
        await Storage.ReadStateAsync(StateName, this.GetGrainId(), state);
        return state;
    }

    // The part the store holds, refused by name if it is not there or is not the part the record names.
    private StoredPart Checked(string name, byte[] sha256, GrainState<StoredPartState> stored)
    {
        string key = this.GetPrimaryKeyString();
        if (!stored.RecordExists || stored.State is null)
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
        _writing = null;
        DeactivateOnIdle();
    }
}
