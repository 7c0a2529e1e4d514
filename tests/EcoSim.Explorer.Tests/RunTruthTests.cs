using System.Net.Http.Json;
using EcoSim.Explorer.Api;
using EcoSim.Explorer.Library;
using EcoSim.Explorer.Runs;
using EcoSim.Model.Engine;
using EcoSim.Model.Metrics;
using EcoSim.Model.World;

namespace EcoSim.Explorer.Tests;

/// <summary>What the explorer shows is what the engine computes: quarters, levers from their quarter, branches.</summary>
public sealed class RunTruthTests
{
    private static readonly WorldSpec Small = ScenarioLibrary.Shipped.LoadText(ExplorerServer.SmallScenario).World;

    private static List<QuarterView> Oracle(WorldSpec world, int ticks) =>
        [.. new ReferenceEngine(world).Run().Take(ticks).Select(o => new QuarterView(o.Tick, world.PeriodOf(o.Tick).ToString(),
            [.. o.Rows[^1].Values], [.. o.Rows.Take(o.Rows.Count - 1).Select(r => r.Values.ToArray())]))];

    private static void AssertSame(IReadOnlyList<QuarterView> expected, IReadOnlyList<QuarterView> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (int t = 0; t < expected.Count; t++)
        {
            Assert.Equal(expected[t].Tick, actual[t].Tick);
            Assert.Equal(expected[t].Period, actual[t].Period);
            Assert.Equal(expected[t].Region.Select(BitConverter.DoubleToInt64Bits), actual[t].Region.Select(BitConverter.DoubleToInt64Bits));
            Assert.Equal(expected[t].Clusters.Length, actual[t].Clusters.Length);
            for (int c = 0; c < expected[t].Clusters.Length; c++)
                Assert.Equal(expected[t].Clusters[c].Select(BitConverter.DoubleToInt64Bits), actual[t].Clusters[c].Select(BitConverter.DoubleToInt64Bits));
        }
    }

    [Fact]
    public async Task Stepped_quarters_are_the_engines_own_bit_for_bit()
    {
        await using var server = await ExplorerServer.StartAsync();
        var run = await server.StartRunAsync(new StartRequest(ScenarioText: ExplorerServer.SmallScenario));
        Assert.Equal(RunStatus.Paused, run.Status);
        var first = await server.PostAsync<RunHistory>($"api/runs/{run.Id}/step", new StepRequest(3));
        var second = await server.PostAsync<RunHistory>($"api/runs/{run.Id}/step", new StepRequest(2));
        Assert.Equal(5, second.Run.Quarters);
        AssertSame(Oracle(Small, 5), [.. first.Quarters, .. second.Quarters]);
        var history = await server.GetAsync<RunHistory>($"api/runs/{run.Id}");
        AssertSame(Oracle(Small, 5), history.Quarters);
    }

    [Fact]
    public async Task A_lever_acts_from_its_quarter_and_leaves_the_history_before_it_alone()
    {
        await using var server = await ExplorerServer.StartAsync();
        var run = await server.StartRunAsync(new StartRequest(ScenarioText: ExplorerServer.SmallScenario, Levers: [new LeverSetting("minBasicShare", 0.5, "2025Q1")]));
        var done = await server.PostAsync<RunHistory>($"api/runs/{run.Id}/step", new StepRequest(8));
        var plain = Oracle(Small, 8);
        var levered = Oracle(Small with { Timeline = [.. Small.Timeline, new ParameterChange("minBasicShare", 4, 4, 0.5, 0.5)] }, 8);
        AssertSame(levered, done.Quarters);
        AssertSame(plain.Take(4).ToList(), done.Quarters.Take(4).ToList());
        int share = MetricColumns.BasicShare.Index;
        Assert.All(done.Quarters.Skip(4), q => Assert.True(q.Region[share] >= 0.5 - 1e-12, $"{q.Period}: basic share {q.Region[share]}"));
        Assert.True(plain[4].Region[share] < 0.5);
    }

    [Fact]
    public async Task A_branch_shares_its_parents_history_and_continues_as_a_run_of_the_changed_scenario()
    {
        await using var server = await ExplorerServer.StartAsync();
        var parent = await server.StartRunAsync(new StartRequest(ScenarioText: ExplorerServer.SmallScenario));
        await server.PostAsync<RunHistory>($"api/runs/{parent.Id}/step", new StepRequest(6));
        var branch = await server.PostAsync<RunView>($"api/runs/{parent.Id}/branch", new BranchRequest([new LeverSetting("talentWeight", 0.4)]));
        Assert.Equal(parent.Id, branch.Parent);
        Assert.Equal("2025Q3", branch.BranchQuarter);
        Assert.Equal(6, branch.Quarters);
        Assert.Equal([new LeverSetting("talentWeight", 0.4, "2025Q3")], branch.Levers);
        await server.PostAsync<RunHistory>($"api/runs/{branch.Id}/step", new StepRequest(4));
        var expected = Oracle(Small with { Timeline = [.. Small.Timeline, new ParameterChange("talentWeight", 6, 6, 0.4, 0.4)] }, 10);
        AssertSame(expected, (await server.GetAsync<RunHistory>($"api/runs/{branch.Id}")).Quarters);
        // The parent is untouched by its branch and goes on as before.
        await server.PostAsync<RunHistory>($"api/runs/{parent.Id}/step", new StepRequest(4));
        AssertSame(Oracle(Small, 10), (await server.GetAsync<RunHistory>($"api/runs/{parent.Id}")).Quarters);
    }

