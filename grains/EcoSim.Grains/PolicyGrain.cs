using EcoSim.Grains.Abstractions;
using EcoSim.Grains.Placement;
using EcoSim.Model.Engine;
using EcoSim.Model.Phases;

namespace EcoSim.Grains;

/// <summary>The government of a run.</summary>
[RunAffinityPlacement]
public sealed class PolicyGrain(RunContextCache runs) : Grain, IPolicyGrain
{
    /// <inheritdoc/>
    public async Task<BudgetAllocation> Allocate(int tick)
    {
        var run = await runs.Get(this.GetPrimaryKeyString());
        return TickPlan.Fund(run.World, run.Constants, tick);
    }

    /// <inheritdoc/>
    public Task Release() { DeactivateOnIdle(); return Task.CompletedTask; }
}
