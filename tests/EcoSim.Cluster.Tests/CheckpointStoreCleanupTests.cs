using EcoSim.Experiments.Engines;
using EcoSim.Grains.Abstractions;
using EcoSim.Hosting;
using EcoSim.Model.Metrics;
using EcoSim.Model.Snapshots;
using EcoSim.Model.World;
using EcoSim.Scenarios;
using StackExchange.Redis;

namespace EcoSim.Cluster.Tests;

/// <summary>
/// The cluster's Redis after a run's checkpoints are removed: no key of the series is left. Orleans' Redis storage
/// keeps a cleared key as an empty state unless told to delete it, which left every removed part of every run in Redis
/// for a day.
/// </summary>
[Collection(OneClusterCollection.Name)]
public sealed class CheckpointStoreCleanupTests
{
    private static readonly ScenarioIdentity Identity = new("small", "", "");

    [ClusterFact]
    public async Task A_series_whose_checkpoints_were_replaced_and_cleared_leaves_no_key_in_redis()
    {
        await using var connection = await OrleansConnections.ConnectAsync(ClusterEnvironment.Options, CancellationToken.None);
        var world = ScenarioLoader.Load(SmallRuns.Scenario).World;
        var run = new RunAttempt(connection.Grains);
        await run.StartAsync(world, new RunLayout(64));
        var store = StoredCheckpoints.New(connection.Grains);
        for (int t = 0; t < 4; t++)
        {
            await run.StepAsync();
            if (t + 1 is 2 or 4) await store.StoreAsync(run, t + 1, Identity);
        }
        await run.StopAsync();
        await using var redis = await ConnectionMultiplexer.ConnectAsync(ClusterRedis.Options());
        var server = redis.GetServer(redis.GetEndPoints().Single());
        // While the series is kept: the record and two slots of each holder (one per cluster, one for the run), whatever
        // the number of checkpoints taken; no key per checkpoint (the test sees the right keys).
        Assert.Equal(1 + 2 * (world.ClusterCount + 1), Keys(server, store.Series).Count);
        await store.ClearAsync();
        Assert.Empty(Keys(server, store.Series));
    }

    private static List<string> Keys(IServer server, string series) =>
        [.. server.Keys(pattern: $"*{series}*", pageSize: 1000).Select(k => k.ToString())];
}
