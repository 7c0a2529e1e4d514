using System.Text.Json;
using EcoSim.Model.Inspection;

namespace EcoSim.Grains.Abstractions.Surrogates;

/// <summary>Wire form of an <see cref="EntityRef"/>.</summary>
[GenerateSerializer, Immutable]
public readonly record struct EntityRefSurrogate([property: Id(0)] EntityKind Kind, [property: Id(1)] int Cluster, [property: Id(2)] long Index);

/// <summary>Converts <see cref="EntityRef"/>.</summary>
[RegisterConverter]
public sealed class EntityRefConverter : IConverter<EntityRef, EntityRefSurrogate>
{
    /// <inheritdoc/>
    public EntityRef ConvertFromSurrogate(in EntityRefSurrogate s) => new(s.Kind, s.Cluster, s.Index);
    /// <inheritdoc/>
    public EntityRefSurrogate ConvertToSurrogate(in EntityRef v) => new(v.Kind, v.Cluster, v.Index);
}

/// <summary>Wire form of an <see cref="EntityState"/> (rare: one per inspection).</summary>
[GenerateSerializer, Immutable]
public readonly record struct EntityStateSurrogate([property: Id(0)] string Json);

/// <summary>Converts <see cref="EntityState"/>.</summary>
[RegisterConverter]
public sealed class EntityStateConverter : IConverter<EntityState, EntityStateSurrogate>
{
    /// <inheritdoc/>
    public EntityState ConvertFromSurrogate(in EntityStateSurrogate s) =>
        JsonSerializer.Deserialize<EntityState>(s.Json, ModelJson.Options) ?? throw new InvalidOperationException("empty entity state on the wire");
    /// <inheritdoc/>
    public EntityStateSurrogate ConvertToSurrogate(in EntityState v) => new(JsonSerializer.Serialize(v, ModelJson.Options));
}
