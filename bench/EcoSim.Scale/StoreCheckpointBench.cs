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
/// <see cref="OrleansSimulation"/> does, paced by <see cref="RestartPointPacer"/> or every 8 quarters): whole baseline runs
/// without and with them, the time the checkpoints held the ticks up, and the time to restore the last one into fresh
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
        await Overhead($"cluster of {cluster.SiloCount} silos, store in its Redis{(ClusterProcessCpu.Known ? "; CPU of the client, the silos and Redis" : "; CPU of the client alone")}", cluster.Grains, world, identity, repeats, ClusterProcessCpu.Known);
    }

    private static async Task Overhead(string where, IGrainFactory grains, WorldSpec world, ScenarioIdentity identity, int repeats, bool clusterCpu = false)
    {
        var layout = new RunLayout(RunLayout.DefaultFirmsPerShard);
        // Three ways, one after another within each repeat so the machine's load falls on all three alike: no
        // checkpoints, one every 8 quarters, and paced to the budget as a run on a cluster does by default.
        var ways = new (string Name, RestartPolicy? Policy)[]
        {
            ("none", null),
            ("every 8 quarters", RestartPolicy.Default with { CheckpointEvery = 8 }),
            ($"paced ({100 * RestartPolicy.Default.CheckpointBudget:F0}% budget)", RestartPolicy.Default),
        };
        var results = ways.Select(_ => new List<(double Wall, double Cpu, double Ticks, double HeldUp, int Taken)>()).ToArray();
        var restores = new List<double>();
        await OneRun(grains, world, identity, layout, ways[1].Policy, clusterCpu); // warm-up: the JIT and the first activations, not counted
        for (int r = 0; r < repeats; r++)
        {
            // The order turns with each repeat, so no way always runs first after the others' garbage.
            foreach (int w in Enumerable.Range(0, ways.Length).Select(i => (i + r) % ways.Length))
            {
                var (result, restore) = await OneRun(grains, world, identity, layout, ways[w].Policy, clusterCpu);
                results[w].Add(result);
                if (restore is double seconds) restores.Add(seconds);
            }
        }
        double plain = Median([.. results[0].Select(x => x.Wall)]), plainCpu = Median([.. results[0].Select(x => x.Cpu)]);
        Console.WriteLine();
        Console.WriteLine($"Orleans ({where}), whole baseline run, {world.Firms:N0} firms, {world.Ticks} quarters, checkpoints in the store (medians of {repeats}):");
        for (int w = 0; w < ways.Length; w++)
        {
            var x = results[w];
            double wall = Median([.. x.Select(v => v.Wall)]), cpu = Median([.. x.Select(v => v.Cpu)]);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {ways[w].Name,-18} whole run {wall:F2} s ({100 * (wall / plain - 1):+0.0;-0.0}% against none), CPU {cpu:F2} s ({100 * (cpu / plainCpu - 1):+0.0;-0.0}%), " +
                $"ticks held up {100 * Median([.. x.Select(v => v.HeldUp / v.Ticks)]):F1}% of tick time, " +
                $"checkpoints {string.Join("/", x.Select(v => v.Taken))}; runs: {string.Join("; ", x.Select(v => $"{v.Wall:F2} s"))}"));
        }
        if (restores.Count > 0) Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  restoring the last checkpoint into fresh grains {Median([.. restores]):F2} s"));
    }

    // One whole run as OrleansSimulation paces it; the wall time includes waiting for the last checkpoint's writes.
    // Its CPU time is this process's (the embedded silo's too), and a local cluster's processes' when asked.
    private static async Task<((double Wall, double Cpu, double Ticks, double HeldUp, int Taken), double? Restore)> OneRun(
        IGrainFactory grains, WorldSpec world, ScenarioIdentity identity, RunLayout layout, RestartPolicy? policy, bool clusterCpu)
    {
        using var self = Process.GetCurrentProcess();
        TimeSpan Cpu() { self.Refresh(); return self.TotalProcessorTime + (clusterCpu ? ClusterProcessCpu.Total() : TimeSpan.Zero); }
        var cpu = Cpu();
        var wall = Stopwatch.StartNew();
        var run = new RunAttempt(grains);
        await run.StartAsync(world, layout);
        var store = StoredCheckpoints.New(grains);
        var pacer = policy is null ? null : new RestartPointPacer(policy);
        var (ticks, heldUp) = (TimeSpan.Zero, TimeSpan.Zero);
        int taken = 0;
        for (int t = 0; t < world.Ticks; t++)
        {
            long stepped = Stopwatch.GetTimestamp();
            await run.StepAsync();
            var tick = Stopwatch.GetElapsedTime(stepped);
            ticks += tick;
            pacer?.Ticked(tick);
            long begun = Stopwatch.GetTimestamp();
            if (store.InFlight)
            {
                // As OrleansSimulation does: the checkpoint handed over after the tick before is settled after this one.
                await store.SettleAsync();
                heldUp += Stopwatch.GetElapsedTime(begun);
            }
            if (pacer is null || t + 1 == world.Ticks || !pacer.Due(t + 1, store.LastStored)) continue;
            begun = Stopwatch.GetTimestamp();
            await store.BeginAsync(run, t + 1, identity);
            var cost = Stopwatch.GetElapsedTime(begun);
            pacer.Took(t + 1, cost);
            heldUp += cost;
            taken++;
        }
        var last = await store.SettleAsync();
        await run.StopAsync();
        double seconds = wall.Elapsed.TotalSeconds;
        double cpuSeconds = (Cpu() - cpu).TotalSeconds;
        double? restore = null;
        if (last is not null)
        {
            var clock = Stopwatch.StartNew();
            var fresh = new RunAttempt(grains);
            await fresh.RestoreAsync(world, layout, store, await store.ReadAsync(last.Tick));
            restore = clock.Elapsed.TotalSeconds;
            await fresh.StopAsync();
        }
        await store.ClearAsync();
        return ((seconds, cpuSeconds, ticks.TotalSeconds, heldUp.TotalSeconds, taken), restore);
    }

    private static double Median(double[] values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
