using EcoSim.Grains.Abstractions;
using EcoSim.Model.Snapshots;
using EcoSim.Model.State;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Placement;
using Orleans.Storage;

namespace EcoSim.Grains.Checkpoints;

/// <summary>
/// The parts of one holder (a cluster, or the run itself) of every checkpoint of a series in the cluster's store. The
/// parts go from the grains that hold their state to this grain and on to the store (and back the same way into a
/// fresh run's grains), so parts never pass through the client and no process holds more than its own holders' parts.
/// What a restore reads is what the store holds, not what this grain remembers: a part that outlived a lost silo in
/// memory only is never handed out.
/// </summary>
/// <remarks>
/// What keeps a checkpoint cheap for the run it is taken from (docs/PERFORMANCE.md, section 13). One grain per cluster,
/// reused from checkpoint to checkpoint, so a checkpoint is one call per cluster rather than a new activation per part;
/// placed on the silo of the grain that first calls it, the cluster grain that holds the parts, so they are not sent
/// across the cluster before they are sent to the store. Two slots, each a <see cref="PartBundle"/> whose buffer is
/// kept and written over, the firms encoded straight into it from their columns on the thread pool, and handed to the
/// store as they are (<see cref="CheckpointStorageSerializer"/>): a checkpoint leaves no array of the state's size
/// behind. The client writes each checkpoint to the slot its newest recorded checkpoint does not use, so that one stays
/// whole in the store, and in this grain's buffer, until a record names the next: a checkpoint cut short between its
/// write and its confirmation leaves the one before readable. The grain writes through the storage provider itself
/// rather than through <c>IPersistentState</c>, which would read the slot on every activation for nothing.
/// </remarks>
[PreferLocalPlacement]
public sealed class StoredPartsGrain : Grain, IStoredPartsGrain
{
    private const string StateName = "parts";
    private static readonly TimeSpan TransientRetryDelay = TimeSpan.FromMilliseconds(250);
    private readonly PartBundle[] _bundles = [new(), new()];
    private readonly Task<StoredPartsConfirmation>?[] _writing = new Task<StoredPartsConfirmation>?[2];
    private readonly string?[] _etags = new string?[2];
    private IGrainStorage? _storage;

    private IGrainStorage Storage => _storage ??= ServiceProvider.GetRequiredKeyedService<IGrainStorage>(CheckpointStoreKeys.StorageName);

