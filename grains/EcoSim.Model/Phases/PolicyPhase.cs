using System.Runtime.CompilerServices;
using EcoSim.Model.Mechanisms;
using EcoSim.Model.Numerics;
using EcoSim.Model.Parameters;
using EcoSim.Model.World;

namespace EcoSim.Model.Phases;

/// <summary>Phase 1 of a tick: the government sets the year's budget and splits it over links and clusters.</summary>
public static class PolicyPhase
{
    /// <summary>
    /// The budget allocation in force at <paramref name="tick"/>: each link's budget
    /// (<see cref="Level"/>) times each cluster's key.
    /// </summary>
    public static BudgetAllocation Allocate(WorldSpec spec, double[] clusterKeys, int tick)
    {
        var level = Level(spec, tick);
        var values = new double[spec.ClusterCount * BudgetAllocation.Links];
        for (int c = 0; c < spec.ClusterCount; c++)
            for (int l = 0; l < BudgetAllocation.Links; l++)
                values[c * BudgetAllocation.Links + l] = level.ByLink[l] * clusterKeys[c];
        return new BudgetAllocation(tick, values);
    }

    /// <summary>
    /// The region's budget at <paramref name="tick"/> and its split over links. The level is set
    /// yearly (every four ticks from the start) by <see cref="BudgetRules.NextAnnualBudget"/>; the
    /// split follows the parameters in force at the tick. Level, shares and their products are
    /// computed exactly and rounded once each. The exact arithmetic costs far more than a double
    /// product, so the levels of a run are computed once, in one pass over its ticks, and kept with
    /// the world (every caller of a tick gets the same record).
    /// </summary>
    public static BudgetLevel Level(WorldSpec spec, int tick)
    {
        if (tick < 0 || tick >= spec.Ticks) return Compute(ExactAnnualBudget(spec, tick / WorldSpec.TicksPerYear), spec.ParametersAt(tick));
        return Levels.GetValue(spec, AllLevels)[tick];
    }

    private static readonly ConditionalWeakTable<WorldSpec, BudgetLevel[]> Levels = new();

    private static BudgetLevel[] AllLevels(WorldSpec spec)
    {
        var levels = new BudgetLevel[spec.Ticks];
        var previous = spec.ParametersAt(0);
        var budget = DecimalRational.FromDecimal(previous.PublicBudget);
        for (int tick = 0; tick < spec.Ticks; tick++)
        {
            var current = spec.ParametersAt(tick);
            if (tick > 0 && tick % WorldSpec.TicksPerYear == 0)
            {
                budget = BudgetRules.NextAnnualBudget(budget, previous, current);
                previous = current;
            }
            levels[tick] = Compute(budget, current);
        }
        return levels;
    }

    private static BudgetLevel Compute(DecimalRational budget, ModelParameters p)
    {
        var shares = BudgetRules.ExactLinkShares(p);
        return new BudgetLevel(budget.ToDouble(), [.. shares.Select(s => s.ToDouble())], [.. shares.Select(s => (budget * s).ToDouble())]);
    }

    /// <summary>The budget level of year <paramref name="year"/> (0 = the start year), bn yuan/yr.</summary>
    public static double AnnualBudget(WorldSpec spec, int year) => ExactAnnualBudget(spec, year).ToDouble();

    private static DecimalRational ExactAnnualBudget(WorldSpec spec, int year)
    {
        var previous = spec.ParametersAt(0);
        var budget = DecimalRational.FromDecimal(previous.PublicBudget);
        for (int y = 1; y <= year; y++)
        {
            var current = spec.ParametersAt(y * WorldSpec.TicksPerYear);
            budget = BudgetRules.NextAnnualBudget(budget, previous, current);
            previous = current;
        }
        return budget;
    }
}
