using System.Diagnostics;
using System.Runtime;
using EcoSim.Client.Engines;
using EcoSim.Model.Engine;

namespace EcoSim.Scale;

/// <summary>
/// Memory per firm at tick 0: the managed heap and the working set of the process after a full,
/// compacting collection, before and after building a world on each engine, divided by its firms.
/// The silo is first left to release the grains of earlier runs. The working set keeps memory the
/// collector has not returned to the system, so its delta is rough.
/// </summary>
internal static class MemoryProbe
{
    public static async Task RunAsync(HarnessPlan plan, IGrainFactory grains, HarnessResults results, TextWriter log)
    {
        foreach (int firms in plan.MemoryFirms)
        {
            var world = Worlds.Baseline(firms, 1);
            await SiloSettling.WaitAsync(grains, TimeSpan.FromSeconds(30));
            var before = Measure();
            var engine = new ReferenceEngine(world);
            var after = Measure();
            GC.KeepAlive(engine);
            Record(results, log, "reference", firms, before, after);
            engine = null;

            await SiloSettling.WaitAsync(grains, TimeSpan.FromSeconds(30));
            before = Measure();
            var run = new RunAttempt(grains);
            await run.StartAsync(world, plan.DefaultShard);
            after = Measure();
            Record(results, log, "orleans", firms, before, after);
            await run.StopAsync();
        }
        Measure();
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

    private static void Record(HarnessResults results, TextWriter log, string engine, int firms, (long Managed, long WorkingSet) before, (long Managed, long WorkingSet) after)
    {
        double managed = (double)(after.Managed - before.Managed) / firms, working = (double)(after.WorkingSet - before.WorkingSet) / firms;
        results.Add(new Sample("memory-managed", engine, firms, 0, 0, 1, managed, "bytes/firm"));
        results.Add(new Sample("memory-working-set", engine, firms, 0, 0, 1, working, "bytes/firm"));
        log.WriteLine($"memory: {engine,-9} {firms,9:N0} firms: managed heap {managed,6:F0} B/firm, working set {working,6:F0} B/firm");
    }
}
