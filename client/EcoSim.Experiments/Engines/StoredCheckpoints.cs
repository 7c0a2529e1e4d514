using EcoSim.Grains.Abstractions;
using EcoSim.Model.Snapshots;

namespace EcoSim.Experiments.Engines;

/// <summary>
/// The checkpoints one run on a cluster keeps in the cluster's store to restart from after a lost silo (Orleans grain
/// persistence, Redis in a cluster: see <see cref="CheckpointStoreKeys"/>): one series per run, whose run-level record
/// names the newest checkpoint. Each cluster's parts, and the run's own, have one holder for the whole series
/// (<see cref="IStoredPartsGrain"/>) with two slots; a checkpoint goes to the slot the newest recorded one does not use,
/// so the newest stays whole until the record names the next, and the one before it is written over, not removed. The
/// whole series is removed when the run ends.
/// </summary>
/// <remarks>
/// A checkpoint is taken in two steps so that the run waits only for the first: <see cref="BeginAsync"/> hands every
/// part to the store (the state must be read before the next tick changes it), and the writes, their confirmation and
/// then the record go on while the run steps. At most one checkpoint is in flight; the next one, a restart and the
/// end of the run wait for it (<see cref="SettleAsync"/>), and <see cref="OrleansSimulation"/> waits for it after one
/// more tick, so a silo lost two ticks after a checkpoint never finds it half written. The record is written only once every part it names is
/// confirmed in the store, so a checkpoint cut short by a lost silo leaves the record naming the one before.
/// </remarks>
/// <param name="grains">The cluster.</param>
/// <param name="series">The series' name, new for every run.</param>
public sealed class StoredCheckpoints(IGrainFactory grains, string series)
{
    private StoredCheckpointRecord? _newest;
    // The tick of the checkpoint handed over last, whether or not its record was stored.
    private int? _attempted;
    private Task? _inFlight;
    private long _begun;
    // Bumped when a restart gives up waiting for the checkpoint in flight, so that one, if it finishes later, changes nothing.
    private int _generation;

    /// <summary>A new series for one run.</summary>
    public static StoredCheckpoints New(IGrainFactory grains) => new(grains, $"checkpoints-{Guid.NewGuid():N}");

    /// <summary>The series' name.</summary>
    public string Series => series;

    /// <summary>Whether a checkpoint was handed to the store and not yet settled.</summary>
    public bool InFlight => _inFlight is not null;

    /// <summary>The newest checkpoint whose record the store holds, or null: what a restart continues from.</summary>
    public StoredCheckpointRecord? Newest => _newest;

    /// <summary>How long the newest checkpoint took from its start until the store held its record, once it does.</summary>
    public TimeSpan? LastStored { get; private set; }

    /// <summary>The grain of the series' run-level record.</summary>
    public ICheckpointRecordGrain Record => grains.GetGrain<ICheckpointRecordGrain>(CheckpointStoreKeys.Record(series));

    /// <summary>The key of the holder of part <paramref name="name"/> in this series.</summary>
    public string HolderKey(string name) => CheckpointStoreKeys.Holder(series, name);

    /// <summary>The holder of part <paramref name="name"/> in this series, for every checkpoint of it.</summary>
    public IStoredPartsGrain Holder(string name) => grains.GetGrain<IStoredPartsGrain>(HolderKey(name));

    /// <summary>The slot the next checkpoint goes to: the one the newest recorded checkpoint does not use.</summary>
    public int NextSlot => _newest is { } newest ? 1 - newest.Slot : 0;

    /// <summary>Stores a checkpoint of <paramref name="run"/> after <paramref name="tick"/> ticks and waits until the store holds its record.</summary>
    public async Task<StoredCheckpointRecord> StoreAsync(RunAttempt run, int tick, ScenarioIdentity scenario)
    {
        await BeginAsync(run, tick, scenario);
        return (await SettleAsync())!;
    }

