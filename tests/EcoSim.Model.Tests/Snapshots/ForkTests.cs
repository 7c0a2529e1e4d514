using EcoSim.Model.Parameters;
using EcoSim.Model.Snapshots;
using EcoSim.Model.Tests.Support;
using EcoSim.Model.World;

namespace EcoSim.Model.Tests.Snapshots;

/// <summary>
/// A fork continues a snapshot under a world that changes only what acts from the snapshot's quarter on;
/// a world that changes the start, the population or the history already run is refused, naming what.
/// </summary>
public class ForkTests
{
    [Fact]
    public void A_policy_forked_before_its_first_change_gives_the_policys_uninterrupted_run()
    {
        // The one-third rule acts from 2024Q4 (tick 3): the baseline's snapshot after tick 2 is the policy's too.
        var baseline = SnapshotRuns.Library("guangdong-baseline.yaml");
        var policy = SnapshotRuns.Library("one-third-basic-research.yaml");
        ResumeTests.AssertIdentical(SnapshotRuns.Whole(policy), SnapshotRuns.Resumed(policy, SnapshotRuns.SnapshotAt(baseline, 3)));
    }

    [Fact]
    public void A_policy_forked_after_its_first_change_is_refused_naming_the_parameter()
    {
        var baseline = SnapshotRuns.Library("guangdong-baseline.yaml");
        var policy = SnapshotRuns.Library("one-third-basic-research.yaml");
        var refusal = Assert.IsType<SnapshotMismatchException>(SnapshotRuns.Refusal(SnapshotRuns.SnapshotAt(baseline, 5), policy));
        Assert.False(refusal.Unrelated);
        var difference = Assert.Single(refusal.Differences);
        Assert.Equal("parameter minBasicShare", difference.Component);
        Assert.Contains("before 2025Q2", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_parameter_changed_from_the_snapshots_quarter_on_forks_the_run()
    {
        var spec = TestWorlds.Small(ticks: 10);
        var fork = spec with { Timeline = [new ParameterChange("basicShare", 4, 4, 0.4, 0.4)] };
        var forked = SnapshotRuns.Resumed(fork, SnapshotRuns.SnapshotAt(spec, 4));
        ResumeTests.AssertIdentical(SnapshotRuns.Whole(fork), forked);
        Assert.Contains(Enumerable.Range(0, forked.Count), i => Bits.Differ(forked[i], SnapshotRuns.Whole(spec)[i]));
    }

    public static TheoryData<string> StartChanges() => ["population", "seed", "fixed parameter", "start", "clusters", "facility", "event"];

    [Theory]
    [MemberData(nameof(StartChanges))]
    public void A_world_that_differs_before_the_snapshot_is_refused_naming_the_difference(string change)
    {
        var spec = TestWorlds.Small(ticks: 10);
        var fixedParameter = ParameterCatalog.All.First(p => p.FixedAtStart);
        var (other, component, unrelated) = change switch
        {
            "population" => (spec with { Firms = 301 }, "population", false),
            "seed" => (spec with { Seed = 43 }, "seed", false),
            "fixed parameter" => (spec with { Parameters = ParameterCatalog.With(spec.Parameters, fixedParameter.Name, Shifted(fixedParameter)) },
                WorldHistory.ParameterName(fixedParameter.Name), false),
            "start" => (spec with { Start = spec.Start.AddQuarters(4) }, "start", true),
            "clusters" => (spec with { Relatedness = [1, 0.5, 0.2, 0.5, 1, 0.3, 0.2, 0.3, 1] }, "clusters", true),
            "facility" => (spec with { Facilities = [new FacilitySpec("f", 0, 2, 2, 20, 1, 0.2)] }, "facilities", false),
            _ => (spec with { Shocks = [new ClusterShock(ShockKind.Demand, 1, 3, 6, -0.2)] }, "events", false),
        };
        var refusal = Assert.IsType<SnapshotMismatchException>(SnapshotRuns.Refusal(SnapshotRuns.SnapshotAt(spec, 5), other));
        Assert.Contains(refusal.Differences, d => d.Component == component);
        Assert.Equal(unrelated, refusal.Unrelated);
        Assert.Contains(component, refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Facilities_and_events_begun_from_the_snapshots_quarter_on_are_a_fork()
    {
        var spec = TestWorlds.Small(ticks: 10);
        var fork = spec with { Facilities = [new FacilitySpec("f", 0, 5, 2, 20, 1, 0.2)], Shocks = [new ClusterShock(ShockKind.Demand, 1, 5, 8, -0.2)] };
        ResumeTests.AssertIdentical(SnapshotRuns.Whole(fork), SnapshotRuns.Resumed(fork, SnapshotRuns.SnapshotAt(spec, 5)));
    }

    [Fact]
    public void An_unrelated_library_scenario_is_refused_as_unrelated()
    {
        var refusal = Assert.IsType<SnapshotMismatchException>(SnapshotRuns.Refusal(
            SnapshotRuns.SnapshotAt(SnapshotRuns.Library("guangdong-baseline.yaml", ticks: 4), 2), SnapshotRuns.Library("guangdong-backcast-2016.yaml", ticks: 4)));
        Assert.True(refusal.Unrelated);
        Assert.StartsWith("the scenario is unrelated", refusal.Message, StringComparison.Ordinal);
    }

    private static double Shifted(ParameterSpec p) => p.Default + (p.Max - p.Default) / 2;
}
