using System.Diagnostics;
using System.Globalization;
using EcoSim.Experiments.Engines;
using EcoSim.Grains.Abstractions;
using EcoSim.Hosting;
using EcoSim.Model.Engine;
using EcoSim.Model.Snapshots;
using EcoSim.Model.World;

namespace EcoSim.Scale;

/// <summary>
/// The cost of the checkpoints a run on a cluster keeps to restart from, in the cluster's store (what
/// <see cref="OrleansSimulation"/> does every <see cref="RestartPolicy.CheckpointEvery"/> quarters): within each whole
/// baseline run, the time of the stores over the time of the ticks, and the time to restore the last one into fresh
/// grains. On the embedded silo (its store in memory) and, when <c>ECOSIM_CLUSTER</c> names a cluster (and
/// <c>ECOSIM_CLUSTER_CREDENTIALS</c> its credentials), on that cluster with its Redis.
/// </summary>
internal static class StoreCheckpointBench
{
    public static async Task RunAsync(WorldSpec world, ScenarioIdentity identity, int repeats)
    {
        await using (var embedded = await OrleansConnections.StartEmbeddedAsync(CancellationToken.None))
            await Overhead("embedded silo, store in memory", embedded.Grains, world, identity, repeats);
        if (Environment.GetEnvironmentVariable("ECOSIM_CLUSTER") is not { Length: > 0 } address) return;
        if (!ClusterAddress.TryParse(address, out var options)) throw new ArgumentException($"ECOSIM_CLUSTER '{address}' is not a cluster address");
        options.Credentials = Environment.GetEnvironmentVariable("ECOSIM_CLUSTER_CREDENTIALS");
        await using var cluster = await OrleansConnections.ConnectAsync(options, CancellationToken.None);
        await Overhead($"cluster of {cluster.SiloCount} silos, store in its Redis", cluster.Grains, world, identity, repeats);
    }

    private static async Task Overhead(string where, IGrainFactory grains, WorldSpec world, ScenarioIdentity identity, int repeats)
    {
        int every = RestartPolicy.Default.CheckpointEvery;
        var layout = new RunLayout(RunLayout.DefaultFirmsPerShard);
        var (shares, restores, samples) = (new List<double>(), new List<double>(), new List<string>());
        for (int r = 0; r < repeats; r++)
        {
            var run = new RunAttempt(grains);
            await run.StartAsync(world, layout);
            var store = StoredCheckpoints.New(grains);
            var (ticks, stores) = (new Stopwatch(), new Stopwatch());
            int last = 0;
            for (int t = 0; t < world.Ticks; t++)
            {
                ticks.Start();
                await run.StepAsync();
                ticks.Stop();
                if ((t + 1) % every != 0 || t + 1 == world.Ticks) continue;
                stores.Start();
                await store.StoreAsync(run, t + 1, identity);
                stores.Stop();
                last = t + 1;
            }
            await run.StopAsync();
            var clock = Stopwatch.StartNew();
            var fresh = new RunAttempt(grains);
            await fresh.RestoreAsync(world, layout, store, await store.ReadAsync(last));
            restores.Add(clock.Elapsed.TotalSeconds);
            await fresh.StopAsync();
            await store.ClearAsync();
            shares.Add(stores.Elapsed.TotalSeconds / ticks.Elapsed.TotalSeconds);
            samples.Add(string.Create(CultureInfo.InvariantCulture, $"{ticks.Elapsed.TotalSeconds:F2} s ticks + {stores.Elapsed.TotalSeconds:F2} s stores"));
        }
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Orleans ({where}), whole baseline run, {world.Firms:N0} firms, {world.Ticks} quarters, a checkpoint in the store every {every} quarters: " +
            $"{100 * Median(shares):F1}% of the time of the ticks; restoring the last into fresh grains {Median(restores):F2} s (medians of {repeats}); runs: {string.Join("; ", samples)}"));
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
