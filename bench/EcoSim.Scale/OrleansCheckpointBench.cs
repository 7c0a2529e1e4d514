using System.Diagnostics;
using System.Globalization;
using EcoSim.Experiments.Engines;
using EcoSim.Grains.Abstractions;
using EcoSim.Model.Engine;
using EcoSim.Model.Metrics;
using EcoSim.Model.Snapshots;
using EcoSim.Model.World;

namespace EcoSim.Scale;

/// <summary>
/// The cost of checkpoints on the Orleans engine (an embedded silo, default shard size): a snapshot of the baseline
/// after 8 quarters written part by part from the grains to a file and read back into fresh grains, checked to be the
/// reference engine's bytes; the share of a whole run's tick time that a snapshot every 8 quarters adds (what a run on
/// a cluster keeps to restart from); and, for a silo lost in quarter 60 of 108, the time to finish from the snapshot
/// after quarter 56 against starting again from tick 0 (the cluster's detection of the loss comes on top of both).
/// </summary>
internal static class OrleansCheckpointBench
{
    private const int CutTick = 8, Every = 8, LostIn = 60;

    public static async Task<bool> RunAsync(int[] populations, ScenarioIdentity identity, WorldSpec baseline, string folder, int repeats)
    {
        await using var connection = await OrleansConnections.StartEmbeddedAsync(CancellationToken.None);
        var layout = new RunLayout(RunLayout.DefaultFirmsPerShard);
        bool same = true;
        Console.WriteLine();
        Console.WriteLine($"Orleans engine (embedded silo, {layout.FirmsPerShard} firms per shard): snapshot after {CutTick} quarters, streamed from the grains and read back into new grains");
        Console.WriteLine("| firms at start | snapshot size | write (grains to file) | read (file to grains) | same bytes as the reference engine |");
        Console.WriteLine("|---:|---:|---:|---:|:---:|");
        foreach (int firms in populations) same &= await Snapshot(connection.Grains, layout, baseline with { Firms = firms }, identity, folder, repeats);
        await Overhead(connection.Grains, layout, baseline with { Firms = populations[0] }, identity, repeats);
        return same;
    }

    private static async Task<bool> Snapshot(IGrainFactory grains, RunLayout layout, WorldSpec world, ScenarioIdentity identity, string folder, int repeats)
    {
        var run = new RunAttempt(grains);
        await run.StartAsync(world, layout);
        var history = new List<MetricsRow>();
        for (int t = 0; t < CutTick; t++) history.AddRange((await run.StepAsync()).Rows);
        string file = Path.Combine(folder, "orleans.ecosnap");
        var (writes, reads) = (new List<double>(), new List<double>());
        for (int r = 0; r < repeats; r++)
        {
            File.Delete(file);
            var clock = Stopwatch.StartNew();
            await using (var stream = new FileStream(file, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                await run.WriteSnapshotAsync(stream, identity, history);
                stream.Flush(flushToDisk: true);
            }
            writes.Add(clock.Elapsed.TotalSeconds);
            var restored = new RunAttempt(grains);
            clock.Restart();
            await using (var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16))
                await restored.RestoreAsync(world, layout, RunSnapshot.ReadParts(stream));
            reads.Add(clock.Elapsed.TotalSeconds);
            await restored.StopAsync();
        }
        await run.StopAsync();
        bool same = File.ReadAllBytes(file).AsSpan().SequenceEqual(ReferenceSnapshot(world, identity));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {world.Firms:N0} | {new FileInfo(file).Length / 1e6:F1} MB | {Median(writes):F2} s | {Median(reads):F2} s | {(same ? "yes" : "NO")} |"));
        return same;
    }

    private static byte[] ReferenceSnapshot(WorldSpec world, ScenarioIdentity identity)
    {
        var engine = new ReferenceEngine(world);
        var history = new List<MetricsRow>();
        while (engine.Tick < CutTick) history.AddRange(engine.Step().Rows);
        using var bytes = new MemoryStream();
        engine.WriteSnapshot(bytes, identity, history);
        return bytes.ToArray();
    }

    // Within each whole run: ticks timed apart from the snapshots taken every Every quarters (into memory, as a run on a
    // cluster keeps them); then the same world continued from the snapshot before quarter LostIn, and run again from tick 0.
    private static async Task Overhead(IGrainFactory grains, RunLayout layout, WorldSpec world, ScenarioIdentity identity, int repeats)
    {
        var (shares, fromCheckpoint, fromZero, samples) = (new List<double>(), new List<double>(), new List<double>(), new List<string>());
        int restartPoint = (LostIn - 1) / Every * Every;
        for (int r = 0; r < repeats; r++)
        {
            var run = new RunAttempt(grains);
            await run.StartAsync(world, layout);
            var rows = new List<MetricsRow>();
            var (ticks, snapshots) = (new Stopwatch(), new Stopwatch());
            byte[] kept = [];
            for (int t = 0; t < world.Ticks; t++)
            {
                ticks.Start();
                rows.AddRange((await run.StepAsync()).Rows);
                ticks.Stop();
                if ((t + 1) % Every != 0 || t + 1 == world.Ticks) continue;
                snapshots.Start();
                using var memory = new MemoryStream();
                await run.WriteSnapshotAsync(memory, identity, rows);
                snapshots.Stop();
                if (t + 1 == restartPoint) kept = memory.ToArray();
            }
            await run.StopAsync();
            shares.Add(snapshots.Elapsed.TotalSeconds / ticks.Elapsed.TotalSeconds);

            var clock = Stopwatch.StartNew();
            var resumed = new RunAttempt(grains);
            await resumed.RestoreAsync(world, layout, RunSnapshot.ReadParts(new MemoryStream(kept)));
            for (int t = restartPoint; t < world.Ticks; t++) await resumed.StepAsync();
            fromCheckpoint.Add(clock.Elapsed.TotalSeconds);
            await resumed.StopAsync();
            clock.Restart();
            var again = new RunAttempt(grains);
            await again.StartAsync(world, layout);
            for (int t = 0; t < world.Ticks; t++) await again.StepAsync();
            fromZero.Add(clock.Elapsed.TotalSeconds);
            await again.StopAsync();
            samples.Add(string.Create(CultureInfo.InvariantCulture, $"{ticks.Elapsed.TotalSeconds:F2} s ticks + {snapshots.Elapsed.TotalSeconds:F2} s snapshots"));
        }
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Orleans, whole baseline run, {world.Firms:N0} firms, {world.Ticks} quarters, a snapshot every {Every} quarters: {100 * Median(shares):F1}% of the time of the ticks (median of {repeats}); runs: {string.Join("; ", samples)}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Orleans, a silo lost in quarter {LostIn} of {world.Ticks}: finishing from the snapshot after quarter {restartPoint} (restore and {world.Ticks - restartPoint} quarters) {Median(fromCheckpoint):F2} s, " +
            $"starting again from tick 0 ({world.Ticks} quarters) {Median(fromZero):F2} s (medians of {repeats}; the cluster's detection of the loss adds the same to both)"));
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
