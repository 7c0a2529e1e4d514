using EcoSim.Model.Snapshots;

namespace EcoSim.Grains.Checkpoints;

/// <summary>
/// A snapshot part as grain persistence stores it: the fields of <see cref="StoredPart"/> as they are, so the store
/// holds the part's own compressed bytes and the SHA-256 it carries, and a part read back is byte for byte the part
/// that was written (the checks a restore makes are those of a checkpoint file).
/// </summary>
[GenerateSerializer]
public sealed class StoredPartState
{
    /// <summary>The part's name.</summary>
    [Id(0)] public string Name { get; set; } = "";
    /// <summary>Bytes of state before compression.</summary>
    [Id(1)] public long RawLength { get; set; }
    /// <summary>The compressed bytes.</summary>
    [Id(2)] public byte[] Stored { get; set; } = [];
    /// <summary>The part's SHA-256.</summary>
    [Id(3)] public byte[] Sha256 { get; set; } = [];

    /// <summary>The state of <paramref name="part"/>.</summary>
    public static StoredPartState Of(StoredPart part) =>
        new() { Name = part.Name, RawLength = part.RawLength, Stored = part.Stored, Sha256 = part.Sha256 };

    /// <summary>The part.</summary>
    public StoredPart ToPart() => new(Name, RawLength, Stored, Sha256);
}
