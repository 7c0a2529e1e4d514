using System.Net.Http.Json;
using EcoSim.Experiments.Engines;
using EcoSim.Explorer;
using EcoSim.Explorer.Api;
using EcoSim.Explorer.Library;
using EcoSim.Explorer.Runs;
using EcoSim.Hosting;
using EcoSim.Model.Engine;
using EcoSim.Model.World;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

using static EcoSim.Cluster.Tests.ExplorerHttp;

namespace EcoSim.Cluster.Tests;

/// <summary>
/// <c>ecosim serve --cluster</c>: the explorer, in this process over real HTTP, driving runs on the cluster's silos.
/// A branch's shared history is its parent's and its own quarters a run's from tick 0, bit for bit; and a run deleted
/// while paused, which never finishes, leaves none of its restart checkpoints in the cluster's Redis; a live run's
/// restart points are paced by their cost, not stored at every snapshot it keeps in memory for branching.
/// </summary>
[Collection(OneClusterCollection.Name)]
public sealed class ExplorerOnTheClusterTests
{
    [ClusterFact]
    public async Task A_branch_on_the_cluster_shares_its_parents_history_bit_for_bit_and_deleted_runs_leave_no_checkpoint_in_redis()
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(ClusterRedis.Options());
        var server = redis.GetServer(redis.GetEndPoints().Single());
        var before = CheckpointKeys(server);

        var errors = new StringWriter();
        // A restart point every 2 quarters, so that the paused runs surely hold some when they are deleted.
        await using var engine = await EngineAsync(RestartPolicy.Default with { Log = errors, CheckpointEvery = 2 });
        await using var app = ExplorerApp.Create(new ExplorerSettings("http://127.0.0.1:0"), engine);
        await app.StartAsync();
        using var http = await SessionAsync(app);

        var parent = await PostAsync<RunView>(http, "api/runs", new StartRequest(ScenarioText: Small));
        await PostAsync<RunHistory>(http, $"api/runs/{parent.Id}/step", new StepRequest(6));
        // The paused run keeps a restart checkpoint in the store (the test sees the keys it looks for).
        Assert.NotEmpty(await NewKeysAsync(server, before, expectSome: true));

        var levers = new[] { new LeverSetting("talentWeight", 0.4) };
        var branch = await PostAsync<RunView>(http, $"api/runs/{parent.Id}/branch", new BranchRequest(levers));
        var own = await PostAsync<RunHistory>(http, $"api/runs/{branch.Id}/step", new StepRequest(3));
        Assert.Equal(9, own.Run.Quarters);

        var parentQuarters = (await http.GetFromJsonAsync<RunHistory>($"api/runs/{parent.Id}", Json))!.Quarters;
        var branchQuarters = (await http.GetFromJsonAsync<RunHistory>($"api/runs/{branch.Id}", Json))!.Quarters;
        Assert.Equal(6, parentQuarters.Count);
        Assert.Equal(Bits(parentQuarters), Bits(branchQuarters.Take(6)));
        // And the branch as a whole is a run from tick 0 with the lever from its quarter, on the reference engine.
        var world = ScenarioLibrary.Shipped.LoadText(Small).World;
        var problems = new List<InputProblem>();
        var changes = Levers.Check([levers[0] with { From = world.PeriodOf(6).ToString() }], world, earliest: 6, "levers", problems);
        Assert.Empty(problems);
        Assert.Equal(Oracle(world with { Timeline = [.. world.Timeline, .. changes] }, 9), Bits(branchQuarters));

        foreach (var id in new[] { branch.Id, parent.Id })
            Assert.True((await http.DeleteAsync($"api/runs/{id}")).IsSuccessStatusCode, $"DELETE api/runs/{id}");
        Assert.Empty(await NewKeysAsync(server, before, expectSome: false));
        Assert.DoesNotContain("warning", errors.ToString(), StringComparison.Ordinal);
        await app.StopAsync();
    }

    [ClusterFact]
    public async Task A_live_run_paused_at_every_quarter_keeps_its_snapshots_in_memory_but_stores_restart_points_only_as_the_pacer_allows()
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(ClusterRedis.Options());
        var server = redis.GetServer(redis.GetEndPoints().Single());
        var before = CheckpointKeys(server);
        var errors = new StringWriter();
        await using var engine = await EngineAsync(RestartPolicy.Default with { Log = errors });
        await using var app = ExplorerApp.Create(new ExplorerSettings("http://127.0.0.1:0"), engine);
        await app.StartAsync();
        using var http = await SessionAsync(app);

        var run = await PostAsync<RunView>(http, "api/runs", new StartRequest(ScenarioText: Small));
        for (int i = 0; i < 4; i++) await PostAsync<RunHistory>(http, $"api/runs/{run.Id}/step", new StepRequest(1));
        string session = http.DefaultRequestHeaders.GetValues("X-EcoSim-Session").Single();
        // The snapshot for branching is where the run paused; a restart point stored at every pause would cost a
        // live run several quarters each, so none is due yet (the first after about 80 quarters' time, at a 5% budget).
        Assert.Equal(4, app.Services.GetRequiredService<RunRegistry>().Find(session, run.Id)?.Snapshot?.Tick);
        Assert.Empty(await NewKeysAsync(server, before, expectSome: false));
        Assert.True((await http.DeleteAsync($"api/runs/{run.Id}")).IsSuccessStatusCode);
        await app.StopAsync();
    }

    // The checkpoint keys not in 'before'. A checkpoint's writes go on after the step that took it returns, so keys
    // expected to appear are waited for a while; after a delete, which waits for its run's store to be cleared, they are read once.
    private static async Task<List<string>> NewKeysAsync(IServer server, HashSet<string> before, bool expectSome)
    {
        for (int wait = 0; ; wait++)
        {
            var keys = CheckpointKeys(server).Where(k => !before.Contains(k)).ToList();
            if (!expectSome || keys.Count > 0 || wait == 100) return keys;
            await Task.Delay(100);
        }
    }

    private static HashSet<string> CheckpointKeys(IServer server) =>
        [.. server.Keys(pattern: "*checkpoints-*", pageSize: 1000).Select(k => k.ToString())];
}
