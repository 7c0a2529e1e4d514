using System.Text.Json;
using System.Text.Json.Serialization;
using EcoSim.Model.Metrics;
using EcoSim.Model.World;

namespace EcoSim.Grains.Abstractions.Surrogates;

/// <summary>
/// Shared JSON options for the few model types that cross the wire rarely (a world per run, metrics
/// rows per tick). System.Text.Json writes doubles in their shortest round-trip form, so values come
/// back bit for bit.
/// </summary>
internal static class ModelJson
{
    public static readonly JsonSerializerOptions Options = new() { IncludeFields = false };
}

/// <summary>
/// Compiled (source-generated) JSON for the model types that cross the wire every tick: several times
/// faster than reflection, with the same round-trip text.
/// </summary>
[JsonSerializable(typeof(MetricsRow))]
internal sealed partial class TickJson : JsonSerializerContext;

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

/// <summary>Wire form of a <see cref="MetricsRow"/>.</summary>
[GenerateSerializer, Immutable]
public readonly record struct MetricsRowSurrogate([property: Id(0)] string Json);

/// <summary>Converts <see cref="MetricsRow"/> to and from its wire form.</summary>
[RegisterConverter]
public sealed class MetricsRowConverter : IConverter<MetricsRow, MetricsRowSurrogate>
{
    /// <inheritdoc/>
    public MetricsRow ConvertFromSurrogate(in MetricsRowSurrogate surrogate) =>
        JsonSerializer.Deserialize(surrogate.Json, TickJson.Default.MetricsRow) ?? throw new InvalidOperationException("empty metrics row on the wire");
    /// <inheritdoc/>
    public MetricsRowSurrogate ConvertToSurrogate(in MetricsRow value) => new(JsonSerializer.Serialize(value, TickJson.Default.MetricsRow));
}
