using System.Globalization;
using EcoSim.Model.Mechanisms;
using EcoSim.Model.Numerics;
using EcoSim.Model.Parameters;
using EcoSim.Model.Phases;
using EcoSim.Model.Tests.Support;
using EcoSim.Model.World;

namespace EcoSim.Model.Tests.Mechanisms;

public class BudgetRulesTests
{
    private const double Tol = 1e-12;

    [Fact]
    public void Next_annual_budget_grows_by_this_years_rate_unless_the_level_was_reset()
    {
        var p = new ModelParameters(); // B0 = 100, g = 6%
        var hundred = DecimalRational.FromDecimal(100);
        Assert.Equal(106, BudgetRules.NextAnnualBudget(hundred, p, p).ToDouble());                                     // 100 * 1.06
        Assert.Equal(108, BudgetRules.NextAnnualBudget(hundred, p, p with { PublicBudgetGrowth = 0.08 }).ToDouble());  // this year's rate
        Assert.Equal(150, BudgetRules.NextAnnualBudget(DecimalRational.FromDecimal(112.36), p, p with { PublicBudget = 150 }).ToDouble()); // level reset
    }

    /// <summary>
    /// Compounding is exact on the decimal figures: year y's budget is the double nearest to
    /// 100 * 1.06^y, computed here in System.Decimal (exact for these 27 years) and read back through
    /// its text. Compounding in doubles was off in the last digits from year 5 on.
    /// </summary>
    [Fact]
    public void Compounded_budget_is_the_double_nearest_the_exact_decimal_path()
    {
        var spec = TestWorlds.Small(ticks: 27 * WorldSpec.TicksPerYear);
        decimal exact = 100m;
        for (int year = 0; year < 27; year++)
        {
            Assert.Equal(double.Parse(exact.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture), PolicyPhase.AnnualBudget(spec, year));
            exact *= 1.06m;
        }
    }

    [Fact]
    public void Default_link_shares_split_the_non_basic_budget_by_weight()
    {
        // basic = max(0.20, 0) = 0.20; weights 0.45/0.20/0.15/0.20 total 1.00 over the remaining 0.80:
        // applied 0.36, transformation 0.16, finance 0.12, talent 0.16.
        var shares = BudgetRules.LinkShares(new ModelParameters());
        Assert.Equal(BudgetAllocation.Links, shares.Length);
        Assert.Equal([0.20, 0.36, 0.16, 0.12, 0.16], shares, (a, b) => Math.Abs(a - b) < Tol);
        Assert.Equal(1, shares.Sum(), Tol);
    }

    /// <summary>
    /// Each share is the double nearest its exact value, so the default split reads as its decimal
    /// figures to the last bit (in doubles, 0.8 * 0.45 / 1 is 0.36000000000000004).
    /// </summary>
    [Fact]
    public void Link_shares_are_exact_to_the_last_bit()
    {
        Assert.Equal([0.20, 0.36, 0.16, 0.12, 0.16], BudgetRules.LinkShares(new ModelParameters()));
        Assert.Equal([0.4, 0.45, 0.15, 0, 0], BudgetRules.LinkShares(new ModelParameters { BasicShare = 0.4, AppliedWeight = 3, TransformationWeight = 1, FinanceWeight = 0, TalentWeight = 0 }));
    }

    [Fact]
    public void Minimum_basic_share_floor_binds_and_the_rest_keeps_its_proportions()
    {
        // basic = max(0.20, 1/3) = 1/3; the other 2/3 split 0.45/0.20/0.15/0.20: 0.30, 0.1333.., 0.10, 0.1333..
        var shares = BudgetRules.LinkShares(new ModelParameters { MinBasicShare = 1.0 / 3 });
        Assert.Equal(1.0 / 3, shares[(int)Link.Basic], Tol);
        Assert.Equal(0.30, shares[(int)Link.Applied], Tol);
        Assert.Equal(0.4 / 3, shares[(int)Link.Transformation], Tol);
        Assert.Equal(0.10, shares[(int)Link.Finance], Tol);
        Assert.Equal(0.4 / 3, shares[(int)Link.Talent], Tol);
        Assert.Equal(1, shares.Sum(), Tol);
    }

    [Fact]
    public void Minimum_basic_share_floor_does_not_lower_a_larger_basic_share()
    {
        var shares = BudgetRules.LinkShares(new ModelParameters { BasicShare = 0.5, MinBasicShare = 1.0 / 3 });
        Assert.Equal(0.5, shares[(int)Link.Basic], Tol);
        Assert.Equal(0.5 * 0.45, shares[(int)Link.Applied], Tol);
        Assert.Equal(1, shares.Sum(), Tol);
    }

    [Fact]
    public void All_zero_weights_split_the_rest_equally()
    {
        // basic 0.2; the other 0.8 in four equal parts of 0.2.
        var p = new ModelParameters { AppliedWeight = 0, TransformationWeight = 0, FinanceWeight = 0, TalentWeight = 0 };
        Assert.Equal([0.2, 0.2, 0.2, 0.2, 0.2], BudgetRules.LinkShares(p), (a, b) => Math.Abs(a - b) < Tol);
    }

    [Fact]
    public void Unnormalised_weights_and_a_full_basic_share()
    {
        // basic 0.4; weights 3/1/0/0 (total 4) over 0.6: 0.45, 0.15, 0, 0.
        var p = new ModelParameters { BasicShare = 0.4, AppliedWeight = 3, TransformationWeight = 1, FinanceWeight = 0, TalentWeight = 0 };
        Assert.Equal([0.4, 0.45, 0.15, 0, 0], BudgetRules.LinkShares(p), (a, b) => Math.Abs(a - b) < Tol);
        // basic 1: nothing left for the other links.
        Assert.Equal([1.0, 0, 0, 0, 0], BudgetRules.LinkShares(new ModelParameters { BasicShare = 1 }), (a, b) => Math.Abs(a - b) < Tol);
    }

    [Fact]
    public void Cluster_keys_are_priority_times_root_revenue_normalised()
    {
        // 1 * sqrt(100) = 10, 2 * sqrt(400) = 40, 0 * sqrt(900) = 0 -> 0.2, 0.8, 0.
        Assert.Equal([0.2, 0.8, 0], BudgetRules.ClusterKeys([1, 2, 0], [100, 400, 900], 0.5), (a, b) => Math.Abs(a - b) < Tol);
        // Elasticity 1: proportional to priority times revenue: 100, 800 -> 1/9, 8/9.
        Assert.Equal([1.0 / 9, 8.0 / 9, 0], BudgetRules.ClusterKeys([1, 2, 0], [100, 400, 900], 1), (a, b) => Math.Abs(a - b) < Tol);
        // Nothing to weigh: equal keys.
        Assert.Equal([0.25, 0.25, 0.25, 0.25], BudgetRules.ClusterKeys([1, 1, 1, 1], [0, 0, 0, 0], 0.5));
    }
}
