using EcoSim.Model.Parameters;
using EcoSim.Model.Phases;
using EcoSim.Model.State;
using EcoSim.Model.Tests.Support;
using EcoSim.Model.World;

namespace EcoSim.Model.Tests.Phases;

public class TalentPhaseTests
{
    private static readonly double[] Researchers = [12_000, 3_000, 7_500];
    private static readonly double[] Wages = [200, 230, 180];

    private static (WorldSpec Spec, TalentPoolState[] Pools, BudgetAllocation Budget, RegionSnapshot Previous) Region(ModelParameters parameters)
    {
        var spec = TestWorlds.Small(parameters: parameters);
        var constants = WorldConstants.Derive(spec);
        var pools = Enumerable.Range(0, 3)
            .Select(c => TalentPhase.Initial(spec, constants, c, Researchers[c]) with { Researchers = Researchers[c], Wage = Wages[c] })
            .ToArray();
        var budget = PolicyPhase.Allocate(spec, constants.ClusterKeys, 0);
        var previous = new RegionSnapshot([1, 1, 1], [1, 1, 1], [1, 1, 1], [1, 1, 1], new TalentSnapshot((double[])Researchers.Clone(), (double[])Wages.Clone()));
        return (spec, pools, budget, previous);
    }

    [Fact]
    public void Migration_conserves_researchers_across_the_region()
    {
        // No exits, no graduates (the base inflow is GraduateRate times the initial pool), no recruits:
        // only migration moves researchers, and what one pool gains another loses.
        var parameters = new ModelParameters { ResearcherExitRate = 0, GraduateRate = 0, RecruitsPerBn = 0 };
        var (spec, pools, budget, previous) = Region(parameters);
        var next = pools.Select(pool => TalentPhase.Clear(pool, spec, 0, 10_000, budget, previous)).ToArray();

        double before = Researchers.Sum(), after = next.Sum(p => p.Researchers);
        Assert.Equal(before, after, before * 1e-13);

        // Hand-computed flows per quarter as competing risks (rate 0.5/yr, dt 0.25; relatedness 0-1: 0.6,
        // 0-2: 0.2, 1-2: 0.3; wages 200, 230, 180). Hazards per researcher and year:
        //   from 0: to 1 = 0.5 * 0.6 * 30/200 = 0.045; to 2 = 0 (pays less)          -> H0 = 0.045
        //   from 2: to 0 = 0.5 * 0.2 * 20/180 = 0.01111..; to 1 = 0.5 * 0.3 * 50/180 = 0.041666.. -> H2 = 0.052777..
        //   from 1: nobody pays more -> no one leaves.
        // Leaving in a quarter: R (1 - exp(-H * 0.25)), split over destinations by hazard.
        double leaving0 = 12_000 * (1 - Math.Exp(-0.045 * 0.25));                      // ~134.25, all to pool 1
        double h20 = 0.5 * 0.2 * 20 / 180, h21 = 0.5 * 0.3 * 50 / 180;
        double leaving2 = 7_500 * (1 - Math.Exp(-(h20 + h21) * 0.25));                 // ~98.3
        double to0 = leaving2 * h20 / (h20 + h21), to1 = leaving2 * h21 / (h20 + h21);
        Assert.Equal(12_000 - leaving0 + to0, next[0].Researchers, 1e-9);
        Assert.Equal(3_000 + leaving0 + to1, next[1].Researchers, 1e-9);
        Assert.Equal(7_500 - leaving2, next[2].Researchers, 1e-9);
        Assert.True(next[1].Researchers > Researchers[1], "the best-paying pool gains");
        Assert.True(next[2].Researchers < Researchers[2], "the worst-paying pool loses");
    }

    [Fact]
    public void Without_migration_the_pool_changes_by_graduates_recruits_and_exits()
    {
        var parameters = new ModelParameters { MigrationRate = 0 };
        var (spec, pools, budget, previous) = Region(parameters);
        var p = spec.ParametersAt(0);
        for (int c = 0; c < 3; c++)
        {
            var next = TalentPhase.Clear(pools[c], spec, 0, 10_000, budget, previous);
            double labFunding = budget.For(c, Link.Basic) + budget.For(c, Link.Applied);
            double graduates = p.GraduateRate * pools[c].BaseResearchers * Math.Sqrt(labFunding / pools[c].BaseLabFunding); // elasticity 0.5
            double recruits = budget.For(c, Link.Talent) * p.RecruitsPerBn;
            double exits = Researchers[c] * p.ResearcherExitRate;
            Assert.Equal(Researchers[c] + (graduates + recruits - exits) * WorldSpec.Dt, next.Researchers, 1e-9);
            Assert.Equal(10_000, next.Demand);
            Assert.Equal(Math.Min(1, next.Researchers / 10_000), next.FillRate, 1e-12);
        }
    }
}
