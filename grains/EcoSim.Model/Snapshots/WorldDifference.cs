namespace EcoSim.Model.Snapshots;

/// <summary>How a component of a world takes part in a run: what a fork may and may not change.</summary>
public enum ComponentKind
{
    /// <summary>What makes two worlds the same world at all (start, clusters): a difference makes the scenario unrelated.</summary>
    Identity,
    /// <summary>Read only at tick 0 (the population, the seed, parameters fixed at the start): a fork cannot change it.</summary>
    Start,
    /// <summary>Read tick by tick (parameters, facilities, events): a fork may change it from the snapshot's quarter on, not before.</summary>
    Timeline,
}

/// <summary>One named part of a world whose hash a snapshot records, so that a world resumed from it can be checked.</summary>
/// <param name="Name">What it is, as messages name it: <c>start</c>, <c>population</c>, <c>parameter basicShare</c>, ...</param>
/// <param name="Kind">When the run reads it.</param>
/// <param name="Sha256">SHA-256 of its canonical bytes (up to the snapshot's tick for timeline components).</param>
public sealed record WorldComponent(string Name, ComponentKind Kind, byte[] Sha256);

/// <summary>A component in which a world differs from a snapshot's.</summary>
/// <param name="Component">The component's name.</param>
/// <param name="Kind">When the run reads it.</param>
/// <param name="Description">The difference in words.</param>
public sealed record WorldDifference(string Component, ComponentKind Kind, string Description);