    /// <summary>
    /// Waits for the checkpoint in flight, if any, then hands a checkpoint of <paramref name="run"/> after
    /// <paramref name="tick"/> ticks to the store; returns once the store has every part, before they are written.
    /// </summary>
    /// <exception cref="Exception">The checkpoint before it could not be stored (its failure, e.g. a lost silo).</exception>
    public async Task BeginAsync(RunAttempt run, int tick, ScenarioIdentity scenario)
    {
        await SettleAsync();
        _begun = System.Diagnostics.Stopwatch.GetTimestamp();
        int slot = NextSlot;
        var names = await run.HandToStoreAsync(this, slot, scenario);
        _attempted = tick;
        _inFlight = CompleteAsync(tick, slot, names, _generation);
    }

    /// <summary>Waits for the checkpoint in flight, if any, and returns the newest the store holds.</summary>
    /// <exception cref="Exception">The checkpoint in flight could not be stored.</exception>
    public async Task<StoredCheckpointRecord?> SettleAsync()
    {
        if (_inFlight is { } inFlight)
        {
            _inFlight = null;
            await inFlight;
        }
        return _newest;
    }

    /// <summary>
    /// After the run failed: waits for the checkpoint in flight and returns the newest the store holds, whether or not
    /// the one in flight got there (a lost silo may have taken some of its parts).
    /// </summary>
    public async Task<StoredCheckpointRecord?> SettleAfterFailureAsync()
    {
        try
        {
            if (_inFlight is { } inFlight)
            {
                _inFlight = null;
                _generation++;
                // A part's write on a lost silo may never be answered: the checkpoint before it is as good.
                await inFlight.WaitAsync(AfterFailureWait);
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException) { }
        return _newest;
    }

    // How long a restart waits for the checkpoint in flight when the run failed, before it continues from the one before.
    private static readonly TimeSpan AfterFailureWait = TimeSpan.FromSeconds(15);

    /// <summary>
    /// After the run failed: the tick of the checkpoint a restart continues from, the one whose record the store holds
    /// once the checkpoint in flight is settled, or null if none was stored. A record write that failed on the way back
    /// may still have reached the store; that record's parts were all confirmed, so it is as good as the one before.
    /// </summary>
    public async Task<int?> RestartPointAsync()
    {
        var newest = await SettleAfterFailureAsync();
        var attempted = _attempted;
        if (attempted is null || attempted == newest?.Tick) return newest?.Tick;
        StoredCheckpointRecord? held;
        try { held = await Record.Read(); }
        catch (Exception e) when (e is not OutOfMemoryException) { held = null; }
        if (held is not null && held.Tick == attempted)
        {
            (_newest, _attempted) = (held, attempted);
            return attempted;
        }
        // The parts of the checkpoint cut short stay in the slot it was written to: the next checkpoint writes over them.
        _attempted = newest?.Tick;
        return newest?.Tick;
    }

    // Every holder confirmed, then the record that names the parts with the hashes the confirmations gave, in the order
    // of the names.
    private async Task CompleteAsync(int tick, int slot, string[] names, int generation)
    {
        var holders = names.Select(HolderKey).Distinct().ToArray();
        var confirmations = await Task.WhenAll(holders.Select(key => grains.GetGrain<IStoredPartsGrain>(key).Confirm(slot)));
        if (generation != _generation) return;
        var hashes = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var confirmation in confirmations)
            for (int i = 0; i < confirmation.Names.Length; i++) hashes[confirmation.Names[i]] = confirmation.Sha256[i];
        var record = new StoredCheckpointRecord(tick, names, [.. names.Select(n => hashes.TryGetValue(n, out var h) ? h
            : throw new InvalidOperationException($"checkpoint after {tick} ticks: no holder confirmed part '{n}'"))], slot);
        await Record.Write(record);
        if (generation != _generation) return;
        _newest = record;
        LastStored = System.Diagnostics.Stopwatch.GetElapsedTime(_begun);
    }

