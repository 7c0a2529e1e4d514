using System.Diagnostics;
using System.Globalization;
using EcoSim.Experiments.Engines;
using EcoSim.Grains.Abstractions;
using EcoSim.Hosting;
using EcoSim.Model.Metrics;
using EcoSim.Model.State;
using EcoSim.Scenarios;

namespace EcoSim.ClusterLoad;

/// <summary>
/// One very large run on a running cluster (scripts/cluster.sh start --silos 3): the baseline with FIRMS firms for a few
/// quarters, each quarter timed, with each silo's resident memory sampled four times a second. It prints per quarter the
/// firm updates per second and each silo's resident memory, then each silo's peak and their sum against the budget
/// (1.5 GiB in all for 10,000,000 firms over three silos). A run this size is what breaks first where a small one never
/// does: the start call's time, a tick's time against the call timeout, the memory of a shard's arrays.
/// </summary>
internal static class LargeWorld
{
    public const string Argument = "--large-world";
    public const string Usage = "usage: EcoSim.ClusterLoad --large-world CLUSTER-URL CREDENTIALS-FOLDER STATE-FOLDER [FIRMS 10000000] [TICKS 4] [FIRMS-PER-SHARD]";
    private const double BudgetMegabytes = 1.5 * 1024;

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length < 3 || !ClusterAddress.TryParse(args[0], out var options))
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }
        options.Credentials = args[1];
        var memory = new SiloMemory(args[2]);
        int firms = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 10_000_000;
        int ticks = args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 4;
        int shard = args.Length > 5 ? int.Parse(args[5], CultureInfo.InvariantCulture) : RunLayout.DefaultFirmsPerShard;
        string repository = Repository();
        var world = ScenarioLoader.Load(Path.Combine(repository, "scenarios", "guangdong-baseline.yaml")).World with { Firms = firms, Ticks = ticks };

        await using var connection = await OrleansConnections.ConnectAsync(options, CancellationToken.None);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"cluster {args[0]}: {connection.SiloCount} silos (pids {string.Join(", ", memory.Processes)}); {firms:N0} firms, {ticks} quarters, {shard:N0} firms per shard; load {Load()}"));
        var idle = memory.ResidentMegabytes();
        Console.WriteLine($"resident before the run, MiB: {Megabytes(idle)}");

        var peak = idle.ToArray();
        double[] Sample()
        {
            var now = memory.ResidentMegabytes();
            lock (peak) for (int s = 0; s < peak.Length; s++) peak[s] = Math.Max(peak[s], now[s]);
            return now;
        }
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                Sample();
                try { await Task.Delay(250, sampling.Token); } catch (OperationCanceledException) { }
            }
        });

        var run = new RunAttempt(connection.Grains);
        var clock = Stopwatch.StartNew();
        // No census: the shards let exited firms go at once, as a run without a firm panel does.
        await run.StartAsync(world, new RunLayout(shard, Exits: ExitRetention.None));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"start (tick 0 ready): {clock.Elapsed.TotalSeconds:F1} s; resident {Megabytes(Sample())}"));
        Console.WriteLine();
        Console.WriteLine("| quarter | time | live firms | M firm updates/s | resident per silo (MiB) |");
        Console.WriteLine("|---|---|---|---|---|");
        double updates = 0, seconds = 0;
        for (int t = 0; t < ticks; t++)
        {
            clock.Restart();
            var outcome = await run.StepAsync();
            double elapsed = clock.Elapsed.TotalSeconds;
            double live = outcome.Rows[^1][MetricColumns.Firms];
            updates += live;
            seconds += elapsed;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {outcome.Tick} | {elapsed:F2} s | {live:N0} | {live / elapsed / 1e6:F2} | {Megabytes(Sample())} |"));
        }
        await sampling.CancelAsync();
        await sampler;
        Sample();
        // Held or only not yet given back: a full collection with the run still live shows what its state really takes.
        var management = connection.Grains.GetGrain<IManagementGrain>(0);
        var hosts = (await management.GetHosts(onlyActive: true)).Keys.ToArray();
        await management.ForceGarbageCollection(hosts);
        await Task.Delay(TimeSpan.FromSeconds(3));
        Console.WriteLine($"after a forced full collection on every silo, the run still live, MiB: {Megabytes(memory.ResidentMegabytes())}");
        await run.StopAsync();
        double total;
        lock (peak) total = peak.Sum();
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ticks: {updates / seconds / 1e6:F2} M firm updates/s over {ticks} quarters; peak resident per silo {Megabytes(peak)}, in all {total:F0} MiB " +
            $"({total / BudgetMegabytes:P0} of the 1.5 GiB budget, {total * 1048576 / firms:F0} B per starting firm); load {Load()}"));
        Console.WriteLine($"resident after the run: {Megabytes(memory.ResidentMegabytes())}");
        return total <= BudgetMegabytes ? 0 : 1;
    }

    private static string Megabytes(double[] values) => string.Join(" / ", values.Select(v => v.ToString("F0", CultureInfo.InvariantCulture)));

    private static string Load() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static string Repository()
    {
        var dir = new DirectoryInfo(Environment.CurrentDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "EcoSim.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("run from inside the EcoSim repository");
    }
}
