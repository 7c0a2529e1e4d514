using EcoSim.Grains.Abstractions;
using EcoSim.Grains.Placement;
using EcoSim.Model.Engine;
using EcoSim.Model.Inspection;
using EcoSim.Model.Phases;
using EcoSim.Model.Snapshots;
using EcoSim.Model.State;

namespace EcoSim.Grains;

/// <summary>One cluster's researcher market.</summary>
[RunAffinityPlacement]
public sealed class TalentPoolGrain(RunContextCache runs) : Grain, ITalentPoolGrain
{
    private TalentPoolState? _pool;
    private TickGuard? _guard;
    private RunContext? _run; // kept from the first tick: the run's world does not change while the pool lives

    /// <inheritdoc/>
    public async Task<TalentPoolState> Initialize(double initialDemand)
    {
        string key = this.GetPrimaryKeyString();
        if (_pool is not null) throw new InvalidOperationException($"talent pool {key} is already initialised");
        var run = await runs.Get(GrainKeys.RunOf(key));
        _pool = TalentPhase.Initial(run.World, run.Constants, GrainKeys.Number(key, 'c'), initialDemand);
        _guard = new TickGuard($"talent pool {key}");
        return _pool;
    }

    /// <inheritdoc/>
    public async Task<TalentPoolState> Clear(int tick, double demand, BudgetAllocation budget, RegionSnapshot previous)
    {
        string key = this.GetPrimaryKeyString();
        if (_pool is null || _guard is null) throw new InvalidOperationException($"talent pool {key} was not initialised (or its activation was lost)");
        _guard.Enter(tick);
        var run = _run ??= await runs.Get(GrainKeys.RunOf(key));
        _pool = TickPlan.Hire(_pool, run.World, tick, demand, budget, previous);
        return _pool;
    }

    /// <inheritdoc/>
    public async Task<EntityState> Inspect(int ticks)
    {
        string key = this.GetPrimaryKeyString();
        var pool = _pool ?? throw new InvalidOperationException($"talent pool {key} was not initialised (or its activation was lost)");
        var run = await runs.Get(GrainKeys.RunOf(key));
        return EntityDescriptions.TalentPool(ticks, pool, run.World.Clusters[pool.Cluster].Name);
    }

    /// <inheritdoc/>
    public Task<StoredPart> Export() =>
        Task.FromResult(PartCodec.Talent(_pool ?? throw new InvalidOperationException($"talent pool {this.GetPrimaryKeyString()} was not initialised (or its activation was lost)")));

    /// <inheritdoc/>
    public Task<TalentPoolState> Import(int tick, StoredPart part)
    {
        string key = this.GetPrimaryKeyString();
        if (_pool is not null) throw new InvalidOperationException($"talent pool {key} is already initialised");
        _pool = PartCodec.ReadTalent(part, GrainKeys.Number(key, 'c'));
        _guard = new TickGuard($"talent pool {key}", tick);
        return Task.FromResult(_pool);
    }

    /// <inheritdoc/>
    public Task Release() { DeactivateOnIdle(); return Task.CompletedTask; }
}
