using System.Net;
using System.Net.Http.Json;
using EcoSim.Explorer.Api;
using EcoSim.Explorer.Library;
using EcoSim.Explorer.Runs;
using EcoSim.Model.Engine;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;

namespace EcoSim.Explorer.Tests;

/// <summary>The explorer with its own embedded silo: runs are run grains with the reference engine's bytes, and the Orleans Dashboard answers this machine only.</summary>
public sealed class EmbeddedSiloTests
{
    [Fact]
    public async Task Runs_on_the_embedded_silo_are_the_reference_engines_and_the_dashboard_is_served_on_loopback()
    {
        await using var app = ExplorerApp.CreateWithEmbeddedSilo(new ExplorerSettings("http://127.0.0.1:0"), firmsPerShard: 256);
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(ExplorerApp.Addresses(app)[0] + "/") };
        var created = await http.PostAsJsonAsync("api/runs", new StartRequest(ScenarioText: ExplorerServer.SmallScenario), ExplorerServer.Json);
        http.DefaultRequestHeaders.Add("X-EcoSim-Session", created.Headers.GetValues("X-EcoSim-Session").First());
        var run = (await created.Content.ReadFromJsonAsync<RunView>(ExplorerServer.Json))!;
        var stepped = await http.PostAsJsonAsync($"api/runs/{run.Id}/step", new StepRequest(6), ExplorerServer.Json);
        var history = (await stepped.Content.ReadFromJsonAsync<RunHistory>(ExplorerServer.Json))!;
        var world = ScenarioLibrary.Shipped.LoadText(ExplorerServer.SmallScenario).World;
        var expected = new ReferenceEngine(world).Run().Take(6).Select(o => o.Rows[^1].Values.Select(BitConverter.DoubleToInt64Bits).ToArray()).ToList();
        Assert.Equal(expected, history.Quarters.Select(q => q.Region.Select(BitConverter.DoubleToInt64Bits).ToArray()).ToList());

        // A branch continues the run grain's snapshot at the paused quarter and computes what a run from tick 0 with its lever computes.
        var branched = await http.PostAsJsonAsync($"api/runs/{run.Id}/branch", new BranchRequest([new LeverSetting("talentWeight", 0.4)]), ExplorerServer.Json);
        var branch = (await branched.Content.ReadFromJsonAsync<RunView>(ExplorerServer.Json))!;
        await http.PostAsJsonAsync($"api/runs/{branch.Id}/step", new StepRequest(3), ExplorerServer.Json);
        var branchHistory = (await http.GetFromJsonAsync<RunHistory>($"api/runs/{branch.Id}", ExplorerServer.Json))!;
        var levered = world with { Timeline = [.. world.Timeline, new EcoSim.Model.World.ParameterChange("talentWeight", 6, 6, 0.4, 0.4)] };
        var expectedBranch = new ReferenceEngine(levered).Run().Take(9).Select(o => o.Rows[^1].Values.Select(BitConverter.DoubleToInt64Bits).ToArray()).ToList();
        Assert.Equal(expectedBranch, branchHistory.Quarters.Select(q => q.Region.Select(BitConverter.DoubleToInt64Bits).ToArray()).ToList());

        var dashboard = await http.GetAsync("dashboard/");
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        Assert.Contains("Orleans Dashboard", await dashboard.Content.ReadAsStringAsync());
        await app.StopAsync();
    }

    [Fact]
    public async Task The_dashboard_refuses_callers_that_are_not_this_machine()
    {
        await using var app = ExplorerApp.CreateWithEmbeddedSilo(new ExplorerSettings("http://127.0.0.1:0"), configure: builder => builder.WebHost.UseTestServer());
        await app.StartAsync();
        // The in-memory server's requests come from no address, as a remote one would for this check.
        var response = await app.GetTestClient().GetAsync("dashboard/");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("answers only on this machine", await response.Content.ReadAsStringAsync());
        await app.StopAsync();
    }
}
