using EcoSim.Model.Mechanisms;
using EcoSim.Model.Parameters;

namespace EcoSim.Model.Tests.Mechanisms;

public class TalentRulesTests
{
    private const double Tol = 1e-12;
    private static readonly ModelParameters P = new(); // migration 0.5/yr, wage adjustment 0.3/yr, graduate elasticity 0.5

    [Fact]
    public void Migration_follows_the_relative_wage_gap()
    {
        // 0.5 * 0.6 * 1000 * (220 - 200) / 200 = 30 per year.
        Assert.Equal(30, TalentRules.Migration(P, 0.6, 1000, 200, 220), Tol);
    }

    [Theory]
    [InlineData(220, 200)] // destination pays less
    [InlineData(200, 200)] // same wage
    [InlineData(0, 200)]   // no wage at the origin
    public void Migration_is_zero_unless_the_destination_pays_more(double wageFrom, double wageTo)
    {
        Assert.Equal(0, TalentRules.Migration(P, 0.6, 1000, wageFrom, wageTo));
    }

    [Fact]
    public void Between_a_pair_researchers_move_one_way_only()
    {
        // i -> j and j -> i are the same function with roles swapped: at most one is positive.
        double iToJ = TalentRules.Migration(P, 0.4, 500, 180, 200);
        double jToI = TalentRules.Migration(P, 0.4, 800, 200, 180);
        Assert.True(iToJ > 0);
        Assert.Equal(0, jToI);
    }

    [Fact]
    public void A_pools_migration_hazard_sums_its_hazards_per_researcher_towards_every_other_pool()
    {
        double[] wages = [200, 220, 180, 250];
        double Related(int i, int j) => i == j ? 1 : 0.1 * (i + j + 1);
        // From pool 0: towards 1 and 3 (they pay more), not 2.
        double expected = TalentRules.Migration(P, Related(0, 1), 1, 200, 220) + TalentRules.Migration(P, Related(0, 3), 1, 200, 250);
        Assert.True(expected > 0);
        Assert.Equal(expected, TalentRules.MigrationHazard(P, Related, wages, 0));
        Assert.Equal(0, TalentRules.MigrationHazard(P, Related, wages, 3)); // the best-paid pool sends no one
    }

    [Fact]
    public void Flows_out_of_a_pool_share_its_leavers_in_proportion_to_their_hazards_and_never_exceed_those_staying()
    {
        double[] wages = [200, 220, 180, 250];
        double[] researchers = [1000, 800, 600, 400];
        double Related(int i, int j) => i == j ? 1 : 0.9;
        var fast = new ModelParameters { MigrationRate = 50 }; // hazards so high that almost everyone staying would leave
        const double dt = 0.25;
        double hazard = TalentRules.MigrationHazard(fast, Related, wages, 0);
        double[] flows = [.. Enumerable.Range(1, 3).Select(j => TalentRules.MigrationFlow(fast, Related, researchers, wages, 0, j, hazard, dt))];
        double staying = 1000 * (1 - fast.ResearcherExitRate * dt);

        Assert.Equal(0, flows[1]); // pool 2 pays less
        Assert.True(flows.Sum() <= staying);
        Assert.Equal(staying * (1 - Math.Exp(-hazard * dt)), flows.Sum(), 1e-9);
        Assert.Equal(TalentRules.Migration(fast, 0.9, 1, 200, 220) / TalentRules.Migration(fast, 0.9, 1, 200, 250), flows[0] / flows[2], 1e-12);
    }

    [Fact]
    public void Wage_moves_with_excess_demand_clamped_at_ten_percent()
    {
        Assert.Equal(215, TalentRules.NextWage(P, 200, 2000, 1000, 0.25), Tol);    // 0.3 * 0.25 * (2 - 1) = +7.5%
        Assert.Equal(185, TalentRules.NextWage(P, 200, 0, 1000, 0.25), Tol);       // 0.3 * 0.25 * (0 - 1) = -7.5%
        Assert.Equal(220, TalentRules.NextWage(P, 200, 10_000, 1000, 0.25), Tol);  // +67.5% clamped to +10%
        Assert.Equal(180, TalentRules.NextWage(P with { WageAdjustment = 5 }, 200, 0, 1000, 0.25), Tol); // -125% clamped to -10%
        Assert.Equal(220, TalentRules.NextWage(P, 200, 100, 0, 0.25), Tol);        // no supply: +10%
        Assert.Equal(200, TalentRules.NextWage(P, 200, 1000, 1000, 0.25), Tol);    // balanced
    }

    [Theory]
    [InlineData(500, 1000, 0.5)]
    [InlineData(2000, 1000, 1)]
    [InlineData(10, 0, 1)]     // nobody wanted
    [InlineData(-5, 100, 0)]   // negative supply clamps to 0
    public void Fill_rate_is_supply_over_demand_capped_at_one(double supply, double demand, double expected)
    {
        Assert.Equal(expected, TalentRules.FillRate(supply, demand), Tol);
    }

    [Fact]
    public void Graduates_scale_with_lab_funding()
    {
        Assert.Equal(16, TalentRules.Graduates(P, 100, 4, 1), Tol);    // 0.08 * 100 * (4 / 1)^0.5
        Assert.Equal(8, TalentRules.Graduates(P, 100, 4, 0), Tol);     // no base funding: rate * base researchers
        Assert.Equal(0, TalentRules.Graduates(P, 100, -1, 1), Tol);    // negative funding counts as zero
        Assert.Equal(32, TalentRules.Graduates(P with { GraduateRate = 0.16 }, 100, 4, 1), Tol); // the rate acts during a run
    }
}