    [Fact]
    public async Task A_reset_with_another_population_runs_that_many_firms_and_downloads_them()
    {
        await using var server = await ExplorerServer.StartAsync();
        var run = await server.StartRunAsync(new StartRequest(ScenarioText: ExplorerServer.SmallScenario, Firms: 1500));
        Assert.Equal(1500, run.Firms);
        var done = await server.PostAsync<RunHistory>($"api/runs/{run.Id}/step", new StepRequest(3));
        AssertSame(Oracle(Small with { Firms = 1500 }, 3), done.Quarters);
        var recipe = await server.GetAsync<RunRecipe>($"api/runs/{run.Id}/recipe");
        Assert.Contains("population:\n  firms: 1500\n", recipe.ScenarioText);
        var limits = await server.GetAsync<LimitsView>("api/limits");
        Assert.Equal((1, 300_000), (limits.MinFirms, limits.MaxFirms));
    }

    [Fact]
    public async Task A_clusters_firm_sizes_count_its_firms_at_the_present_quarter_and_list_the_largest_to_inspect()
    {
        await using var server = await ExplorerServer.StartAsync();
        var run = await server.StartRunAsync(new StartRequest(ScenarioText: ExplorerServer.SmallScenario));
        var done = await server.PostAsync<RunHistory>($"api/runs/{run.Id}/step", new StepRequest(5));
        var sizes = await server.GetAsync<ClusterFirmSizes>($"api/runs/{run.Id}/firms?cluster=3");
        var byId = await server.GetAsync<ClusterFirmSizes>($"api/runs/{run.Id}/firms?cluster={run.Clusters[3]}");
        Assert.Equal(("2025Q1", 3, run.Clusters[3]), (sizes.Period, sizes.Cluster, sizes.ClusterId));
        Assert.Equal(sizes.Bins, byId.Bins);
        var quarter = done.Quarters[^1];
        Assert.Equal(quarter.Clusters[3][MetricColumns.Firms.Index], sizes.Firms);
        Assert.Equal(sizes.Firms, sizes.Bins.Sum(b => b.Firms));
        Assert.All(sizes.Bins.Zip(sizes.Bins.Skip(1)), pair => Assert.Equal(pair.First.High, pair.Second.Low, 12));
        Assert.Equal(FirmSizes.Listed, sizes.Largest.Count);
        Assert.True(sizes.Largest.Zip(sizes.Largest.Skip(1)).All(p => p.First.Revenue >= p.Second.Revenue));
        Assert.InRange(sizes.Largest[0].Revenue, sizes.Bins[^1].Low, sizes.Bins[^1].High);
        // The listed id inspects the same firm: one of its fields is the listed revenue, exactly.
        var state = await server.GetAsync<System.Text.Json.JsonElement>($"api/runs/{run.Id}/inspect?entity={sizes.Largest[0].Entity}");
        Assert.Contains(state.GetProperty("fields").EnumerateArray(), f => double.TryParse(f.GetProperty("value").GetString(),
            System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double v) && v == sizes.Largest[0].Revenue);
        var bad = await server.Client.GetAsync($"api/runs/{run.Id}/firms?cluster=20");
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("0..19", await bad.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_pasted_scenarios_errors_come_with_their_line_and_column()
    {
        await using var server = await ExplorerServer.StartAsync();
        string text = "name: pasted-test\nextends: guangdong-baseline.yaml\nparameters:\n  basicShare: 7\n";
        var response = await server.Client.PostAsJsonAsync("api/runs", new StartRequest(ScenarioText: text), ExplorerServer.Json);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        var error = (await ExplorerServer.ErrorOf(response));
        var problem = Assert.Single(error.Problems!);
        Assert.Equal("scenarioText", problem.Field);
        var at = Assert.Single(problem.Errors!);
        Assert.Equal((4, 15, "parameters.basicShare"), (at.Line, at.Column, at.Key));
        Assert.Contains("outside the allowed range", at.Message);
    }

    [Fact]
    public async Task A_branch_with_no_change_continues_exactly_as_its_parent()
    {
        await using var server = await ExplorerServer.StartAsync();
        var parent = await server.StartRunAsync(new StartRequest(ScenarioText: ExplorerServer.SmallScenario, Seed: 7));
        await server.PostAsync<RunHistory>($"api/runs/{parent.Id}/step", new StepRequest(5));
        var branch = await server.PostAsync<RunView>($"api/runs/{parent.Id}/branch", new BranchRequest());
        await server.PostAsync<RunHistory>($"api/runs/{branch.Id}/step", new StepRequest(7));
        AssertSame(Oracle(Small with { Seed = 7 }, 12), (await server.GetAsync<RunHistory>($"api/runs/{branch.Id}")).Quarters);
    }

    [Fact]
    public async Task A_run_played_to_the_end_finishes_with_every_quarter()
    {
        await using var server = await ExplorerServer.StartAsync();
        var run = await server.StartRunAsync(new StartRequest(ScenarioText: ExplorerServer.SmallScenario));
        await server.PostAsync<RunView>($"api/runs/{run.Id}/play", new PlayRequest(0));
        RunHistory history;
        var deadline = DateTime.UtcNow.AddMinutes(2);
        do { await Task.Delay(50); history = await server.GetAsync<RunHistory>($"api/runs/{run.Id}"); }
        while (history.Run.Status != RunStatus.Finished && DateTime.UtcNow < deadline);
        Assert.Equal(RunStatus.Finished, history.Run.Status);
        AssertSame(Oracle(Small, Small.Ticks), history.Quarters);
    }
}
