using EcoSim.Model.Mechanisms;
using EcoSim.Model.Parameters;

namespace EcoSim.Model.Tests.Mechanisms;

public class FinanceRulesTests
{
    private const double Tol = 1e-12;
    private static readonly ModelParameters P = new(); // invest 20%/yr, leverage 3, exit multiple 1.5, elasticity 2, holding 5 yr

    [Fact]
    public void Investment_is_a_share_of_capital_per_tick()
    {
        Assert.Equal(2.5, FinanceRules.Investment(P, 50, 0.25), Tol); // 50 * 0.2 * 0.25
        Assert.Equal(0, FinanceRules.Investment(P, -50, 0.25));        // no capital, no investment
    }

    [Fact]
    public void Guidance_inflow_is_levered_public_money()
    {
        Assert.Equal(12, FinanceRules.GuidanceInflow(P, 12, 0.25), Tol); // 12 * 0.25 * (1 + 3)
        Assert.Equal(3, FinanceRules.GuidanceInflow(P with { GuidanceLeverage = 0 }, 12, 0.25), Tol);
    }

    [Fact]
    public void Exit_multiple_rises_with_relative_cluster_growth()
    {
        Assert.Equal(1.5, FinanceRules.ExitMultiple(P, 1.1, 1.1), Tol);            // as fast as the region
        Assert.Equal(1.815, FinanceRules.ExitMultiple(P, 1.21, 1.1), Tol);         // 1.5 * 1.1^2
        Assert.Equal(1.5 / 1.21, FinanceRules.ExitMultiple(P, 1.0, 1.1), Tol);     // 1.5 * (1/1.1)^2
        Assert.Equal(0, FinanceRules.ExitMultiple(P, 1.2, 0));                      // no region growth measure
        Assert.Equal(0, FinanceRules.ExitMultiple(P, -1, 1));                       // negative growth counts as zero
    }

    [Theory]
    [InlineData(5, 20)]
    [InlineData(0.25, 1)]
    [InlineData(0.3, 1)]   // round(1.2)
    [InlineData(2.6, 10)]  // round(10.4)
    [InlineData(15, 60)]
    public void Holding_ticks_round_the_holding_period(double years, int ticks)
    {
        Assert.Equal(ticks, FinanceRules.HoldingTicks(P with { HoldingYears = years }, 4));
    }
}
