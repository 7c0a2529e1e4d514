using EcoSim.Experiments.Engines;
using EcoSim.Explorer.Api;
using EcoSim.Explorer.Library;
using EcoSim.Explorer.Runs;
using EcoSim.Model.Engine;
using EcoSim.Model.World;
using EcoSim.Scenarios;

namespace EcoSim.Explorer.Tests;

/// <summary>
/// A branch continues its parent's in-memory snapshot instead of computing the shared history from tick 0, and its
/// quarters are still those of a run from tick 0 with the same levers, bit for bit.
/// </summary>
public sealed class BranchSnapshotTests
{
    // The baseline's clusters, 2,000 firms, seven years: long enough to play for a while and pause before the end.
    private const string Longer = """
        name: explorer-longer
        description: the baseline, small, to 2030
        extends: guangdong-baseline.yaml
        end: 2030Q4
        population:
          firms: 2000
        """;

    private static readonly Scenario Scenario = ScenarioLibrary.Shipped.LoadText(Longer);

    private static RunPlan Plan() => RunPlan.Of(Scenario, null, null, null, [], []);

    private static RunPlan WithTalent(RunPlan parent, int tick)
    {
        var problems = new List<InputProblem>();
        var world = parent.Scenario.World;
        var levers = new[] { new LeverSetting("talentWeight", 0.4, world.PeriodOf(tick).ToString()) };
        var changes = Levers.Check(levers, world, earliest: tick, "levers", problems);
        Assert.Empty(problems);
        return parent.Branched(changes, levers);
    }

    private static List<long[]> Oracle(WorldSpec world, int ticks) =>
        [.. new ReferenceEngine(world).Run().Take(ticks).SelectMany(o => o.Rows.Select(r => r.Values.Select(BitConverter.DoubleToInt64Bits).ToArray()))];

    private static List<long[]> Bits(IReadOnlyList<QuarterView> quarters) =>
        [.. quarters.SelectMany(q => q.Clusters.Append(q.Region).Select(r => r.Select(BitConverter.DoubleToInt64Bits).ToArray()))];

    private static WorldSpec TalentFrom(int tick) =>
        Scenario.World with { Timeline = [.. Scenario.World.Timeline, new ParameterChange("talentWeight", tick, tick, 0.4, 0.4)] };

    [Fact]
    public async Task A_branch_at_a_stepped_quarter_continues_the_parents_snapshot_there_and_equals_a_run_from_tick_0()
    {
        await using var engine = new ReferenceSimulation();
        await using var parent = LiveRun.Start("p", "s", Plan(), engine, TimeProvider.System);
        await parent.StepAsync(6, CancellationToken.None);
        Assert.Equal(6, parent.Snapshot?.Tick);
        await using var branch = await LiveRun.BranchAsync("b", parent, WithTalent(parent.Plan, 6), TimeProvider.System, CancellationToken.None);
        Assert.Equal(6, branch.StartTick);
        Assert.Equal(6, branch.Quarters);
        await branch.StepAsync(5, CancellationToken.None);
        Assert.Equal(Oracle(TalentFrom(6), 11), Bits(branch.QuartersFrom(0)));
        // A branch of the branch continues the branch's own snapshot.
        await using var second = await LiveRun.BranchAsync("c", branch, branch.Plan, TimeProvider.System, CancellationToken.None);
        Assert.Equal(11, second.StartTick);
        await second.StepAsync(2, CancellationToken.None);
        Assert.Equal(Oracle(TalentFrom(6), 13), Bits(second.QuartersFrom(0)));
    }

    [Fact]
    public async Task A_branch_after_a_pause_in_play_computes_at_most_a_few_quarters_again()
    {
        await using var engine = new ReferenceSimulation();
        await using var parent = LiveRun.Start("p", "s", Plan(), engine, TimeProvider.System);
        parent.Play(10);
        while (parent.Quarters < LiveRun.SnapshotEvery + 2) await Task.Delay(20);
        await parent.PauseAsync();
        int at = parent.Quarters;
        Assert.True(at < Scenario.World.Ticks, $"the parent finished before it was paused ({at} quarters)");
        await using var branch = await LiveRun.BranchAsync("b", parent, WithTalent(parent.Plan, at), TimeProvider.System, CancellationToken.None);
        Assert.InRange(branch.StartTick, at - LiveRun.SnapshotEvery + 1, at);
        await branch.StepAsync(3, CancellationToken.None);
        Assert.Equal(Oracle(TalentFrom(at), at + 3), Bits(branch.QuartersFrom(0)));
    }

    [Fact]
    public async Task A_snapshot_is_taken_only_where_the_run_stops_or_every_few_quarters()
    {
        await using var engine = new ReferenceSimulation();
        await using var run = LiveRun.Start("p", "s", Plan(), engine, TimeProvider.System);
        Assert.Null(run.Snapshot);
        await run.StepAsync(3, CancellationToken.None);
        Assert.Equal(3, run.Snapshot?.Tick);
        for (int i = 0; i < LiveRun.SnapshotEvery - 3 - 1; i++) await run.StepAsync(1, CancellationToken.None);
        await run.StepAsync(LiveRun.SnapshotEvery + 3, CancellationToken.None);
        // Within one long step the snapshot every few quarters is passed and the step's end is kept.
        Assert.Equal(2 * LiveRun.SnapshotEvery + 2, run.Snapshot?.Tick);
        Assert.True(run.Snapshot?.Bytes > 100_000, $"a 2,000-firm snapshot of {run.Snapshot?.Bytes} bytes");
    }
}
