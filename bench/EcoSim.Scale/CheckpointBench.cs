using System.Diagnostics;
using System.Globalization;
using EcoSim.Model.Engine;
using EcoSim.Model.Metrics;
using EcoSim.Model.Snapshots;
using EcoSim.Model.World;

namespace EcoSim.Scale;

/// <summary>
/// The cost of checkpoints on the reference engine (then on the Orleans engine, <see cref="OrleansCheckpointBench"/>): the size of a snapshot of the baseline after 8 quarters and the
/// time to write it to a file and to read it back into an engine, at each population asked; and the run time of the
/// whole baseline with a checkpoint every 8 quarters, as the time of the writes over the time of the ticks in the same run.
/// </summary>
internal static class CheckpointBench
{
    public const string Argument = "--checkpoints";
    private const int CutTick = 8;
    private const int Every = 8;

    public static int Run(string[] args)
    {
        int[] populations = [75_000, 1_000_000];
        int repeats = 3;
        bool storeOnly = false, profile = false, fileCost = false;
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] == "--firms" && i + 1 < args.Length) populations = [.. args[++i].Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture))];
            else if (args[i] == "--repeats" && i + 1 < args.Length) repeats = int.Parse(args[++i], CultureInfo.InvariantCulture);
            else if (args[i] == "--store-only") storeOnly = true;
            else if (args[i] == "--profile") profile = true;
            else if (args[i] == "--file-cost") fileCost = true;
            else
            {
                Console.Error.WriteLine($"usage: EcoSim.Scale {Argument} [--firms 75000,1000000] [--repeats 3] [--store-only | --profile | --file-cost]");
                return 2;
            }
        }
        var scenario = Worlds.BaselineScenario();
        var identity = new ScenarioIdentity(scenario.Name, scenario.CombinedText, scenario.Sha256);
        if (profile)
        {
            CheckpointProfile.RunAsync(scenario.World with { Firms = populations[0] }, identity, repeats).GetAwaiter().GetResult();
            return 0;
        }
        if (fileCost)
        {
            foreach (int firms in populations)
                CheckpointFileCost.Run(scenario.World with { Firms = firms }, identity, repeats, firms > 100_000 ? [CutTick] : [CutTick, 56, 104]);
            return 0;
        }
        if (storeOnly)
        {
            StoreCheckpointBench.RunAsync(scenario.World with { Firms = populations[0] }, identity, repeats).GetAwaiter().GetResult();
            return 0;
        }
        // A folder made new for this run, so the clean-up below removes only what the bench wrote.
        string folder = Directory.CreateTempSubdirectory("ecosim-checkpoint-bench-").FullName;
        try
        {
            Console.WriteLine($"EcoSim checkpoint bench: {Environment.ProcessorCount} cores, {repeats} repeats, medians; snapshot after {CutTick} quarters of the baseline");
            Console.WriteLine("| firms at start | firm slots | snapshot size | bytes per slot | write | read into an engine |");
            Console.WriteLine("|---:|---:|---:|---:|---:|---:|");
            foreach (int firms in populations) Snapshot(scenario.World with { Firms = firms }, identity, folder, repeats);
            Overhead(scenario.World with { Firms = populations[0] }, identity, folder, repeats);
            if (!OrleansCheckpointBench.RunAsync(populations, identity, scenario.World, folder, repeats).GetAwaiter().GetResult()) return 1;
            StoreCheckpointBench.RunAsync(scenario.World with { Firms = populations[0] }, identity, repeats).GetAwaiter().GetResult();
        }
        finally { Directory.Delete(folder, recursive: true); }
        return 0;
    }

    private static void Snapshot(WorldSpec world, ScenarioIdentity identity, string folder, int repeats)
    {
        var engine = new ReferenceEngine(world);
        var history = new List<MetricsRow>();
        while (engine.Tick < CutTick) history.AddRange(engine.Step().Rows);
        long slots = engine.State.Firms.Sum(f => (long)f.Count);
        string file = Path.Combine(folder, "bench.ecosnap");
        var writes = new List<double>();
        var reads = new List<double>();
        for (int r = 0; r < repeats; r++)
        {
            File.Delete(file);
            var clock = Stopwatch.StartNew();
            using (var stream = new FileStream(file, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                engine.WriteSnapshot(stream, identity, history);
                stream.Flush(flushToDisk: true);
            }
            writes.Add(clock.Elapsed.TotalSeconds);
            clock.Restart();
            using (var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16))
                GC.KeepAlive(ReferenceEngine.Resume(world, stream));
            reads.Add(clock.Elapsed.TotalSeconds);
        }
        long bytes = new FileInfo(file).Length;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {world.Firms:N0} | {slots:N0} | {bytes / 1e6:F1} MB | {(double)bytes / slots:F1} | {Median(writes):F2} s | {Median(reads):F2} s |"));
    }

    // The machine may be shared: whole runs then vary by a factor of two or more from one to the next, so the
    // overhead is measured within each run, as the time spent writing checkpoints over the time spent in ticks.
    private static void Overhead(WorldSpec world, ScenarioIdentity identity, string folder, int repeats)
    {
        var shares = new List<double>();
        var samples = new List<string>();
        for (int r = 0; r < repeats; r++)
        {
            var (ticks, writes) = WholeRun(world, identity, folder);
            shares.Add(writes / ticks);
            samples.Add(string.Create(CultureInfo.InvariantCulture, $"{ticks:F2} s ticks + {writes:F2} s writes"));
        }
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"whole baseline run, {world.Firms:N0} firms, {world.Ticks} quarters, a checkpoint every {Every} quarters ({world.Ticks / Every} files): writing adds {100 * Median(shares):F1}% to the time of the ticks (median of {repeats})"));
        Console.WriteLine($"  runs: {string.Join("; ", samples)}");
    }

    // One whole run of the reference engine, keeping the rows as a run does and writing a checkpoint file every Every
    // quarters: the seconds spent in ticks and in writes.
    private static (double Ticks, double Writes) WholeRun(WorldSpec world, ScenarioIdentity identity, string folder)
    {
        var engine = new ReferenceEngine(world);
        var rows = new List<MetricsRow>();
        var (ticks, writes) = (new Stopwatch(), new Stopwatch());
        while (engine.Tick < world.Ticks)
        {
            ticks.Start();
            rows.AddRange(engine.Step().Rows);
            ticks.Stop();
            if (engine.Tick % Every != 0) continue;
            writes.Start();
            string file = Path.Combine(folder, $"{world.PeriodOf(engine.Tick)}.ecosnap");
            using (var stream = new FileStream(file, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16)) engine.WriteSnapshot(stream, identity, rows);
            writes.Stop();
        }
        return (ticks.Elapsed.TotalSeconds, writes.Elapsed.TotalSeconds);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
