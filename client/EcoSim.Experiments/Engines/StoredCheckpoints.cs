using EcoSim.Grains.Abstractions;
using EcoSim.Model.Snapshots;

namespace EcoSim.Experiments.Engines;

/// <summary>
/// The checkpoints one run on a cluster keeps in the cluster's store to restart from after a lost silo (Orleans grain
/// persistence, Redis in a cluster: see <see cref="CheckpointStoreKeys"/>): one series per run, whose run-level record
/// names the newest checkpoint. Only the newest is kept: the previous one's parts are removed once the record names
/// the next, and the whole series when the run ends.
/// </summary>
/// <param name="grains">The cluster.</param>
/// <param name="series">The series' name, new for every run.</param>
public sealed class StoredCheckpoints(IGrainFactory grains, string series)
{
    private StoredCheckpointRecord? _newest;

    /// <summary>A new series for one run.</summary>
    public static StoredCheckpoints New(IGrainFactory grains) => new(grains, $"checkpoints-{Guid.NewGuid():N}");

    /// <summary>The series' name.</summary>
    public string Series => series;

    /// <summary>The grain of the series' run-level record.</summary>
    public ICheckpointRecordGrain Record => grains.GetGrain<ICheckpointRecordGrain>(CheckpointStoreKeys.Record(series));

    /// <summary>The grain of part <paramref name="name"/> of the checkpoint after <paramref name="tick"/> ticks.</summary>
    public IStoredPartGrain Part(int tick, string name) => grains.GetGrain<IStoredPartGrain>(CheckpointStoreKeys.Part(series, tick, name));

    /// <summary>Stores a checkpoint of <paramref name="run"/> after <paramref name="tick"/> ticks, then removes the one before it.</summary>
    public async Task<StoredCheckpointRecord> StoreAsync(RunAttempt run, int tick, ScenarioIdentity scenario)
    {
        var record = await run.StoreAsync(this, tick, scenario);
        var previous = _newest;
        _newest = record;
        if (previous is not null && previous.Tick != tick) await ClearPartsAsync(previous);
        return record;
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

    /// <summary>Removes the series from the store: best effort (a store that cannot be reached drops it after a day).</summary>
    public async Task ClearAsync()
    {
        try
        {
            if (_newest is { } newest) await ClearPartsAsync(newest);
            await Record.Clear();
        }
        catch (Exception e) when (e is not OutOfMemoryException) { /* best effort: the store's entries expire */ }
    }

    private Task ClearPartsAsync(StoredCheckpointRecord record) =>
        Task.WhenAll(record.Parts.Select(name => Part(record.Tick, name).Clear()));
}
