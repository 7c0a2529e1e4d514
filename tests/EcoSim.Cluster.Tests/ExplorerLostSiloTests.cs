using System.Diagnostics;
using EcoSim.Experiments.Engines;
using EcoSim.Explorer;
using EcoSim.Explorer.Api;
using EcoSim.Explorer.Library;
using EcoSim.Explorer.Runs;
using EcoSim.Hosting;
using StackExchange.Redis;
using Xunit.Abstractions;

using static EcoSim.Cluster.Tests.ExplorerHttp;

namespace EcoSim.Cluster.Tests;

/// <summary>
/// <c>ecosim serve --cluster</c> when a silo dies under a live run: the run, playing through the explorer's API, loses the
/// silo process that holds its run grain (SIGKILL) and goes on, on the two silos left, from its newest restart point in the
/// cluster's store (or its start), to its last quarter with the bytes of a run that lost nothing; the quarters already
/// shown are not shown twice, the cluster's store keeps nothing of it once it has finished, and a new run works.
/// </summary>
[Collection(OneClusterCollection.Name)]
public sealed class ExplorerLostSiloTests(ITestOutputHelper log)
{
    [ClusterFact]
    public async Task A_live_run_that_loses_the_silo_of_its_run_grain_plays_on_to_its_end_with_the_bytes_of_an_uninterrupted_run()
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(ClusterRedis.Options());
        var server = redis.GetServer(redis.GetEndPoints().Single());
        var before = CheckpointKeys(server);
        var restarts = new TimedLog();
        try
        {
            // A restart point every 4 quarters, so that the run surely has one in the store when the silo dies in tick 7.
            var connection = await OrleansConnections.ConnectAsync(ClusterEnvironment.Options, CancellationToken.None);
            var inner = new OrleansSimulation(connection, 512, RestartPolicy.Default with { Log = restarts, CheckpointEvery = 4 });
            await using var engine = new SiloKillingEngine(inner, killDuringTick: 6, async () => [await SmallRuns.RunGrainProcess(connection.Grains)]);
            await using var app = ExplorerApp.Create(new ExplorerSettings("http://127.0.0.1:0"), engine);
            await app.StartAsync();
            using var http = await SessionAsync(app);

            var run = await PostAsync<RunView>(http, "api/runs", new StartRequest(ScenarioText: Small));
            var clock = Stopwatch.StartNew();
            await PostAsync<RunView>(http, $"api/runs/{run.Id}/play", new PlayRequest(0));
            var history = await UntilDoneAsync(http, run.Id, TimeSpan.FromMinutes(4));
            log.WriteLine($"played 16 quarters with a silo killed during the 7th: {clock.Elapsed.TotalSeconds:0.0} s");
            log.WriteLine(restarts.ToString());

            Assert.True(history.Run.Status == RunStatus.Finished, $"{history.Run.Status}: {history.Run.Error}\n{restarts}");
            Assert.NotNull(engine.KilledProcess);
            var restart = Assert.Single(restarts.Lines, l => l.Line.Contains("restarting the run from the checkpoint after 4 ticks", StringComparison.Ordinal));
            Assert.Contains("on 2 silos", restart.Line);
            Assert.Equal(history.Run.Horizon, history.Quarters.Count);
            Assert.Equal(Enumerable.Range(0, history.Run.Horizon), history.Quarters.Select(q => q.Tick));
            var world = ScenarioLibrary.Shipped.LoadText(Small).World;
            Assert.Equal(Oracle(world, world.Ticks), Bits(history.Quarters));
            // A finished run's restart points are cleared from the store, the one of the attempt lost with the silo too.
            Assert.DoesNotContain(CheckpointKeys(server), k => !before.Contains(k));

            // The explorer goes on serving: a new run on the survivors gives the same bytes.
            var again = await PostAsync<RunView>(http, "api/runs", new StartRequest(ScenarioText: Small));
            var stepped = await PostAsync<RunHistory>(http, $"api/runs/{again.Id}/step", new StepRequest(3));
            Assert.Equal(Oracle(world, 3), Bits(stepped.Quarters));
            await app.StopAsync();
        }
        finally
        {
            var (code, output) = ClusterEnvironment.Script("revive", TimeSpan.FromSeconds(180));
            log.WriteLine(output);
            Assert.True(code == 0, $"scripts/cluster.sh revive failed ({code}): {output}");
        }
    }

    private static HashSet<string> CheckpointKeys(IServer server) =>
        [.. server.Keys(pattern: "*checkpoints-*", pageSize: 1000).Select(k => k.ToString())];

    // The run's quarters once it has finished or failed, asked for every half second.
    private static async Task<RunHistory> UntilDoneAsync(HttpClient http, string id, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var history = await GetAsync<RunHistory>(http, $"api/runs/{id}");
            if (history.Run.Status is RunStatus.Finished or RunStatus.Failed || clock.Elapsed > timeout) return history;
            await Task.Delay(500);
        }
    }
}