    /// <inheritdoc/>
    public Task Accept(int slot, StoredPart[] parts, int cluster, FirmColumns[]? firms)
    {
        var previous = _writing[Checked(slot)];
        _writing[slot] = Written(slot, previous, parts, cluster, firms);
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public async Task<StoredPartsConfirmation> Confirm(int slot)
    {
        var writing = _writing[Checked(slot)] ?? throw new InvalidOperationException($"stored parts '{this.GetPrimaryKeyString()}' hold nothing being written in slot {slot} (their silo may have been lost)");
        try { return await writing; }
        finally { if (_writing[slot] == writing) _writing[slot] = null; }
    }

    /// <inheritdoc/>
    public async Task Put(int slot, StoredPart part)
    {
        var parts = (await ReadSlot(Checked(slot), part.Name)).Where(p => p.Name != part.Name).Append(part).ToArray();
        await Settled(slot);
        await Write(slot, Bundled(slot, parts));
    }

    /// <inheritdoc/>
    public async Task Remove(int slot, string name)
    {
        var parts = (await ReadSlot(Checked(slot), name)).Where(p => p.Name != name).ToArray();
        await Settled(slot);
        await Write(slot, Bundled(slot, parts));
    }

    /// <inheritdoc/>
    public async Task<StoredPart> Read(int slot, string name, byte[] sha256) => Find(await ReadSlot(Checked(slot), name), slot, name, sha256);

    /// <inheritdoc/>
    public async Task<StoredPart[]> ReadParts(int slot, string[] names, byte[][] sha256)
    {
        var parts = await Found(slot, names, sha256);
        // Copied into a file as they are, never decoded: their bytes are checked here, off the client.
        await Task.Run(() => { foreach (var part in parts) part.CheckHash(); });
        return parts;
    }

    /// <inheritdoc/>
    public async Task GiveTo(string runId, int slot, string[] names, byte[][] sha256)
    {
        // The grains that import them check each part's bytes as they decode it.
        var parts = await Found(slot, names, sha256);
        var run = GrainFactory.GetGrain<IRunGrain>(runId);
        foreach (var part in parts) await run.ImportPart(part);
    }

    // The parts of those names in the slot the store holds, read once, each checked to be the part the record names.
    private async Task<StoredPart[]> Found(int slot, string[] names, byte[][] sha256)
    {
        if (names.Length != sha256.Length) throw new ArgumentException($"{names.Length} parts but {sha256.Length} hashes", nameof(sha256));
        if (names.Length == 0) return [];
        var stored = await ReadSlot(Checked(slot), names[0]);
        var parts = new StoredPart[names.Length];
        for (int i = 0; i < names.Length; i++) parts[i] = Find(stored, slot, names[i], sha256[i]);
        return parts;
    }

    /// <inheritdoc/>
    public async Task Clear()
    {
        for (int slot = 0; slot < 2; slot++)
        {
            await Settled(slot);
            var state = new GrainState<StoredPartsState>(new StoredPartsState());
            await Storage.ReadStateAsync(StateName, SlotId(slot), state);
            if (state.RecordExists) await Storage.ClearStateAsync(StateName, SlotId(slot), state);
            _etags[slot] = null;
        }
        DeactivateOnIdle();
    }

    // Waits for the write of this slot before (a checkpoint given up by a restart may still be writing it), then lays the
    // parts out in the slot's buffer off this activation's turn and writes them.
    private async Task<StoredPartsConfirmation> Written(int slot, Task? previous, StoredPart[] parts, int cluster, FirmColumns[]? firms)
    {
        if (previous is not null)
        {
            try { await previous; }
            catch (Exception e) when (e is not OutOfMemoryException) { /* that checkpoint's failure is its own */ }
        }
        var bundle = _bundles[slot];
        var confirmation = await Task.Run(() =>
        {
            bundle.Clear();
            foreach (var part in parts) bundle.Add(part);
            if (firms is not null) bundle.AddFirms(cluster, firms);
            return new StoredPartsConfirmation([.. bundle.Hashes.Select(h => h.Name)], [.. bundle.Hashes.Select(h => h.Sha256)]);
        });
        await Write(slot, bundle);
        return confirmation;
    }

    private async Task Settled(int slot)
    {
        if (_writing[slot] is not { } writing) return;
        try { await writing; }
        catch (Exception e) when (e is not OutOfMemoryException) { /* replaced below */ }
    }

    private PartBundle Bundled(int slot, StoredPart[] parts)
    {
        var bundle = _bundles[slot];
        bundle.Clear();
        foreach (var part in parts) bundle.Add(part);
        return bundle;
    }

    // A slot's entry is written whole or not at all (one value per key in the store), so a read finds either the bundle
    // before or the one after, never a mix; the record's hashes tell which. A write that fails for another reason than a
    // version conflict (a store's connection being re-established, e.g. after Redis restarted) is tried once more after a
    // short pause: a checkpoint lost to one transient failure would cost the run its restart point.
    private async Task Write(int slot, PartBundle bundle)
    {
        var id = SlotId(slot);
        // The version this activation wrote or read last, so writing a slot over needs no read of it first.
        var state = new GrainState<StoredPartsState>(new StoredPartsState { Bytes = bundle.Bytes }) { ETag = _etags[slot], RecordExists = _etags[slot] is not null };
        try
        {
            try { await Storage.WriteStateAsync(StateName, id, state); }
            catch (Exception e) when (e is not InconsistentStateException)
            {
                await Task.Delay(TransientRetryDelay);
                await Storage.WriteStateAsync(StateName, id, state);
            }
        }
        catch (InconsistentStateException)
        {
            // The slot was written by an activation before this one (a lost silo's, or one collected while idle): take its version.
            var current = new GrainState<StoredPartsState>(new StoredPartsState());
            await Storage.ReadStateAsync(StateName, id, current);
            state.ETag = current.ETag;
            state.RecordExists = current.RecordExists;
            await Storage.WriteStateAsync(StateName, id, state);
        }
        _etags[slot] = state.ETag;
    }

    // The parts the store holds in the slot; a slot never written is refused naming the part asked for.
    private async Task<IReadOnlyList<StoredPart>> ReadSlot(int slot, string asked)
    {
        var state = new GrainState<StoredPartsState>(new StoredPartsState());
        await Storage.ReadStateAsync(StateName, SlotId(slot), state);
        _etags[slot] = state.ETag;
        if (!state.RecordExists || state.State is null || state.State.Bytes.IsEmpty)
            throw new SnapshotException(asked, "missing part", $"part '{asked}' in the cluster's checkpoint store (key {this.GetPrimaryKeyString()}, slot {slot})", "nothing stored");
        return PartBundle.Read(state.State.Bytes.Span, asked);
    }

    // The part of that name, refused by name if it is not there or is not the part the record names.
    private StoredPart Find(IReadOnlyList<StoredPart> stored, int slot, string name, byte[] sha256)
    {
        var part = stored.FirstOrDefault(p => p.Name == name)
            ?? throw new SnapshotException(name, "missing part", $"part '{name}' in the cluster's checkpoint store (key {this.GetPrimaryKeyString()}, slot {slot})", $"parts {string.Join(", ", stored.Select(p => p.Name))}");
        if (!part.Sha256.AsSpan().SequenceEqual(sha256))
            throw new SnapshotException(name, "SHA-256 in the checkpoint record", Convert.ToHexStringLower(sha256), Convert.ToHexStringLower(part.Sha256));
        return part;
    }

    // Each slot is an entry of its own in the store, keyed by this grain's key and the slot.
    private GrainId SlotId(int slot) => GrainId.Create(this.GetGrainId().Type, $"{this.GetPrimaryKeyString()}/{(slot == 0 ? "a" : "b")}");

    private static int Checked(int slot) => slot is 0 or 1 ? slot : throw new ArgumentOutOfRangeException(nameof(slot), slot, "a holder of checkpoint parts has slots 0 and 1");
}
