using EcoSim.Grains.Abstractions;

namespace EcoSim.Grains.Checkpoints;

/// <summary>The run-level record of a series of checkpoints, kept in the cluster's store (see <see cref="StoredCheckpointRecord"/>).</summary>
public sealed class CheckpointRecordGrain(
    [PersistentState("record", CheckpointStoreKeys.StorageName)] IPersistentState<StoredCheckpointRecord?> record) : Grain, ICheckpointRecordGrain
{
    /// <inheritdoc/>
    public async Task Write(StoredCheckpointRecord value)
    {
        if (value.Parts.Length != value.Sha256.Length)
            throw new ArgumentException($"checkpoint record after {value.Tick} ticks names {value.Parts.Length} parts but gives {value.Sha256.Length} hashes", nameof(value));
        record.State = value;
        await record.WriteStateAsync();
    }

    /// <inheritdoc/>
    public async Task<StoredCheckpointRecord?> Read()
    {
        // Read from the store, not from this activation's memory: the record is what the store holds.
        await record.ReadStateAsync();
        return record.RecordExists ? record.State : null;
    }

    /// <inheritdoc/>
    public async Task Clear()
    {
        await record.ClearStateAsync();
        DeactivateOnIdle();
    }
}
