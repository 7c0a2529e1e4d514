using System.Runtime.CompilerServices;
using EcoSim.Explorer.Api;
using EcoSim.Explorer.Library;
using EcoSim.Explorer.Runs;

namespace EcoSim.Explorer.Tests;

/// <summary>
/// Nothing in the explorer holds a run once it is deleted: its objects (the run, its quarters, its snapshot, its event
/// stream's channel) are collected by a full garbage collection, so memory the server keeps afterwards is the collector's
/// own reserve, not runs piling up.
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
        await server.PostAsync<RunView>($"api/runs/{run.Id}/play", new PlayRequest(20));
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
