using Orleans.Placement;

namespace EcoSim.Grains.Placement;

/// <summary>
/// Placement of a run's grains by their key (see <see cref="RunAffinity"/>): everything of one cluster
/// (its grain, talent pool, labs and every firm shard) on one silo, the clusters of a run spread over
/// the silos in turn, and different runs starting at different silos.
/// </summary>
[GenerateSerializer, Immutable]
public sealed class RunAffinityPlacement : PlacementStrategy
{
    /// <summary>The one instance.</summary>
    public static readonly RunAffinityPlacement Instance = new();
}

/// <summary>Places a grain class by <see cref="RunAffinityPlacement"/>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class RunAffinityPlacementAttribute() : PlacementAttribute(RunAffinityPlacement.Instance);
