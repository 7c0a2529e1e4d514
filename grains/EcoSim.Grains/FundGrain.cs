using EcoSim.Grains.Abstractions;
using EcoSim.Grains.Placement;
using EcoSim.Model.Engine;
using EcoSim.Model.Inspection;
using EcoSim.Model.Phases;
using EcoSim.Model.Snapshots;
using EcoSim.Model.State;

namespace EcoSim.Grains;

/// <summary>One fund: its book starts from the run's constants and advances one tick per call.</summary>
[RunAffinityPlacement]
public sealed class FundGrain(RunContextCache runs) : Grain, IFundGrain
{
    private FundState? _fund;
    private TickGuard? _guard;

    /// <inheritdoc/>
    public async Task<FundReport> Invest(int tick, BudgetAllocation budget, RegionSnapshot previous)
    {
        string key = this.GetPrimaryKeyString();
        var run = await runs.Get(GrainKeys.RunOf(key));
        if (_guard is null)
        {
            _guard = new TickGuard($"fund {key}");
            _fund = FinancePhase.Initial(run.World, run.Constants, GrainKeys.Number(key, 'f'), previous);
        }
        _guard.Enter(tick);
        return TickPlan.Finance(_fund!, run.World, run.Constants, tick, budget, previous);
    }

    /// <inheritdoc/>
    public async Task<EntityState> Inspect(int ticks)
    {
        string key = this.GetPrimaryKeyString();
        var fund = _fund ?? throw new InvalidOperationException($"fund {key} has not invested yet");
        var run = await runs.Get(GrainKeys.RunOf(key));
        return EntityDescriptions.Fund(ticks, fund, [.. run.World.Clusters.Select(c => c.Name)]);
    }

    /// <inheritdoc/>
    public Task<StoredPart> Export() =>
        Task.FromResult(PartCodec.Fund(_fund ?? throw new InvalidOperationException($"fund {this.GetPrimaryKeyString()} has not invested yet")));

    /// <inheritdoc/>
    public Task Import(int tick, StoredPart part)
    {
        string key = this.GetPrimaryKeyString();
        if (_guard is not null) throw new InvalidOperationException($"fund {key} has already invested");
        _fund = PartCodec.ReadFund(part, GrainKeys.Number(key, 'f'));
        _guard = new TickGuard($"fund {key}", tick);
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task Release() { DeactivateOnIdle(); return Task.CompletedTask; }
}