    /// <summary>
    /// The record the store holds, checked to be that of the checkpoint after <paramref name="tick"/> ticks (the newest the
    /// client stored): what a restarted run reads its parts by.
    /// </summary>
    /// <exception cref="SnapshotException">The store holds no record, or one of another tick.</exception>
    public async Task<StoredCheckpointRecord> ReadAsync(int tick)
    {
        var record = await Record.Read()
            ?? throw new SnapshotException("record", "missing record", $"the checkpoint record '{series}' in the cluster's store", "nothing stored");
        if (record.Tick != tick) throw new SnapshotException("record", "tick", $"{tick} ticks done", $"{record.Tick} ticks done");
        return record;
    }

    /// <summary>
    /// The parts of <paramref name="record"/> from the one at <paramref name="from"/> cut into runs of consecutive parts
    /// with one holder, in the record's order: what one call to a holder reads or hands on.
    /// </summary>
    public IEnumerable<Range> HolderRuns(StoredCheckpointRecord record, int from = 0)
    {
        for (int i = from; i < record.Parts.Length;)
        {
            string holder = HolderKey(record.Parts[i]);
            int end = i + 1;
            while (end < record.Parts.Length && HolderKey(record.Parts[end]) == holder) end++;
            yield return i..end;
            i = end;
        }
    }

    /// <summary>
    /// Writes the checkpoint of <paramref name="record"/> (which the store holds) to <paramref name="destination"/> as a
    /// snapshot, with <paramref name="metrics"/>, the part the store does not keep: the bytes the grains encoded for the
    /// store, each part checked against the record's SHA-256, so a checkpoint both kept and written is encoded once. The
    /// parts are read one holder's run at a time, a few ahead of the one being written, so this process holds a few
    /// clusters' parts at once. The bytes are those <see cref="RunAttempt.WriteSnapshotAsync"/> writes.
    /// </summary>
    /// <exception cref="SnapshotException">A part is missing from the store, is not the part the record names, or the record does not name a snapshot's parts in order.</exception>
    public async Task WriteSnapshotAsync(Stream destination, StoredCheckpointRecord record, StoredPart metrics)
    {
        if (metrics.Name != SnapshotParts.Metrics) throw new ArgumentException($"part '{metrics.Name}' is not the metrics part", nameof(metrics));
        var writer = new SnapshotWriter(destination);
        var ahead = new Queue<Task<StoredPart[]>>();
        foreach (var run in HolderRuns(record))
        {
            ahead.Enqueue(Holder(record.Parts[run.Start]).ReadParts(record.Slot, record.Parts[run], record.Sha256[run]));
            if (ahead.Count > RunAttempt.PartsAhead) Write(await ahead.Dequeue());
        }
        while (ahead.Count > 0) Write(await ahead.Dequeue());
        writer.Finish();

        void Write(StoredPart[] parts)
        {
            foreach (var part in parts)
            {
                writer.Write(part);
                if (part.Name != SnapshotParts.World) continue;
                // The record names every part of the snapshot but the metrics, in order; they follow the world.
                var counts = PartCodec.ReadWorld(part);
                var expected = SnapshotParts.All(counts.Clusters, counts.Funds).Where(n => n != SnapshotParts.Metrics);
                if (!record.Parts.SequenceEqual(expected))
                    throw new SnapshotException("record", "parts", string.Join(", ", expected), string.Join(", ", record.Parts));
                writer.Write(metrics);
            }
        }
    }

    /// <summary>Removes the series from the store: best effort (a store that cannot be reached drops it after a day).</summary>
    public async Task ClearAsync()
    {
        try
        {
            await SettleAfterFailureAsync();
            if (_newest is { } newest) await ClearHoldersAsync(newest);
            await Record.Clear();
        }
        catch (Exception e) when (e is not OutOfMemoryException) { /* best effort: the store's entries expire */ }
    }

    private Task ClearHoldersAsync(StoredCheckpointRecord record) =>
        Task.WhenAll(record.Parts.Select(HolderKey).Distinct().Select(key => grains.GetGrain<IStoredPartsGrain>(key).Clear()));
}
