using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using EcoSim.Experiments;
using EcoSim.Experiments.Engines;
using EcoSim.Grains.Abstractions;
using EcoSim.Model.Engine;

namespace EcoSim.Scale;

/// <summary>
/// The child process of <see cref="MemoryProbe"/>: warms the engine up on a small world, then, after a
/// full compacting collection before and after, builds one world at tick 0 (the reference engine) or
/// starts one run until tick 0 is ready (the Orleans engine, embedded silo), and prints the growth of
/// the managed heap and of the working set in bytes.
/// </summary>
internal static class MemoryChild
{
    public const string Argument = "--memory-child", Prefix = "memory-delta ";

    public static async Task<int> RunAsync(EngineKind engine, int firms, int firmsPerShard)
    {
        var warmUp = Worlds.Baseline(2_000, 1);
        var world = Worlds.Baseline(firms, 1);
        (long Managed, long WorkingSet) before, after;
        if (engine == EngineKind.Reference)
        {
            EngineRuns.Reference(warmUp);
            before = Measure();
            var built = new ReferenceEngine(world);
            after = Measure();
            GC.KeepAlive(built);
        }
        else
        {
            await using var connection = await OrleansConnections.StartEmbeddedAsync(CancellationToken.None);
            await EngineRuns.Orleans(connection.Grains, warmUp, firmsPerShard);
            await SiloSettling.WaitAsync(connection.Grains, TimeSpan.FromSeconds(30));
            before = Measure();
            var run = new RunAttempt(connection.Grains);
            await run.StartAsync(world, new RunLayout(firmsPerShard));
            after = Measure();
            await run.StopAsync();
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Prefix}{after.Managed - before.Managed} {after.WorkingSet - before.WorkingSet}"));
        return 0;
    }

    private static (long Managed, long WorkingSet) Measure()
    {
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        long managed = GC.GetTotalMemory(forceFullCollection: true);
        using var process = Process.GetCurrentProcess();
        return (managed, process.WorkingSet64);
    }
}
