using Orleans.Runtime.Placement;

namespace EcoSim.Grains.Placement;

/// <summary>
/// Carries out <see cref="RunAffinityPlacement"/>: orders the compatible silos the same way on every
/// silo and picks the one <see cref="RunAffinity.SiloIndex"/> names. When a silo leaves, grains
/// activated afterwards are placed over the silos that are left.
/// </summary>
public sealed class RunAffinityPlacementDirector : IPlacementDirector
{
    /// <inheritdoc/>
    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        var silos = context.GetCompatibleSilos(target);
        if (silos.Length == 0) throw new OrleansException($"no silo can host {target.GrainIdentity}");
        var ordered = silos.Order().ToArray();
        string key = target.GrainIdentity.Key.ToString() ?? "";
        return Task.FromResult(ordered[RunAffinity.SiloIndex(key, ordered.Length)]);
    }
}
