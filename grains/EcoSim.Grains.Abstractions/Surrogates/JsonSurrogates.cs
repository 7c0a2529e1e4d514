using System.Text.Json;
using EcoSim.Model.World;
using Orleans.Serialization.Cloning;

namespace EcoSim.Grains.Abstractions.Surrogates;

/// <summary>
/// Shared JSON options for the few model types that cross the wire rarely (a world per run, an
/// inspected agent's state). System.Text.Json writes doubles in their shortest round-trip form, so
/// values come back bit for bit.
/// </summary>
internal static class ModelJson
{
    public static readonly JsonSerializerOptions Options = new() { IncludeFields = false };
}

/// <summary>Wire form of a <see cref="WorldSpec"/>.</summary>
[GenerateSerializer, Immutable]
public readonly record struct WorldSpecSurrogate([property: Id(0)] string Json);

/// <summary>Converts <see cref="WorldSpec"/> to and from its wire form.</summary>
[RegisterConverter]
public sealed class WorldSpecConverter : IConverter<WorldSpec, WorldSpecSurrogate>
{
    /// <inheritdoc/>
    public WorldSpec ConvertFromSurrogate(in WorldSpecSurrogate surrogate) =>
        JsonSerializer.Deserialize<WorldSpec>(surrogate.Json, ModelJson.Options) ?? throw new InvalidOperationException("empty world spec on the wire");
    /// <inheritdoc/>
    public WorldSpecSurrogate ConvertToSurrogate(in WorldSpec value) => new(JsonSerializer.Serialize(value, ModelJson.Options));
}

/// <summary>
/// Hands a <see cref="WorldSpec"/> on as it is where Orleans would copy it: to a grain of the same silo, or back from one.
/// A world is immutable (init-only properties, read-only lists no grain casts back), so a copy protects nothing; and the
/// copy Orleans makes through the surrogate above is a round trip through JSON. A run's start copied its world three
/// times on the embedded silo (the client to the run grain, the run grain to its world grain, the world grain to the
/// silo's run context), each on the start's path, and the first one also compiles System.Text.Json's reflection
/// serializer for every type of the world (docs/PERFORMANCE.md, section 29). Between silos the world still crosses as
/// its JSON surrogate.
/// </summary>
[RegisterCopier]
public sealed class WorldSpecCopier : IDeepCopier<WorldSpec>, IOptionalDeepCopier
{
    /// <inheritdoc/>
    public WorldSpec? DeepCopy(WorldSpec? input, CopyContext context) => input;
    /// <summary>Always: the copy is the world itself.</summary>
    public bool IsShallowCopyable() => true;
}
