using Orleans.Serialization;
using Orleans.Storage;

namespace EcoSim.Grains.Checkpoints;

/// <summary>
/// The grain storage serializer of the checkpoint store. A slot of checkpoint parts (<see cref="StoredPartsState"/>)
/// is already bytes laid out in a buffer its holder keeps, so it goes to the store as a view of that buffer and comes
/// back as the store's bytes, with no copy and no array of the state's size made on the way; anything else (the
/// run-level record) goes through Orleans' binary serializer, not the default JSON one, which would write bytes as
/// base64 text.
/// </summary>
/// <remarks>
/// The view stays valid while the store writes it: a holder writes over a slot's buffer only when it stores that slot
/// again, after the checkpoint before has been confirmed (<see cref="StoredPartsGrain"/>).
/// </remarks>
/// <param name="serializer">Orleans' serializer, for every other state.</param>
public sealed class CheckpointStorageSerializer(Serializer serializer) : IGrainStorageSerializer
{
    private readonly OrleansGrainStorageSerializer _binary = new(serializer);

    /// <inheritdoc/>
    public BinaryData Serialize<T>(T? input) =>
        input is StoredPartsState parts ? new BinaryData(parts.Bytes) : _binary.Serialize(input);

    /// <inheritdoc/>
    public T? Deserialize<T>(BinaryData input) =>
        typeof(T) == typeof(StoredPartsState) ? (T)(object)new StoredPartsState { Bytes = input.ToMemory() } : _binary.Deserialize<T>(input);
}
