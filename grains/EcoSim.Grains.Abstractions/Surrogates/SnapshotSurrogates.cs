using EcoSim.Model.Snapshots;
using EcoSim.Model.State;
using EcoSim.Model.World;

namespace EcoSim.Grains.Abstractions.Surrogates;

/// <summary>
/// Wire form of a <see cref="StoredPart"/>: a snapshot part travels between its grain and the client as the bytes the
/// file stores, so neither side encodes it again and its SHA-256 is checked where it is decoded.
/// </summary>
[GenerateSerializer, Immutable]
public readonly record struct StoredPartSurrogate([property: Id(0)] string Name, [property: Id(1)] long RawLength, [property: Id(2)] byte[] Stored, [property: Id(3)] byte[] Sha256);

/// <summary>Converts <see cref="StoredPart"/>.</summary>
[RegisterConverter]
public sealed class StoredPartConverter : IConverter<StoredPart, StoredPartSurrogate>
{
    /// <inheritdoc/>
    public StoredPart ConvertFromSurrogate(in StoredPartSurrogate s) => new(s.Name, s.RawLength, s.Stored, s.Sha256);
    /// <inheritdoc/>
    public StoredPartSurrogate ConvertToSurrogate(in StoredPart v) => new(v.Name, v.RawLength, v.Stored, v.Sha256);
}

/// <summary>Wire form of a <see cref="LabState"/>, which a cluster grain gathers from and hands back to its lab shards for the cluster's <c>labs/C</c> part.</summary>
[GenerateSerializer, Immutable]
public readonly record struct LabStateSurrogate(
    [property: Id(0)] int Index, [property: Id(1)] int Cluster, [property: Id(2)] int Kind, [property: Id(3)] double BasicShare,
    [property: Id(4)] double AppliedShare, [property: Id(5)] double Knowledge, [property: Id(6)] double Researchers);

/// <summary>Converts <see cref="LabState"/>.</summary>
[RegisterConverter]
public sealed class LabStateConverter : IConverter<LabState, LabStateSurrogate>
{
    /// <inheritdoc/>
    public LabState ConvertFromSurrogate(in LabStateSurrogate s) => new()
    {
        Index = s.Index, Cluster = s.Cluster, Kind = (LabKind)s.Kind, BasicShare = s.BasicShare, AppliedShare = s.AppliedShare, Knowledge = s.Knowledge, Researchers = s.Researchers,
    };
    /// <inheritdoc/>
    public LabStateSurrogate ConvertToSurrogate(in LabState v) => new(v.Index, v.Cluster, (int)v.Kind, v.BasicShare, v.AppliedShare, v.Knowledge, v.Researchers);
}

/// <summary>Wire form of a <see cref="ScenarioIdentity"/>, which the run grain records in a snapshot's <c>world</c> part.</summary>
[GenerateSerializer, Immutable]
public readonly record struct ScenarioIdentitySurrogate([property: Id(0)] string Name, [property: Id(1)] string Text, [property: Id(2)] string Sha256);

/// <summary>Converts <see cref="ScenarioIdentity"/>.</summary>
[RegisterConverter]
public sealed class ScenarioIdentityConverter : IConverter<ScenarioIdentity, ScenarioIdentitySurrogate>
{
    /// <inheritdoc/>
    public ScenarioIdentity ConvertFromSurrogate(in ScenarioIdentitySurrogate s) => new(s.Name, s.Text, s.Sha256);
    /// <inheritdoc/>
    public ScenarioIdentitySurrogate ConvertToSurrogate(in ScenarioIdentity v) => new(v.Name, v.Text, v.Sha256);
}
