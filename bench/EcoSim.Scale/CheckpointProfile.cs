using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using EcoSim.Experiments.Engines;
using EcoSim.Grains.Abstractions;
using EcoSim.Hosting;
using EcoSim.Model.Engine;
using EcoSim.Model.Snapshots;
using EcoSim.Model.State;
using EcoSim.Model.World;

namespace EcoSim.Scale;

/// <summary>
/// Where one checkpoint's time goes, phase by phase, so that a change to the checkpoint path is aimed at its largest
/// cost: on the state of the baseline after 8 quarters, the copy of the firms' columns, their encoding into a part's
/// bytes, the compression, the SHA-256, then on the Orleans engine the hand-over of every cluster's parts to its holder in the store (what holds
/// the run up) and the writes until the store holds the record; in memory (embedded silo) and, when
/// <c>ECOSIM_CLUSTER</c> names a cluster, in its Redis. Medians of the repeats; each phase is timed on its own. The
/// Orleans phases give this process's CPU time as well as the time on the clock: on a machine shared with other work
/// the clock measures the others' load too, the CPU time mostly this process's own (the embedded silo is in it).
/// </summary>
internal static class CheckpointProfile
{
    private const int CutTick = 8;

    public static async Task RunAsync(WorldSpec world, ScenarioIdentity identity, int repeats)
    {
        var engine = new ReferenceEngine(world);
        while (engine.Tick < CutTick) engine.Step();
        var firms = engine.State.Firms;
        var columns = firms.Select(f => FirmColumns.Of(f)).ToArray();
        var parts = columns.Select((c, i) => PartCodec.Firms(i, [c])).ToArray();
        long rawFirmBytes = parts.Sum(p => p.RawLength);
        var raw = parts.Select(p => new byte[p.RawLength]).ToArray();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Checkpoint profile: {world.Firms:N0} firms at start, {firms.Sum(f => (long)f.Count):N0} firm slots in {firms.Length} clusters, {rawFirmBytes / 1e6:F2} MB of firm columns; medians of {repeats}"));
        var phases = new (string Name, Action Body)[]
        {
            ("copy the firms' columns (every cluster)", () => { foreach (var f in firms) GC.KeepAlive(FirmColumns.Of(f)); }),
            ("copy of the same bytes into one array (memcpy)", () => { for (int i = 0; i < columns.Length; i++) CopyColumns(columns[i], raw[i]); }),
            ("encode, compress at level 0, hash (PartCodec.Firms)", () => { for (int i = 0; i < columns.Length; i++) GC.KeepAlive(PartCodec.Firms(i, [columns[i]])); }),
            ("deflate level 0 alone", () => { foreach (var r in raw) GC.KeepAlive(Deflate(r)); }),
            ("SHA-256 alone", () => { foreach (var r in raw) GC.KeepAlive(SHA256.HashData(r)); }),
        };
        foreach (var (name, body) in phases) Report(name, Time(body, repeats));
        await using (var embedded = await OrleansConnections.StartEmbeddedAsync(CancellationToken.None))
            await Store("embedded silo, store in memory", embedded.Grains, world, identity, repeats);
        if (Environment.GetEnvironmentVariable("ECOSIM_CLUSTER") is not { Length: > 0 } address) return;
        if (!ClusterAddress.TryParse(address, out var options)) throw new ArgumentException($"ECOSIM_CLUSTER '{address}' is not a cluster address");
        options.Credentials = Environment.GetEnvironmentVariable("ECOSIM_CLUSTER_CREDENTIALS");
        await using var cluster = await OrleansConnections.ConnectAsync(options, CancellationToken.None);
        await Store($"cluster of {cluster.SiloCount} silos, store in its Redis{(ClusterProcessCpu.Known ? "; CPU of the client, the silos and Redis" : "; CPU of the client alone")}", cluster.Grains, world, identity, repeats, ClusterProcessCpu.Known);
    }

