using EcoSim.Model.Engine;
using EcoSim.Model.Mechanisms;
using EcoSim.Model.Metrics;
using EcoSim.Model.Tests.Support;
using EcoSim.Model.World;

namespace EcoSim.Model.Tests.Mechanisms;

public class FacilityRulesTests
{
    // Built in cluster 1 (beta) from tick 4 over 2 years (ticks 4..11), then operating 30 years (ticks 12..131).
    private static readonly FacilitySpec Observatory = new("observatory", 1, 4, 2, 30, 1.5, 0.5);

    private static WorldSpec World(int ticks = 24, params FacilitySpec[] facilities) => TestWorlds.Small(ticks: ticks) with { Facilities = facilities };

    [Fact]
    public void A_facility_is_built_then_operates_then_closes()
    {
        Assert.False(Observatory.UnderConstruction(3));
        Assert.True(Observatory.UnderConstruction(4));
        Assert.True(Observatory.UnderConstruction(11));
        Assert.False(Observatory.UnderConstruction(12));
        Assert.False(Observatory.Operating(11));
        Assert.True(Observatory.Operating(12));
        Assert.True(Observatory.Operating(131));
        Assert.False(Observatory.Operating(132));
    }

    [Fact]
    public void Construction_is_paid_from_the_host_clusters_basic_budget_and_never_exceeds_it()
    {
        var world = World(facilities: Observatory);
        Assert.Equal(0, FacilityRules.ConstructionSpending(world, 1, 3, 10));
        Assert.Equal(1.5, FacilityRules.ConstructionSpending(world, 1, 4, 10));
        Assert.Equal(0, FacilityRules.ConstructionSpending(world, 0, 4, 10));   // another cluster pays nothing
        Assert.Equal(1.0, FacilityRules.ConstructionSpending(world, 1, 4, 1.0)); // capped at the budget
    }

    [Fact]
    public void An_operating_facility_boosts_its_cluster_fully_and_related_clusters_by_relatedness()
    {
        var world = World(facilities: Observatory);
        Assert.Equal(1, FacilityRules.KnowledgeMultiplier(world, 1, 11));
        Assert.Equal(1.5, FacilityRules.KnowledgeMultiplier(world, 1, 12), 12);        // 1 + 0.5 * 1
        Assert.Equal(1.3, FacilityRules.KnowledgeMultiplier(world, 0, 12), 12);        // 1 + 0.5 * 0.6
        Assert.Equal(1.15, FacilityRules.KnowledgeMultiplier(world, 2, 12), 12);       // 1 + 0.5 * 0.3
    }

    [Fact]
    public void A_facility_costs_knowledge_while_built_and_adds_knowledge_once_it_operates()
    {
        var without = new ReferenceEngine(World()).Run().Select(o => o.Rows).ToList();
        var with = new ReferenceEngine(World(facilities: Observatory)).Run().Select(o => o.Rows).ToList();
        // Identical before construction starts (common random numbers).
        for (int t = 0; t < 4; t++) Assert.Equal(without[t], with[t]);
        // During construction the host's labs have less basic money: its knowledge grows less.
        Assert.True(with[11][1][MetricColumns.KnowledgeStock] < without[11][1][MetricColumns.KnowledgeStock]);
        Assert.Equal(1.5, with[8][1][MetricColumns.FacilitySpending]);
        Assert.True(with[8][1][MetricColumns.TotalRd] > 0);
        // Eight years into operation the host's stock is above the world without the facility.
        Assert.True(with[^1][1][MetricColumns.KnowledgeStock] > without[^1][1][MetricColumns.KnowledgeStock],
            $"with {with[^1][1][MetricColumns.KnowledgeStock]} vs without {without[^1][1][MetricColumns.KnowledgeStock]}");
    }
}
