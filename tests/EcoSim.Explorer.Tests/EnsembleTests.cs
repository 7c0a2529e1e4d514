using System.Net;
using System.Net.Http.Json;
using EcoSim.Experiments.Ensembles;
using EcoSim.Explorer.Api;
using EcoSim.Explorer.Library;
using EcoSim.Explorer.Runs;
using EcoSim.Model.Engine;
using EcoSim.Model.Metrics;
using EcoSim.Model.World;

namespace EcoSim.Explorer.Tests;

/// <summary>An ensemble's bands are the median and 5-95% points of the engine's own runs, whatever order they finish in.</summary>
public sealed class EnsembleTests
{
    [Fact]
    public async Task The_bands_are_the_quantiles_of_the_seeds_runs()
    {
        await using var server = await ExplorerServer.StartAsync();
        var started = await server.PostAsync<EnsembleView>("api/ensembles",
            new EnsembleRequest(ScenarioText: ExplorerServer.SmallScenario, Seed: 40, Levers: [new LeverSetting("financeWeight", 0.6, "2025Q1")], Seeds: 3));
        Assert.Equal([40UL, 41UL, 42UL], started.Seeds);
        EnsembleBands bands;
        var deadline = DateTime.UtcNow.AddMinutes(3);
        do { await Task.Delay(100); bands = await server.GetAsync<EnsembleBands>($"api/ensembles/{started.Id}"); }
        while (bands.Ensemble.Status == "running" && DateTime.UtcNow < deadline);
        Assert.Equal("finished", bands.Ensemble.Status);
        Assert.Equal(3, bands.Ensemble.Done);
        Assert.Contains("too few for a band", bands.Ensemble.Band);

        var world = ScenarioLibrary.Shipped.LoadText(ExplorerServer.SmallScenario).World;
        var runs = new[] { 40UL, 41UL, 42UL }.Select(seed => new ReferenceEngine(world with
        {
            Seed = seed,
            Timeline = [.. world.Timeline, new ParameterChange("financeWeight", 4, 4, 0.6, 0.6)],
        }).Run().Select(o => o.Rows[^1]).ToArray()).ToArray();
        Assert.Equal(world.Ticks, bands.Quarters.Count);
        foreach (var quarter in bands.Quarters)
            foreach (var column in MetricColumns.All)
            {
                var band = Band.Of([.. runs.Select(r => r[quarter.Tick][column])]);
                Assert.Equal(band.Median, quarter.Median[column.Index]);
                Assert.Equal(band.P05, quarter.Low[column.Index]);
                Assert.Equal(band.P95, quarter.High[column.Index]);
            }
        Assert.Contains(bands.Quarters, q => q.Low[MetricColumns.Firms.Index] < q.High[MetricColumns.Firms.Index]);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(51)]
    [InlineData(-4)]
    public async Task A_bad_number_of_seeds_is_refused(int seeds)
    {
        await using var server = await ExplorerServer.StartAsync();
        var response = await server.Client.PostAsJsonAsync("api/ensembles", new EnsembleRequest(ScenarioText: ExplorerServer.SmallScenario, Seeds: seeds), ExplorerServer.Json);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = Assert.Single((await ExplorerServer.ErrorOf(response)).Problems!);
        Assert.Equal("seeds", problem.Field);
        Assert.Contains("outside 2..50", problem.Message);
    }

    [Fact]
    public async Task A_session_runs_one_ensemble_at_a_time_and_another_session_cannot_see_it()
    {
        await using var server = await ExplorerServer.StartAsync();
        var first = await server.PostAsync<EnsembleView>("api/ensembles", new EnsembleRequest(Seeds: 4));
        var second = await server.Client.PostAsJsonAsync("api/ensembles", new EnsembleRequest(Seeds: 4), ExplorerServer.Json);
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await server.NewSession().GetAsync($"api/ensembles/{first.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await server.Client.DeleteAsync($"api/ensembles/{first.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await server.Client.GetAsync($"api/ensembles/{first.Id}")).StatusCode);
    }
}
