using EcoSim.Model.Mechanisms;
using EcoSim.Model.Phases;
using EcoSim.Model.Tests.Support;
using EcoSim.Model.World;

namespace EcoSim.Model.Tests.Phases;

public class PolicyPhaseTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(11)]
    public void Allocation_sums_to_the_years_budget(int tick)
    {
        var spec = TestWorlds.Small(ticks: 12, timeline: [new ParameterChange("minBasicShare", 4, 4, 1.0 / 3, 1.0 / 3)]);
        var constants = WorldConstants.Derive(spec);
        var allocation = PolicyPhase.Allocate(spec, constants.ClusterKeys, tick);
        var p = spec.ParametersAt(tick);
        double budget = 100 * Math.Pow(1.06, tick / WorldSpec.TicksPerYear); // no level or growth events: 100 * 1.06^year

        Assert.Equal(tick, allocation.Tick);
        Assert.Equal(spec.ClusterCount * BudgetAllocation.Links, allocation.ByClusterAndLink.Length);
        Assert.Equal(budget, allocation.ByClusterAndLink.Sum(), budget * 1e-12);
        Assert.All(allocation.ByClusterAndLink, v => Assert.True(v >= 0));

        // Each link gets its share, each cluster its key.
        var shares = BudgetRules.LinkShares(p);
        for (int l = 0; l < BudgetAllocation.Links; l++)
            Assert.Equal(budget * shares[l], Enumerable.Range(0, spec.ClusterCount).Sum(c => allocation.For(c, (Link)l)), budget * 1e-12);
        for (int c = 0; c < spec.ClusterCount; c++)
            Assert.Equal(budget * constants.ClusterKeys[c], Enumerable.Range(0, BudgetAllocation.Links).Sum(l => allocation.For(c, (Link)l)), budget * 1e-12);

        // The one-third floor applies from tick 4.
        double basic = Enumerable.Range(0, spec.ClusterCount).Sum(c => allocation.For(c, Link.Basic)) / budget;
        Assert.Equal(tick >= 4 ? 1.0 / 3 : 0.2, basic, 1e-12);
    }

    [Fact]
    public void Budget_steps_up_once_a_year()
    {
        var spec = TestWorlds.Small(ticks: 12);
        var keys = WorldConstants.Derive(spec).ClusterKeys;
        double Total(int tick) => PolicyPhase.Allocate(spec, keys, tick).ByClusterAndLink.Sum();
        Assert.Equal(Total(0), Total(3));
        Assert.Equal(Total(0) * 1.06, Total(4), 1e-9);
        Assert.Equal(Total(4), Total(7));
    }
}
