using EcoSim.Experiments.Checkpoints;
using EcoSim.Model.Parameters;
using EcoSim.Model.Time;
using EcoSim.Model.World;

namespace EcoSim.Client.Tests;

/// <summary>When checkpoints are taken, what a fork's --set means, and what each refuses.</summary>
public class CheckpointScheduleTests
{
    private static readonly WorldSpec World = new()
    {
        Start = new Period(2024, 1), Ticks = 20, Seed = 1, Clusters = [new ClusterSpec("a", "A", ClusterKind.Pillar, 100, 0.02, 1)],
        Relatedness = [1], Firms = 10, Labs = [], Funds = [], Parameters = new ModelParameters(),
    };

    [Theory]
    [InlineData(8, new string[0], new[] { 8, 16 })]
    [InlineData(5, new string[0], new[] { 5, 10, 15, 20 })]
    [InlineData(null, new[] { "2025Q1" }, new[] { 4 })]
    [InlineData(null, new[] { "2025Q1,2026Q3", "2024Q2" }, new[] { 1, 4, 10 })]
    [InlineData(8, new[] { "2026Q1" }, new[] { 8, 16 })]
    [InlineData(null, new[] { "2029Q1" }, new[] { 20 })]
    public void A_checkpoint_is_taken_after_the_ticks_before_its_quarter(int? every, string[] at, int[] ticks)
    {
        var schedule = CheckpointSchedule.TryParse(World, every, at, out var problems);
        Assert.Empty(problems);
        Assert.Equal(ticks, schedule!.Ticks);
        Assert.Equal("2025Q1.ecosnap", CheckpointNames.FileName(World.PeriodOf(4)));
    }

    [Theory]
    [InlineData(0, "", "at least 1")]
    [InlineData(null, "2024Q1", "outside the run")]
    [InlineData(null, "2029Q2", "outside the run")]
    [InlineData(null, "2023Q4", "outside the run")]
    [InlineData(null, "2025Q5", "is not a quarter")]
    [InlineData(null, "25Q1", "is not a quarter")]
    [InlineData(null, "2025Q1,", "is not a quarter")]
    public void A_period_outside_the_run_or_not_a_quarter_is_refused(int? every, string at, string message)
    {
        var schedule = CheckpointSchedule.TryParse(World, every, at.Length == 0 ? [] : [at], out var problems);
        Assert.Null(schedule);
        Assert.Contains(problems, p => p.Contains(message, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("basicShare")]
    [InlineData("noSuchParameter=1")]
    [InlineData("=0.3")]
    [InlineData("basicShare=lots")]
    [InlineData("basicShare=2")]
    [InlineData("basicShare=NaN")]
    public void A_malformed_fork_setting_is_refused(string setting)
    {
        Assert.Null(ForkedScenario.TryParse([setting], out var problems));
        Assert.Single(problems);
        Assert.Contains(setting, problems[0], StringComparison.Ordinal);
    }

    [Fact]
    public void A_fork_setting_holds_from_the_checkpoint_on_and_leaves_the_quarters_before_alone()
    {
        var settings = ForkedScenario.TryParse(["basicShare=0.35"], out _)!;
        var scenario = new Scenarios.Scenario("s", "d", "s.yaml", [], World with { Timeline = [new ParameterChange("basicShare", 2, 2, 0.25, 0.25)] });
        var forked = ForkedScenario.Apply(scenario, settings, 6).World;
        Assert.Equal([0.20, 0.20, 0.25, 0.25, 0.25, 0.25, 0.35, 0.35], Enumerable.Range(0, 8).Select(t => forked.ParametersAt(t).BasicShare));
        Assert.Equal("--set basicShare=0.35", ForkedScenario.Describe(settings[0]));
    }
}
