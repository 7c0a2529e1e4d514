using System.Diagnostics;
using System.Globalization;
using EcoSim.Client.Engines;
using EcoSim.Model.Engine;
using EcoSim.Model.Metrics;
using EcoSim.Model.World;

namespace EcoSim.Scale;

/// <summary>
/// One process, one invocation: the same world on the reference engine and on the Orleans engine
/// (embedded silo) at several shard sizes; prints firm updates per second, their ratio, working set,
/// and fails (exit 1) if any run's metrics differ from the reference engine's.
/// Usage: dotnet run -c Release --project bench/EcoSim.Scale -- [firms] [ticks] [shard sizes, comma-separated]
/// </summary>
internal static class ScaleHarness
{
    public static async Task<int> RunAsync(string[] args)
    {
        int firms = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
        int ticks = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20;
        int[] shards = args.Length > 2 ? [.. args[2].Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture))] : [4096, 16384];
        var world = Baseline(firms, ticks);
        Console.WriteLine($"world: {world.Firms:N0} firms at the start, {ticks} ticks, {Environment.ProcessorCount} cores");

        // Warm up both engines (JIT, silo start, grain activation paths) on a small world first.
        var warmUp = world with { Firms = 2000, Ticks = 4 };
        TimeReference(warmUp);
        await using var connection = await OrleansConnections.StartEmbeddedAsync(CancellationToken.None);
        await foreach (var _ in new OrleansSimulation(connection, 512).RunAsync(warmUp, CancellationToken.None)) { }

        var (reference, referenceSeconds, firmUpdates) = TimeReference(world);
        Report("reference", referenceSeconds, firmUpdates, referenceSeconds);
        bool allEqual = true;
        foreach (int shard in shards)
        {
            var engine = new OrleansSimulation(connection, shard);
            var rows = new List<MetricsRow>();
            var clock = Stopwatch.StartNew();
            await foreach (var tick in engine.RunAsync(world, CancellationToken.None)) rows.AddRange(tick.Rows);
            double seconds = clock.Elapsed.TotalSeconds;
            bool equal = rows.SequenceEqual(reference);
            allEqual &= equal;
            Report($"orleans, {shard} firms/shard", seconds, firmUpdates, referenceSeconds, equal ? "" : "  DIFFERS FROM THE REFERENCE ENGINE");
        }
        Console.WriteLine($"peak working set of this process: {Process.GetCurrentProcess().PeakWorkingSet64 / (1 << 20):N0} MiB");
        return allEqual ? 0 : 1;
    }

    private static WorldSpec Baseline(int firms, int ticks)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "EcoSim.sln"))) dir = dir.Parent;
        if (dir is null) throw new InvalidOperationException("run the harness from inside the EcoSim repository");
        return EcoSim.Scenarios.ScenarioLoader.Load(Path.Combine(dir.FullName, "scenarios", "guangdong-baseline.yaml")).World with { Firms = firms, Ticks = ticks };
    }

    private static (List<MetricsRow> Rows, double Seconds, double FirmUpdates) TimeReference(WorldSpec world)
    {
        var clock = Stopwatch.StartNew();
        var engine = new ReferenceEngine(world);
        var rows = new List<MetricsRow>();
        double firmUpdates = 0;
        foreach (var tick in engine.Run())
        {
            rows.AddRange(tick.Rows);
            firmUpdates += tick.Rows[^1].Firms;
        }
        return (rows, clock.Elapsed.TotalSeconds, firmUpdates);
    }

    private static void Report(string name, double seconds, double firmUpdates, double referenceSeconds, string note = "") =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-28} {seconds,8:F2} s  {firmUpdates / seconds / 1e6,7:F2} M firm updates/s  ratio to reference {referenceSeconds / seconds,5:F2}{note}"));
}
