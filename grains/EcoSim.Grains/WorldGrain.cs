using EcoSim.Grains.Abstractions;
using EcoSim.Grains.Placement;
using EcoSim.Model.World;

namespace EcoSim.Grains;

/// <summary>Holds a run's world.</summary>
[RunAffinityPlacement]
public sealed class WorldGrain : Grain, IWorldGrain
{
    private WorldSpec? _world;

    /// <inheritdoc/>
    public Task Set(WorldSpec world)
    {
        if (_world is not null) throw new InvalidOperationException($"run '{this.GetPrimaryKeyString()}' already has a world");
        _world = world;
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task<WorldSpec> Get() =>
        _world is { } world ? Task.FromResult(world) : throw new InvalidOperationException($"run '{this.GetPrimaryKeyString()}' has no world (not started, or released)");

    /// <inheritdoc/>
    public Task Release()
    {
        _world = null;
        DeactivateOnIdle();
        return Task.CompletedTask;
    }
}
