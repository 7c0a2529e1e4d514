using System.Net;
using System.Net.Http.Json;
using EcoSim.Experiments.Engines;
using EcoSim.Explorer.Api;
using EcoSim.Explorer.Library;
using EcoSim.Explorer.Runs;

namespace EcoSim.Explorer.Tests;

/// <summary>Sessions own their runs, limits give a 429, a run in the wrong state a 409, idle runs are released.</summary>
public sealed class SessionAndStateTests
{
    private static StartRequest Small => new(ScenarioText: ExplorerServer.SmallScenario);

    [Fact]
    public async Task A_session_sees_and_drives_only_its_own_runs()
    {
        await using var server = await ExplorerServer.StartAsync();
        var mine = await server.StartRunAsync(Small);
        var other = server.NewSession();
        Assert.Empty(await server.GetAsync<RunView[]>("api/runs", other));
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"api/runs/{mine.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync($"api/runs/{mine.Id}/step", new StepRequest(1))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.DeleteAsync($"api/runs/{mine.Id}")).StatusCode);
        Assert.Equal(mine.Id, Assert.Single(await server.GetAsync<RunView[]>("api/runs")).Id);
    }

    [Fact]
    public async Task A_forged_session_id_gets_a_new_empty_session()
    {
        await using var server = await ExplorerServer.StartAsync();
        await server.StartRunAsync(Small);
        using var forged = new HttpRequestMessage(HttpMethod.Get, "api/runs");
        var client = server.NewSession();
        forged.Headers.Add("X-EcoSim-Session", "0123456789abcdef01234567.0123456789abcdef01234567");
        var response = await client.SendAsync(forged);
        Assert.Empty((await response.Content.ReadFromJsonAsync<RunView[]>(ExplorerServer.Json))!);
    }

    [Fact]
    public async Task Runs_beyond_the_limits_are_a_429_and_a_deleted_run_frees_its_place()
    {
        await using var server = await ExplorerServer.StartAsync(new ExplorerLimits(RunsPerSession: 2, Runs: 3));
        var first = await server.StartRunAsync(Small);
        await server.StartRunAsync(Small);
        var refused = await server.Client.PostAsJsonAsync("api/runs", Small, ExplorerServer.Json);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("this session already has 2 runs", (await ExplorerServer.ErrorOf(refused)).Error);
        var other = server.NewSession();
        await server.StartRunAsync(Small, other);
        var full = await other.PostAsJsonAsync("api/runs", Small, ExplorerServer.Json);
        Assert.Equal(HttpStatusCode.TooManyRequests, full.StatusCode);
        Assert.Contains("the explorer already holds 3 runs", (await ExplorerServer.ErrorOf(full)).Error);
        Assert.Equal(HttpStatusCode.NoContent, (await server.Client.DeleteAsync($"api/runs/{first.Id}")).StatusCode);
        await server.StartRunAsync(Small, other);
    }

    [Fact]
    public async Task A_run_refuses_what_its_state_does_not_allow()
    {
        await using var server = await ExplorerServer.StartAsync();
        var run = await server.StartRunAsync(Small);
        var early = await server.Client.PostAsJsonAsync($"api/runs/{run.Id}/branch", new BranchRequest());
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Contains("no quarter yet", (await ExplorerServer.ErrorOf(early)).Error);
        await server.PostAsync<RunHistory>($"api/runs/{run.Id}/step", new StepRequest(400));
        var history = await server.GetAsync<RunHistory>($"api/runs/{run.Id}");
        Assert.Equal(RunStatus.Finished, history.Run.Status);
        Assert.Equal(12, history.Quarters.Count);
        foreach (var (path, body) in new (string, object)[] { ("step", new StepRequest(1)), ("play", new PlayRequest(1)), ("branch", new BranchRequest()) })
        {
            var response = await server.Client.PostAsJsonAsync($"api/runs/{run.Id}/{path}", body);
            Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
            Assert.Contains("end of its scenario", (await ExplorerServer.ErrorOf(response)).Error);
        }
    }

    [Fact]
    public async Task A_playing_run_refuses_a_step_and_a_branch_until_paused()
    {
        await using var server = await ExplorerServer.StartAsync();
        var run = await server.StartRunAsync(new StartRequest());
        await server.PostAsync<RunView>($"api/runs/{run.Id}/play", new PlayRequest(1));
        var step = await server.Client.PostAsJsonAsync($"api/runs/{run.Id}/step", new StepRequest(1));
        Assert.Equal(HttpStatusCode.Conflict, step.StatusCode);
        var branch = await server.Client.PostAsJsonAsync($"api/runs/{run.Id}/branch", new BranchRequest());
        Assert.Equal(HttpStatusCode.Conflict, branch.StatusCode);
        var paused = await server.PostAsync<RunView>($"api/runs/{run.Id}/pause", null);
        Assert.Equal(RunStatus.Paused, paused.Status);
        var after = await server.PostAsync<RunHistory>($"api/runs/{run.Id}/step", new StepRequest(1));
        Assert.Equal(paused.Quarters + 1, after.Run.Quarters);
    }

    [Fact]
    public async Task Idle_runs_are_released_and_watched_ones_kept()
    {
        var clock = new ManualUtcClock();
        await using var engine = new ReferenceSimulation();
        await using var registry = new RunRegistry(engine, new ExplorerLimits(IdleTimeout: TimeSpan.FromMinutes(10)), clock);
        var plan = new RunPlan(ScenarioLibrary.Shipped.LoadText(ExplorerServer.SmallScenario), null, []);
        var idle = await registry.StartAsync("s", plan);
        var watched = await registry.StartAsync("s", plan);
        var used = await registry.StartAsync("s", plan);
        using var watching = registry.Watch(watched);
        clock.Advance(TimeSpan.FromMinutes(6));
        Assert.NotNull(registry.Find("s", used.Id));
        clock.Advance(TimeSpan.FromMinutes(6));
        Assert.Equal(1, await registry.ReleaseIdleAsync());
        Assert.Null(registry.Find("s", idle.Id));
        Assert.NotNull(registry.Find("s", watched.Id));
        Assert.NotNull(registry.Find("s", used.Id));
    }

    private sealed class ManualUtcClock : TimeProvider
    {
        private DateTimeOffset _now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        public override DateTimeOffset GetUtcNow() => _now;
        public void Advance(TimeSpan by) => _now += by;
    }
}
