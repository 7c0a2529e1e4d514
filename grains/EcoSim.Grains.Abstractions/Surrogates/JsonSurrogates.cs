using System.Text.Json;
using EcoSim.Model.World;

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
