using System.Collections.Concurrent;
using EcoSim.Grains.Abstractions;
using EcoSim.Model.Phases;
using EcoSim.Model.World;

namespace EcoSim.Grains;

/// <summary>A run's world and the constants derived from it.</summary>
/// <param name="World">The world.</param>
/// <param name="Constants">Its derived constants.</param>
public sealed record RunContext(WorldSpec World, WorldConstants Constants);

/// <summary>
/// One per silo: the worlds of the runs whose grains live here, fetched from the run's
/// <see cref="IWorldGrain"/> once per silo and shared by all its grains on this silo (a run with one
/// grain per firm would otherwise hold one copy of the world per firm).
/// </summary>
public sealed class RunContextCache(IGrainFactory grains)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<RunContext>>> _runs = new(StringComparer.Ordinal);

    /// <summary>The context of a run.</summary>
    public Task<RunContext> Get(string runId) =>
        _runs.GetOrAdd(runId, id => new Lazy<Task<RunContext>>(() => Fetch(id))).Value;

    /// <summary>Whether this silo holds the context of a run.</summary>
    public bool Holds(string runId) => _runs.ContainsKey(runId);

    /// <summary>
    /// Drops a run from this silo's cache. Called where a run's grains are released: by the run grain
    /// on the run's silo and by each cluster grain on its own, which (see <c>RunAffinity</c>) are all
    /// the silos that hold anything of the run.
    /// </summary>
    public void Forget(string runId) => _runs.TryRemove(runId, out _);

    private async Task<RunContext> Fetch(string runId)
    {
        try
        {
            var world = await grains.GetGrain<IWorldGrain>(runId).Get();
            return new RunContext(world, WorldConstants.Derive(world));
        }
        catch
        {
            _runs.TryRemove(runId, out _);
            throw;
        }
    }
}
