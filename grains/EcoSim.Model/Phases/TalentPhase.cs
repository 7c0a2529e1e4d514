using EcoSim.Model.Mechanisms;
using EcoSim.Model.State;
using EcoSim.Model.World;

namespace EcoSim.Model.Phases;

/// <summary>Phase 6 of a tick: each cluster's researcher market clears.</summary>
public static class TalentPhase
{
    /// <summary>
    /// One pool's tick: researchers leave research, graduates arrive (more with more lab money),
    /// talent programmes recruit, researchers migrate between related clusters towards higher wages
    /// as competing risks that never take more than the pool holds (what one pool loses another gains:
    /// both sides compute the same flow from the previous tick's snapshot), then the wage moves with excess demand and the fill rate for the next tick is set.
    /// </summary>
    public static TalentPoolState Clear(TalentPoolState pool, WorldSpec spec, int tick, double demand, BudgetAllocation budget, RegionSnapshot previous)
    {
        var p = spec.ParametersAt(tick);
        const double dt = WorldSpec.Dt;
        int c = pool.Cluster;
        double labFunding = budget.For(c, Phases.Link.Basic) + budget.For(c, Phases.Link.Applied);
        double researchers = pool.Researchers;
        double inflow = TalentRules.Graduates(p, pool.BaseResearchers, labFunding, pool.BaseLabFunding) * dt
                        + budget.For(c, Phases.Link.Talent) * p.RecruitsPerBn * dt
                        + ShockRules.Total(spec, ShockKind.TalentProgramme, c, tick) * dt;
        double outflow = researchers * p.ResearcherExitRate * dt;
        var r = previous.Talent.Researchers;
        var w = previous.Talent.Wages;
        Func<int, int, double> related = spec.Related;
        var hazards = new double[r.Length];
        for (int k = 0; k < hazards.Length; k++) hazards[k] = TalentRules.MigrationHazard(p, related, w, k);
        for (int j = 0; j < r.Length; j++)
        {
            if (j == c) continue;
            inflow += TalentRules.MigrationFlow(p, related, r, w, j, c, hazards[j], dt);
            outflow += TalentRules.MigrationFlow(p, related, r, w, c, j, hazards[c], dt);
        }
        double next = Math.Max(0, researchers + inflow - outflow);
        return pool with
        {
            Researchers = next,
            Wage = TalentRules.NextWage(p, pool.Wage, demand, next, dt),
            FillRate = TalentRules.FillRate(next, demand),
            Demand = demand,
        };
    }

    /// <summary>A pool at tick 0: initial demand plus slack, at the initial wage; graduates replace exits and grow it.</summary>
    public static TalentPoolState Initial(WorldSpec spec, WorldConstants constants, int cluster, double initialDemand)
    {
        var p = spec.ParametersAt(0);
        double researchers = initialDemand * (1 + p.InitialTalentSlack);
        return new TalentPoolState(cluster, researchers, p.InitialWage, 1, initialDemand, researchers, constants.InitialLabFunding[cluster]);
    }
}
