using System.Diagnostics;
using System.Runtime.InteropServices;

namespace EcoSim.Bench;

/// <summary>
/// The firm phase in a plain loop, outside BenchmarkDotNet, for two uses: a process that <c>perf record</c>
/// can attach JIT frames to (BenchmarkDotNet's child processes hide them), and a quick ratio of the kernel
/// against <see cref="BaselineFirmKernel"/> with the two interleaved round by round, so that a loaded
/// machine slows both alike. It runs <see cref="FirmPhaseBenchmarks"/>' own setup and step, and prints the
/// wall time and the stepping thread's CPU time (on Linux; the process's elsewhere) of each round per firm
/// and tick; on a machine shared with other work the thread's CPU time is the steadier figure:
/// <c>dotnet run -c Release --project bench/EcoSim.Bench -- --firm-loop 100000 20 [kernel|baseline|both]</c>.
/// </summary>
internal static class FirmPhaseLoop
{
    private const int ThreadCpuClock = 3; // CLOCK_THREAD_CPUTIME_ID

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec { public long Seconds, Nanoseconds; }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);

    /// <summary>CPU time of the calling thread (Linux), or of the process, in nanoseconds.</summary>
    private static double CpuNanoseconds()
    {
        if (OperatingSystem.IsLinux() && ClockGetTime(ThreadCpuClock, out var t) == 0) return t.Seconds * 1e9 + t.Nanoseconds;
        return Process.GetCurrentProcess().TotalProcessorTime.TotalNanoseconds;
    }

    public static int Run(string[] args)
    {
        int firms = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 100_000;
        int rounds = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 20;
        string which = args.Length > 3 ? args[3] : "both";
        var cases = which switch
        {
            "kernel" => new[] { true },
            "baseline" => [false],
            "both" => [true, false],
            _ => throw new ArgumentException($"--firm-loop: the fourth argument is kernel, baseline or both, not '{which}'"),
        };
        var bench = new FirmPhaseBenchmarks { Firms = firms };
        var seen = cases.ToDictionary(c => c, _ => new List<(double Wall, double Cpu)>());
        for (int round = 0; round < rounds; round++)
            foreach (bool kernel in cases)
            {
                bench.Setup();
                double cpu = CpuNanoseconds();
                long start = Stopwatch.GetTimestamp();
                double alive = kernel ? bench.Step() : bench.BaselineStep();
                double wall = Stopwatch.GetElapsedTime(start).TotalNanoseconds;
                double used = CpuNanoseconds() - cpu;
                double per = (double)firms * FirmPhaseBenchmarks.TimedTicks;
                seen[kernel].Add((wall / per, used / per));
                Console.WriteLine($"round {round,3} {(kernel ? "kernel  " : "baseline")} {wall / per,8:F1} ns wall {used / per,8:F1} ns cpu per firm and tick (alive {alive})");
            }
        foreach (var (kernel, list) in seen)
        {
            var measured = list.Skip(Math.Min(2, list.Count - 1)).ToList(); // the first rounds include the JIT
            Console.WriteLine($"{(kernel ? "kernel  " : "baseline")} median {Median(measured.Select(m => m.Wall)):F1} ns wall, {Median(measured.Select(m => m.Cpu)):F1} ns cpu per firm and tick over {measured.Count} rounds");
        }
        if (seen.Count == 2)
        {
            var wallRatios = seen[true].Zip(seen[false], (k, b) => k.Wall / b.Wall).Skip(2).ToList();
            var cpuRatios = seen[true].Zip(seen[false], (k, b) => k.Cpu / b.Cpu).Skip(2).ToList();
            Console.WriteLine($"kernel / baseline, median of the rounds' ratios: {Median(wallRatios):F3} wall, {Median(cpuRatios):F3} cpu");
        }
        return 0;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