    // The hand-over (what the run waits for) and the time until the record is stored, for whole checkpoints of a run.
    private static async Task Store(string where, IGrainFactory grains, WorldSpec world, ScenarioIdentity identity, int repeats, bool clusterCpu = false)
    {
        var run = new RunAttempt(grains);
        await run.StartAsync(world, new RunLayout(RunLayout.DefaultFirmsPerShard));
        for (int t = 0; t < CutTick; t++) await run.StepAsync();
        var store = StoredCheckpoints.New(grains);
        var (handOver, settled, ticks) = (new List<double>(), new List<double>(), new List<double>());
        var (handOverCpu, settledCpu, tickCpu) = (new List<double>(), new List<double>(), new List<double>());
        using var self = Process.GetCurrentProcess();
        double Cpu() { self.Refresh(); return (self.TotalProcessorTime + (clusterCpu ? ClusterProcessCpu.Total() : TimeSpan.Zero)).TotalMilliseconds; }
        var (gcTick, gcCheckpoint) = (new List<double>(), new List<double>());
        double Paused() => GC.GetTotalPauseDuration().TotalMilliseconds;
        for (int r = 0; r <= repeats; r++)
        {
            double paused = Paused();
            double cpu = Cpu();
            var clock = Stopwatch.StartNew();
            await run.StepAsync();
            double gcOfTick = Paused() - paused;
            paused = Paused();
            double tick = clock.Elapsed.TotalMilliseconds, cpuTick = Cpu() - cpu;
            cpu = Cpu();
            clock.Restart();
            await store.BeginAsync(run, CutTick + 1 + r, identity);
            double held = clock.Elapsed.TotalMilliseconds, cpuHeld = Cpu() - cpu;
            await store.SettleAsync();
            double stored = clock.Elapsed.TotalMilliseconds, cpuStored = Cpu() - cpu;
            if (r == 0) continue; // the first activations and the JIT
            gcTick.Add(gcOfTick);
            gcCheckpoint.Add(Paused() - paused);
            ticks.Add(tick);
            handOver.Add(held);
            settled.Add(stored);
            tickCpu.Add(cpuTick);
            handOverCpu.Add(cpuHeld);
            settledCpu.Add(cpuStored);
        }
        // Reading the newest checkpoint back from the store into a fresh run's grains (what a restart after a lost silo does).
        var restores = new List<double>();
        var newest = (await store.SettleAsync())!;
        for (int r = 0; r < repeats; r++)
        {
            var fresh = new RunAttempt(grains);
            var clock = Stopwatch.StartNew();
            await fresh.RestoreAsync(world, new RunLayout(RunLayout.DefaultFirmsPerShard), store, await store.ReadAsync(newest.Tick));
            restores.Add(clock.Elapsed.TotalMilliseconds);
            await fresh.StopAsync();
        }
        // One hop at a time: 50 calls each, one after another.
        var runGrain = grains.GetGrain<IRunGrain>(run.Id);
        var clusterPart = await runGrain.ExportPart(SnapshotParts.Cluster(0));
        var hop = store.Holder("hop");
        var hops = new (string Name, Func<int, Task> Call)[]
        {
            ("run grain ExportPart(cluster/0)", i => runGrain.ExportPart(SnapshotParts.Cluster(0))),
            ("holder Accept(cluster/0) and Confirm, from the client", async i => { await hop.Accept(i & 1, [clusterPart], -1, null); await hop.Confirm(i & 1); }),
        };
        foreach (var (name, call) in hops)
        {
            await call(-1);
            double cpu = Cpu();
            var clock = Stopwatch.StartNew();
            for (int i = 0; i < 50; i++) await call(i);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name,-55} {clock.Elapsed.TotalMilliseconds / 50,8:F3} ms a call, {(Cpu() - cpu) / 50:F3} ms CPU"));
        }
        await hop.Clear();
        await store.ClearAsync();
        await run.StopAsync();
        Console.WriteLine($"Orleans, {where}:");
        Report("restore the newest checkpoint into fresh grains", restores);
        Report("one tick (for scale)", ticks);
        Report("hand every part over (holds the run up)", handOver);
        Report("hand-over until the store holds the record", settled);
        Report("one tick, CPU time", tickCpu);
        Report("hand every part over, CPU time", handOverCpu);
        Report("hand-over until the record, CPU time", settledCpu);
        Report("one tick, garbage collection pauses", gcTick);
        Report("hand-over until the record, garbage collection pauses", gcCheckpoint);
    }

    private static void CopyColumns(FirmColumns c, byte[] into)
    {
        int at = 0;
        void Put<T>(T[] column) where T : unmanaged
        {
            var bytes = MemoryMarshal.AsBytes(column.AsSpan());
            bytes.CopyTo(into.AsSpan(at));
            at += bytes.Length;
        }
        Put(c.Productivity); Put(c.Weight); Put(c.Revenue); Put(c.RdIntensity); Put(c.RdStock); Put(c.Cash); Put(c.Researchers); Put(c.Age); Put(c.Vintage); Put(c.Alive);
    }

    private static byte[] Deflate(byte[] raw)
    {
        using var stored = new MemoryStream();
        using (var deflate = new DeflateStream(stored, new ZLibCompressionOptions { CompressionLevel = 0 }, leaveOpen: true)) deflate.Write(raw);
        return stored.ToArray();
    }

    private static List<double> Time(Action body, int repeats)
    {
        body();
        var times = new List<double>();
        for (int r = 0; r < repeats; r++)
        {
            var clock = Stopwatch.StartNew();
            body();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        return times;
    }

    private static void Report(string phase, List<double> milliseconds)
    {
        var sorted = milliseconds.Order().ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {phase,-55} {sorted[sorted.Count / 2],8:F1} ms  (runs {string.Join(", ", milliseconds.Select(m => m.ToString("F1", CultureInfo.InvariantCulture)))})"));
    }
}
