using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using EcoSim.Explorer.Api;
using EcoSim.Explorer.Library;
using EcoSim.Explorer.Runs;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;

namespace EcoSim.Explorer.Tests;

/// <summary>
/// Nothing in the explorer holds a run once it is deleted: its objects (the run, its quarters, its snapshot, its event
/// stream's channel) are collected by a full garbage collection, and on the embedded silo its grains (the run grain, its
/// shards, labs, funds, talent pools and clusters) are deactivated, so memory the server keeps afterwards is the
/// collector's own reserve, not runs piling up (docs/PERFORMANCE.md, section 15).
/// </summary>
public sealed class ReleasedRunMemoryTests
{
    [Fact]
    public async Task A_deleted_run_that_was_stepped_played_watched_branched_and_downloaded_is_collected()
    {
        await using var server = await ExplorerServer.StartAsync();
        var (parent, branch) = await UseAndDeleteAsync(server);
        for (int i = 0; i < 5 && (parent.IsAlive || branch.IsAlive); i++)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true);
            GC.WaitForPendingFinalizers();
            await Task.Delay(50);
        }
        Assert.False(parent.IsAlive, "the deleted parent run is still held");
        Assert.False(branch.IsAlive, "the deleted branch is still held");
    }

    [Fact]
    public async Task The_grains_of_a_deleted_run_and_its_branch_on_the_embedded_silo_are_deactivated()
    {
        await using var app = ExplorerApp.CreateWithEmbeddedSilo(new ExplorerSettings("http://127.0.0.1:0"), firmsPerShard: 256, configure: builder => builder.WebHost.UseTestServer());
        await app.StartAsync();
        var management = app.Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0);
        async Task<int> RunGrains() =>
            (await management.GetSimpleGrainStatistics()).Where(s => s.GrainType.Contains("EcoSim", StringComparison.Ordinal)).Sum(s => s.ActivationCount);
        int before = await RunGrains();

        using var http = app.GetTestClient();
        var created = await http.PostAsJsonAsync("api/runs", new StartRequest(ScenarioText: ExplorerServer.SmallScenario), ExplorerServer.Json);
        http.DefaultRequestHeaders.Add("X-EcoSim-Session", created.Headers.GetValues("X-EcoSim-Session").First());
        var run = (await created.Content.ReadFromJsonAsync<RunView>(ExplorerServer.Json))!;
        Assert.True((await http.PostAsJsonAsync($"api/runs/{run.Id}/step", new StepRequest(4), ExplorerServer.Json)).IsSuccessStatusCode);
        var branched = await http.PostAsJsonAsync($"api/runs/{run.Id}/branch", new BranchRequest([new LeverSetting("talentWeight", 0.4)]), ExplorerServer.Json);
        var branch = (await branched.Content.ReadFromJsonAsync<RunView>(ExplorerServer.Json))!;
        Assert.True((await http.PostAsJsonAsync($"api/runs/{branch.Id}/step", new StepRequest(2), ExplorerServer.Json)).IsSuccessStatusCode);
        int live = await RunGrains();
        Assert.True(live > before + 2, $"two runs of 2,000 firms in shards of 256 hold more than {live} grains: the count does not see them");

        foreach (var id in new[] { branch.Id, run.Id })
            Assert.True((await http.DeleteAsync($"api/runs/{id}")).IsSuccessStatusCode);
        // Deactivation follows the release call (DeactivateOnIdle): give the silo a moment, not a fixed result.
        int left = live;
        for (int i = 0; i < 100 && (left = await RunGrains()) > before; i++) await Task.Delay(100);
        Assert.True(left == before, $"{left - before} of the {live - before} grains of the deleted run and branch are still active");
        await app.StopAsync();
    }

    // In a method of its own so that no local of the test's frame keeps the runs.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static async Task<(WeakReference Parent, WeakReference Branch)> UseAndDeleteAsync(ExplorerServer server)
    {
        var run = await server.StartRunAsync(new StartRequest(ScenarioText: ExplorerServer.SmallScenario));
        using (var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(1)))
        using (var events = await server.Client.GetAsync($"api/runs/{run.Id}/events", HttpCompletionOption.ResponseHeadersRead, cancel.Token))
        using (var reader = new StreamReader(await events.Content.ReadAsStreamAsync(cancel.Token)))
        {
            await server.PostAsync<RunHistory>($"api/runs/{run.Id}/step", new StepRequest(3));
            while (await reader.ReadLineAsync(cancel.Token) is { } line && !line.Contains("\"tick\":2", StringComparison.Ordinal)) { }
        }
        // Slow enough that the pause lands well before the scenario's twelfth quarter on a loaded machine, so a quarter is
        // left to branch into; the play still runs a quarter or two.
        await server.PostAsync<RunView>($"api/runs/{run.Id}/play", new PlayRequest(4));
        await Task.Delay(200);
        await server.PostAsync<RunView>($"api/runs/{run.Id}/pause", null);
        var branch = await server.PostAsync<RunView>($"api/runs/{run.Id}/branch", new BranchRequest([new LeverSetting("talentWeight", 0.4)]));
        await server.PostAsync<RunHistory>($"api/runs/{branch.Id}/step", new StepRequest(1));
        var zip = await server.Client.GetAsync($"api/runs/{branch.Id}/download?plots=false");
        Assert.True(zip.IsSuccessStatusCode, await zip.Content.ReadAsStringAsync());
        var firms = await server.Client.GetAsync($"api/runs/{run.Id}/firms?cluster=0");
        Assert.True(firms.IsSuccessStatusCode, await firms.Content.ReadAsStringAsync());
        var live = server.Runs.Of(server.ClientSession);
        var weak = (new WeakReference(live.Single(r => r.Id == run.Id)), new WeakReference(live.Single(r => r.Id == branch.Id)));
        live = null!;
        foreach (var id in new[] { branch.Id, run.Id })
            Assert.True((await server.Client.DeleteAsync($"api/runs/{id}")).IsSuccessStatusCode);
        Assert.Empty(server.Runs.Of(server.ClientSession));
        return weak;
    }
}
