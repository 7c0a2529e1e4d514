using EcoSim.Model.Tests.Support;
using EcoSim.Scenarios;

namespace EcoSim.Model.Tests.ScenarioLoading;

/// <summary>The scenario syntax of large science facilities (a one-off event) and development pipelines (a cluster flag).</summary>
public class FacilityAndPipelineTests
{
    private const string Facility =
        "  - at: 2025Q2\n" +
        "    facility: { name: neutrino observatory, cluster: beta, buildYears: 1.5, operationYears: 30, costPerYear: 0.4, knowledgeBoost: 0.3 }\n";

    [Fact]
    public void A_facility_event_becomes_a_facility_of_the_world()
    {
        using var folder = new TempFolder();
        var world = ScenarioLoader.Load(folder.Write("s.yaml", TinyScenario.Text + Facility)).World;
        var facility = Assert.Single(world.Facilities);
        Assert.Equal("neutrino observatory", facility.Name);
        Assert.Equal(1, facility.Cluster);         // beta
        Assert.Equal(5, facility.StartTick);       // 2025Q2 is five quarters after 2024Q1
        Assert.Equal(1.5, facility.BuildYears);
        Assert.Equal(30, facility.OperationYears);
        Assert.Equal(0.4, facility.CostPerYear);
        Assert.Equal(0.3, facility.KnowledgeBoost);
    }

    [Fact]
    public void A_facility_in_an_unknown_cluster_is_reported_at_its_cluster_key()
    {
        using var folder = new TempFolder();
        string path = folder.Write("s.yaml", TinyScenario.Text + Facility.Replace("cluster: beta", "cluster: delta"));
        var error = Assert.Single(TinyScenario.Fails(path).Errors);
        Assert.Equal("events[1].facility.cluster", error.Key);
        Assert.Equal(28, error.Line);
        Assert.Contains("unknown cluster 'delta'; did you mean 'beta'? (known: alpha, beta, gamma)", error.Message);
    }

    [Theory]
    [InlineData("buildYears: 1.5", "buildYears: -1", "events[1].facility.buildYears", "outside the allowed range [0, 50] yr")]
    [InlineData("costPerYear: 0.4", "costPerYear: lots", "events[1].facility.costPerYear", "expected a number, found 'lots'")]
    [InlineData("knowledgeBoost: 0.3", "knowledgeBoost: 0.3, size: big", "events[1].facility.size", "unknown key")]
    [InlineData("name: neutrino observatory, ", "", "events[1].facility.name", "is required")]
    public void Malformed_facilities_are_reported(string find, string replace, string key, string fragment)
    {
        using var folder = new TempFolder();
        string path = folder.Write("s.yaml", TinyScenario.Text + Facility.Replace(find, replace));
        var errors = TinyScenario.Fails(path).Errors;
        Assert.Contains(errors, e => e.Key == key && e.Message.Contains(fragment, StringComparison.Ordinal) && e.Line == 28);
    }

    [Fact]
    public void A_facility_outside_the_horizon_is_reported()
    {
        using var folder = new TempFolder();
        string path = folder.Write("s.yaml", TinyScenario.Text + Facility.Replace("2025Q2", "2031Q1"));
        var error = Assert.Single(TinyScenario.Fails(path).Errors);
        Assert.Contains("facility date 2031Q1 is outside the horizon 2024Q1..2026Q4", error.Message);
    }

    [Fact]
    public void An_event_with_set_and_facility_is_reported()
    {
        using var folder = new TempFolder();
        string path = folder.Write("s.yaml", TinyScenario.Text + Facility + "    set: { basicShare: 0.3 }\n");
        Assert.Contains(TinyScenario.Fails(path).Errors, e => e.Message.Contains("exactly one of 'set', 'ramp', 'facility', 'demandShock', 'rdSubsidy', 'talentProgramme', 'guidanceFundInjection'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_cluster_can_carry_a_development_pipeline()
    {
        using var folder = new TempFolder();
        string text = TinyScenario.WithLine(16, "  - { id: beta, kind: emerging, revenue: 300, rdIntensity: 0.06, pipeline: true }");
        var world = ScenarioLoader.Load(folder.Write("s.yaml", text)).World;
        Assert.False(world.Clusters[0].HasPipeline);
        Assert.True(world.Clusters[1].HasPipeline);
    }

    [Fact]
    public void The_pipeline_flag_must_be_true_or_false()
    {
        using var folder = new TempFolder();
        string path = folder.Write("s.yaml", TinyScenario.WithLine(16, "  - { id: beta, kind: emerging, revenue: 300, rdIntensity: 0.06, pipeline: yes }"));
        TinyScenario.AssertSingleError(path, 16, 76, "clusters[1].pipeline", "expected true or false, found 'yes'");
    }
}

/// <summary>The scenario syntax of one-off cluster events.</summary>
public class ClusterShockSyntaxTests
{
    [Fact]
    public void Each_kind_of_cluster_event_becomes_a_shock_of_the_world()
    {
        using var folder = new TempFolder();
        string text = TinyScenario.Text +
            "  - at: 2025Q2\n    demandShock: { cluster: beta, change: -0.2, until: 2025Q4 }\n" +
            "  - at: 2025Q1\n    rdSubsidy: { cluster: alpha, extraSuperDeduction: 0.5 }\n" +
            "  - at: 2024Q3\n    talentProgramme: { cluster: gamma, researchersPerYear: 2000, until: 2026Q1 }\n" +
            "  - at: 2025Q1\n    guidanceFundInjection: { amount: 50 }\n";
        var shocks = ScenarioLoader.Load(folder.Write("s.yaml", text)).World.Shocks;
        Assert.Equal(
        [
            new EcoSim.Model.World.ClusterShock(EcoSim.Model.World.ShockKind.Demand, 1, 5, 7, -0.2),
            new EcoSim.Model.World.ClusterShock(EcoSim.Model.World.ShockKind.RdSubsidy, 0, 4, 12, 0.5),
            new EcoSim.Model.World.ClusterShock(EcoSim.Model.World.ShockKind.TalentProgramme, 2, 2, 8, 2000),
            new EcoSim.Model.World.ClusterShock(EcoSim.Model.World.ShockKind.GuidanceInjection, 0, 4, 5, 50),
        ], shocks);
    }

    [Theory]
    [InlineData("    demandShock: { cluster: delta, change: -0.2 }", "events[1].demandShock.cluster", "unknown cluster 'delta'")]
    [InlineData("    demandShock: { cluster: beta, change: -2 }", "events[1].demandShock.change", "outside the allowed range [-1, 10] share of demand")]
    [InlineData("    talentProgramme: { cluster: beta, researchersPerYear: 10, until: 2024Q2 }", "events[1].talentProgramme.until", "must be after the event's 'at' (2025Q2)")]
    [InlineData("    rdSubsidy: { cluster: beta, extraSuperDeduction: 0.5, until: 2027Q2 }", "events[1].rdSubsidy.cluster", "'until' 2027Q2 is after the horizon's end 2026Q4")]
    [InlineData("    guidanceFundInjection: { amount: 5, cluster: beta }", "events[1].guidanceFundInjection.cluster", "unknown key")]
    public void Malformed_cluster_events_are_reported(string line, string key, string fragment)
    {
        using var folder = new TempFolder();
        string path = folder.Write("s.yaml", TinyScenario.Text + "  - at: 2025Q2\n" + line + "\n");
        Assert.Contains(TinyScenario.Fails(path).Errors, e => e.Key == key && e.Message.Contains(fragment, StringComparison.Ordinal));
    }
}
