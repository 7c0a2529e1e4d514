using System.Diagnostics;
using System.Globalization;
using EcoSim.Experiments.Output;
using EcoSim.Model.Engine;
using EcoSim.Model.Metrics;
using EcoSim.Model.Snapshots;
using EcoSim.Model.State;
using EcoSim.Model.World;

namespace EcoSim.Scale;

/// <summary>
/// What one checkpoint file costs in CPU, the way a run wrote it before and the way it writes it now, taking turns in
/// one process at several ticks of the baseline (the run as the command line runs it without a firm panel, so the
/// snapshot holds the live firms and the last tick's exits):
/// <list type="bullet">
/// <item>before: every part encoded into an array of its own (the firms after a copy of their columns), written through
/// the file's SHA-256, then the file read and hashed again for the manifest; all of it while the run waits;</item>
/// <item>now: the state copied into kept columns (what the run waits for), then, while the run goes on, the firms
/// encoded straight into the file through its SHA-256, whose hash the manifest takes as it is.</item>
/// </list>
/// CPU time of this process, so other processes' load moves it far less than the clock; medians of the repeats.
/// </summary>
internal static class CheckpointFileCost
{
    public static void Run(WorldSpec world, ScenarioIdentity identity, int repeats, IReadOnlyList<int> ticks)
    {
        string folder = Directory.CreateTempSubdirectory("ecosim-checkpoint-cost-").FullName;
        try
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Checkpoint file cost: {world.Firms:N0} firms at start, CPU time of this process, medians of {repeats}"));
            Console.WriteLine("| after quarters | firm slots | snapshot | before: CPU (all of it holds the run up) | now: copy (holds the run up) | now: write (while the run goes on) | now: in all |");
            Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|");
            // As `ecosim run --checkpoint-every` without a firm panel runs it: no census, so no exit is kept.
            var engine = new ReferenceEngine(world, ExitRetention.None);
            var history = new List<MetricsRow>();
            var capture = new SnapshotCapture();
            foreach (int tick in ticks.Order())
            {
                while (engine.Tick < tick) history.AddRange(engine.Step().Rows);
                var snapshotWorld = SnapshotWorld.Of(identity, world, engine.Tick, engine.State.Labs.Length, engine.State.Funds.Length);
                var (before, copy, write) = (new List<double>(), new List<double>(), new List<double>());
                long bytes = 0;
                for (int r = 0; r <= repeats; r++)
                {
                    string file = Path.Combine(folder, $"{r}.ecosnap");
                    double cpu = Cpu();
                    using (var stream = Created(file))
                    using (var hashed = new TallyStream(stream, hash: true))
                    {
                        var writer = new SnapshotWriter(hashed);
                        foreach (var part in RunSnapshot.Parts(snapshotWorld, history, engine.State)) writer.Write(part);
                        writer.Finish();
                        GC.KeepAlive(hashed.Sha256());
                    }
                    GC.KeepAlive(ContentHash.OfFile(file));
                    double old = Cpu() - cpu;
                    File.Delete(file);
                    cpu = Cpu();
                    var taken = capture.Take(snapshotWorld, history, engine.State);
                    double copied = Cpu() - cpu;
                    cpu = Cpu();
                    using (var stream = Created(file))
                    using (var hashed = new TallyStream(stream, hash: true))
                    {
                        taken.WriteTo(hashed);
                        GC.KeepAlive(hashed.Sha256());
                        bytes = hashed.Count;
                    }
                    double written = Cpu() - cpu;
                    File.Delete(file);
                    if (r == 0) continue; // the JIT
                    before.Add(old);
                    copy.Add(copied);
                    write.Add(written);
                }
                long slots = engine.State.Firms.Sum(f => (long)f.Count);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {tick} | {slots:N0} | {bytes / 1e6:F1} MB | {Median(before):F1} ms | {Median(copy):F1} ms | {Median(write):F1} ms | {Median(copy.Zip(write, (a, b) => a + b).ToList()):F1} ms |"));
            }
        }
        finally { Directory.Delete(folder, recursive: true); }
    }

    private static FileStream Created(string file) => new(file, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);

    private static double Cpu()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime.TotalMilliseconds;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
