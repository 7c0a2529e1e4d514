using EcoSim.Model.Mechanisms;
using EcoSim.Model.World;

namespace EcoSim.Model.Phases;

/// <summary>Phase 1 of a tick: the government sets the year's budget and splits it over links and clusters.</summary>
public static class PolicyPhase
{
    /// <summary>The budget allocation in force at <paramref name="tick"/>.</summary>
    public static BudgetAllocation Allocate(WorldSpec spec, double[] clusterKeys, int tick)
    {
        var p = spec.ParametersAt(tick);
        double budget = BudgetRules.AnnualBudget(p, tick / WorldSpec.TicksPerYear);
        var shares = BudgetRules.LinkShares(p);
        var values = new double[spec.ClusterCount * BudgetAllocation.Links];
        for (int c = 0; c < spec.ClusterCount; c++)
            for (int l = 0; l < BudgetAllocation.Links; l++)
                values[c * BudgetAllocation.Links + l] = budget * shares[l] * clusterKeys[c];
        return new BudgetAllocation(tick, values);
    }
}
