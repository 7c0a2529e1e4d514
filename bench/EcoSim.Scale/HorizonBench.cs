using System.Diagnostics;
using System.Globalization;
using EcoSim.Experiments;
using EcoSim.Experiments.Engines;
using EcoSim.Experiments.Output;

namespace EcoSim.Scale;

/// <summary>
/// A large world for the whole horizon on both engines, each in a fresh child process (<see cref="HorizonChild"/>) so that
/// each peak of resident memory is its own engine's: the reference engine, then the Orleans engine on an embedded silo.
/// It prints the time to build tick 0, the time of the ticks, firm updates per second, the peak resident memory and the
/// SHA-256 of the run's metrics.csv; the exit code is 1 when the two files differ. The point is the scale the CLI's
/// default engine must stand (1,000,000 firms for 108 quarters grows to 1.3 million): message sizes, call timeouts and
/// memory peaks that small worlds never reach.
/// </summary>
internal static class HorizonBench
{
    public const string Argument = "--horizon";
    private const string Usage = "usage: EcoSim.Scale --horizon [--firms 1000000] [--ticks 108] [--shard 4096]";

    public static async Task<int> RunAsync(string[] args)
    {
        int firms = 1_000_000, shard = EcoSim.Grains.Abstractions.RunLayout.DefaultFirmsPerShard;
        int? ticks = null;
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] == "--firms" && i + 1 < args.Length && int.TryParse(args[++i], CultureInfo.InvariantCulture, out int f) && f > 0) firms = f;
            else if (args[i] == "--ticks" && i + 1 < args.Length && int.TryParse(args[++i], CultureInfo.InvariantCulture, out int t) && t > 0) ticks = t;
            else if (args[i] == "--shard" && i + 1 < args.Length && int.TryParse(args[++i], CultureInfo.InvariantCulture, out int s) && s > 0) shard = s;
            else
            {
                Console.Error.WriteLine($"bad or incomplete argument '{args[i]}'");
                Console.Error.WriteLine(Usage);
                return 2;
            }
        }
        int horizon = ticks ?? Worlds.BaselineScenario().World.Ticks;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"horizon bench: {firms:N0} firms, {horizon} quarters, {shard:N0} firms per shard, {Environment.ProcessorCount} cores, load {LoadAverage()}"));
        var results = new List<HorizonResult>();
        foreach (var engine in new[] { EngineKind.Reference, EngineKind.Orleans })
        {
            var result = await HorizonChild.RunInChildAsync(engine, firms, horizon, shard);
            results.Add(result);
            Console.WriteLine(result.Describe());
        }
        bool same = results[0].MetricsSha256 == results[1].MetricsSha256;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"metrics.csv {(same ? "identical" : "DIFFERENT")}; Orleans over reference, ticks: {results[0].TickSeconds / results[1].TickSeconds:F2}x; load {LoadAverage()}"));
        return same ? 0 : 1;
    }

    /// <summary>The machine's load averages (1, 5, 15 minutes), for the record beside every figure.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}

/// <summary>What one engine's child reported.</summary>
/// <param name="Engine">The engine.</param>
/// <param name="Firms">Firms at the start.</param>
/// <param name="StartSeconds">Building tick 0 (Orleans: the embedded silo's start not included).</param>
/// <param name="TickSeconds">All the ticks.</param>
/// <param name="FirmUpdates">Live firms summed over the ticks.</param>
/// <param name="PeakResidentBytes">The child process's peak resident memory.</param>
/// <param name="MetricsSha256">SHA-256 of the run's metrics.csv.</param>
internal sealed record HorizonResult(EngineKind Engine, int Firms, double StartSeconds, double TickSeconds, double FirmUpdates, long PeakResidentBytes, string MetricsSha256)
{
    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"{Engine.Name(),-9}: start {StartSeconds:F2} s, ticks {TickSeconds:F1} s, {FirmUpdates / TickSeconds / 1e6:F2} M firm updates/s, " +
        $"peak resident {PeakResidentBytes / 1048576.0:F0} MiB ({PeakResidentBytes / (double)Firms:F0} B per starting firm), metrics.csv sha256 {MetricsSha256[..16]}");
}

/// <summary>The child process of <see cref="HorizonBench"/>: one engine, one run, one line of results.</summary>
internal static class HorizonChild
{
    public const string Argument = "--horizon-child", Prefix = "horizon-result ";

    public static async Task<int> RunAsync(EngineKind engine, int firms, int ticks, int firmsPerShard)
    {
        var world = Worlds.Baseline(firms, ticks);
        TimedRun run;
        if (engine == EngineKind.Reference) run = EngineRuns.Reference(world);
        else
        {
            await using var connection = await OrleansConnections.StartEmbeddedAsync(CancellationToken.None);
            run = await EngineRuns.Orleans(connection.Grains, world, firmsPerShard);
        }
        // A folder of its own, made just now, so the file written and deleted here can never be someone else's.
        var folder = Directory.CreateTempSubdirectory("ecosim-horizon-");
        string csv = Path.Combine(folder.FullName, "metrics.csv");
        string sha;
        try
        {
            MetricsCsvWriter.WriteFile(csv, run.Rows);
            sha = ContentHash.OfFile(csv);
        }
        finally
        {
            if (File.Exists(csv)) File.Delete(csv);
            folder.Delete();
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{Prefix}{run.StartSeconds:R} {run.TickSeconds:R} {run.FirmUpdates:R} {PeakResidentMemory.Read()} {sha}"));
        return 0;
    }

    public static async Task<HorizonResult> RunInChildAsync(EngineKind engine, int firms, int ticks, int firmsPerShard)
    {
        string host = Environment.ProcessPath ?? throw new InvalidOperationException("the path of this program is unknown");
        var start = new ProcessStartInfo(host) { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(host) == "dotnet") start.ArgumentList.Add(typeof(HorizonChild).Assembly.Location);
        foreach (string arg in new[] { Argument, engine.Name(), Invariant(firms), Invariant(ticks), Invariant(firmsPerShard) })
            start.ArgumentList.Add(arg);
        using var child = Process.Start(start) ?? throw new InvalidOperationException($"could not start {host}");
        string output = await child.StandardOutput.ReadToEndAsync();
        await child.WaitForExitAsync();
        var line = output.Split('\n').Select(l => l.Trim()).LastOrDefault(l => l.StartsWith(Prefix, StringComparison.Ordinal));
        if (child.ExitCode != 0 || line is null)
            throw new InvalidOperationException($"the {engine.Name()} run of {firms} firms failed (exit code {child.ExitCode}): {output}");
        var f = line[Prefix.Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return new HorizonResult(engine, firms, double.Parse(f[0], CultureInfo.InvariantCulture), double.Parse(f[1], CultureInfo.InvariantCulture),
            double.Parse(f[2], CultureInfo.InvariantCulture), long.Parse(f[3], CultureInfo.InvariantCulture), f[4]);
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
