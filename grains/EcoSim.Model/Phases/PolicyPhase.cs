using EcoSim.Model.Mechanisms;
using EcoSim.Model.World;

namespace EcoSim.Model.Phases;

/// <summary>Phase 1 of a tick: the government sets the year's budget and splits it over links and clusters.</summary>
public static class PolicyPhase
{
    /// <summary>
    /// The budget allocation in force at <paramref name="tick"/>. The level is set yearly (every four
    /// ticks from the start) by <see cref="BudgetRules.NextAnnualBudget"/>; the split over links
    /// follows the parameters in force at the tick.
    /// </summary>
    public static BudgetAllocation Allocate(WorldSpec spec, double[] clusterKeys, int tick)
    {
        var p = spec.ParametersAt(tick);
        double budget = AnnualBudget(spec, tick / WorldSpec.TicksPerYear);
        var shares = BudgetRules.LinkShares(p);
        var values = new double[spec.ClusterCount * BudgetAllocation.Links];
        for (int c = 0; c < spec.ClusterCount; c++)
            for (int l = 0; l < BudgetAllocation.Links; l++)
                values[c * BudgetAllocation.Links + l] = budget * shares[l] * clusterKeys[c];
        return new BudgetAllocation(tick, values);
    }

    /// <summary>The budget level of year <paramref name="year"/> (0 = the start year), bn yuan/yr.</summary>
    public static double AnnualBudget(WorldSpec spec, int year)
    {
        var previous = spec.ParametersAt(0);
        double budget = previous.PublicBudget;
        for (int y = 1; y <= year; y++)
        {
            var current = spec.ParametersAt(y * WorldSpec.TicksPerYear);
            budget = BudgetRules.NextAnnualBudget(budget, previous, current);
            previous = current;
        }
        return budget;
    }
}
