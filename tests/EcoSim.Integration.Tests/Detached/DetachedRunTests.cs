using EcoSim.Experiments.Engines;
using EcoSim.Grains.Abstractions;
using EcoSim.Model.Metrics;
using EcoSim.Scenarios;

namespace EcoSim.Integration.Tests.Detached;

/// <summary>A run driven by its own grain on a test silo: the same bytes as the reference engine, observed by long polls, released when nobody looks.</summary>
[Collection(DetachedRunClusterCollection.Name)]
public sealed class DetachedRunTests(DetachedRunCluster fixture)
{
    private IGrainFactory Grains => fixture.Cluster.GrainFactory;

    private static Scenario Small(int ticks)
    {
        var small = TestFiles.LoadSmall();
        return small with { World = small.World with { Ticks = ticks } };
    }

    private async Task<string> Follow(string runId, Scenario scenario)
    {
        await using var observer = new DetachedRunObserver(OrleansConnections.Borrow(Grains, 1), runId, 64);
        var rows = new List<MetricsRow>();
        await foreach (var tick in observer.RunAsync(scenario.World, CancellationToken.None)) rows.AddRange(tick.Rows);
        return MetricsText.Of(rows);
    }

    [Fact]
    public async Task A_run_driven_on_the_server_gives_the_reference_engines_bytes_and_can_be_followed_twice()
    {
        var scenario = Small(6);
        string id = await DetachedRuns.StartAsync(Grains, scenario, 64, ["run", "small.yaml"]);
        Assert.True(DetachedRuns.IsWellFormed(id));
        string reference = MetricsText.OfReference(scenario.World);
        Assert.Equal(reference, await Follow(id, scenario));
        // A second observer of the finished run gets every tick again.
        Assert.Equal(reference, await Follow(id, scenario));
    }

    [Fact]
    public async Task The_description_gives_back_the_scenario_and_the_command_it_was_started_with()
    {
        var scenario = Small(2);
        string id = await DetachedRuns.StartAsync(Grains, scenario, 64, ["run", "small.yaml", "--ticks", "2"]);
        var described = await DetachedRuns.DescribeAsync(Grains, id);
        Assert.NotNull(described);
        var (again, spec) = described.Value;
        Assert.Equal(scenario.Sha256, again.Sha256);
        Assert.Equal((scenario.World.Ticks, scenario.World.Seed), (again.World.Ticks, again.World.Seed));
        Assert.Equal(["run", "small.yaml", "--ticks", "2"], spec.CommandLine);
        Assert.Equal(MetricsText.OfReference(scenario.World), await Follow(id, again));
    }

    [Fact]
    public async Task An_observation_waits_for_the_next_tick_and_then_returns_only_the_new_rows()
    {
        var scenario = Small(3);
        var run = Grains.GetGrain<IRunGrain>(await DetachedRuns.StartAsync(Grains, scenario, 64, ["run"]));
        var first = await run.Observe(0, TimeSpan.FromSeconds(15));
        Assert.NotEmpty(first.Rows);
        Assert.Equal(0, first.Rows[0].Tick);
        int from = first.Rows.Count;
        var next = await run.Observe(from, TimeSpan.FromSeconds(15));
        Assert.All(next.Rows, r => Assert.True(r.Tick >= from));
        await Assert.ThrowsAsync<InvalidOperationException>(() => run.Step());
    }

    [Fact]
    public async Task An_unknown_run_id_is_answered_as_unknown()
    {
        var run = Grains.GetGrain<IRunGrain>($"run-{Guid.NewGuid():N}");
        var seen = await run.Observe(0, TimeSpan.FromSeconds(1));
        Assert.Equal(DetachedRunState.Unknown, seen.State);
        Assert.Empty(seen.Rows);
        Assert.Null(await run.Describe());
    }

    [Fact]
    public async Task A_run_with_more_ticks_than_a_detached_run_keeps_is_refused()
    {
        var scenario = Small(2);
        var world = scenario.World with { Ticks = 10_001 };
        var e = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => DetachedRuns.StartAsync(Grains, scenario with { World = world }, 64, ["run"]));
        Assert.Contains("at most 10000 ticks", e.Message);
    }

    [Fact]
    public async Task A_finished_run_nobody_observes_is_released_after_the_orphan_timeout()
    {
        var scenario = Small(2);
        string id = await DetachedRuns.StartAsync(Grains, scenario, 64, ["run"]);
        var run = Grains.GetGrain<IRunGrain>(id);
        RunObservation seen;
        do seen = await run.Observe(0, TimeSpan.FromSeconds(15)); while (seen.State == DetachedRunState.Running);
        Assert.Equal(DetachedRunState.Finished, seen.State);
        // Describe does not count as an observation, so it may poll until the run is gone (the timeout is 1 s here).
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (await run.Describe() is not null && DateTime.UtcNow < deadline) await Task.Delay(250);
        Assert.Null(await run.Describe());
        // The grain remembers that it released the run, and after how long, so a client coming back is told why.
        var released = await run.Observe(0, TimeSpan.Zero);
        Assert.Equal((DetachedRunState.Released, DetachedRunCluster.OrphanTimeout), (released.State, released.OrphanTimeout));
        Assert.Empty(released.Rows);
        Assert.Contains("was released after 1 second unobserved", DetachedRuns.Missing(id, released));
        await Assert.ThrowsAsync<InvalidOperationException>(() => run.Detach(scenario.World, new RunLayout(64), new DetachedRunSpec("x", "", "", [], [], [], 64, scenario.World)));
    }

    [Fact]
    public async Task Finding_a_run_tells_an_unknown_id_from_a_released_one_and_an_observer_stops_on_either()
    {
        string unknown = $"run-{Guid.NewGuid():N}";
        var missing = await Assert.ThrowsAsync<DetachedRunMissingException>(() => DetachedRuns.FindAsync(Grains, unknown));
        Assert.Contains($"no run '{unknown}' is known to the cluster", missing.Message);
        Assert.Contains("released after 1 second unobserved", missing.Message);
        await Assert.ThrowsAsync<DetachedRunMissingException>(() => Follow(unknown, Small(2)));
    }

    [Theory]
    [InlineData(600, "10 minutes")]
    [InlineData(60, "1 minute")]
    [InlineData(90, "90 seconds")]
    [InlineData(1, "1 second")]
    public void A_timeout_is_said_in_whole_minutes_or_seconds(int seconds, string words) =>
        Assert.Equal(words, DetachedRuns.Duration(TimeSpan.FromSeconds(seconds)));
}
