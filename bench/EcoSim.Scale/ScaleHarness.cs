using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;
using EcoSim.Experiments;
using EcoSim.Experiments.Engines;

namespace EcoSim.Scale;

/// <summary>
/// One process, one invocation: every measure of docs/PERFORMANCE.md that needs the Orleans engine at
/// scale (throughput of both engines and their ratio by population and shard size, memory per firm,
/// time to activate a run, ensemble throughput, the peak memory of a streamed ensemble, sharding against
/// one activation per firm), then one summary table, the result files and the plots. Exits 1 if any
/// Orleans run differs from the reference engine's run of the same world.
/// </summary>
internal static class ScaleHarness
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length == 4 && args[0] == MemoryChild.Argument)
            return await MemoryChild.RunAsync(EngineKinds.Parse(args[1]) ?? throw new ArgumentException($"'{args[1]}' is not an engine ({string.Join(", ", EngineKinds.All.Select(k => k.Name()))})"), int.Parse(args[2], CultureInfo.InvariantCulture), int.Parse(args[3], CultureInfo.InvariantCulture));
        if (args.Length == 5 && args[0] == HorizonChild.Argument)
            return await HorizonChild.RunAsync(EngineKinds.Parse(args[1]) ?? throw new ArgumentException($"'{args[1]}' is not an engine"), int.Parse(args[2], CultureInfo.InvariantCulture),
                int.Parse(args[3], CultureInfo.InvariantCulture), int.Parse(args[4], CultureInfo.InvariantCulture));
        if (args.Length >= 1 && args[0] == HorizonBench.Argument) return await HorizonBench.RunAsync(args[1..]);
        if (args.Length >= 1 && args[0] == CheckpointBench.Argument) return CheckpointBench.Run(args[1..]);
        if (args.Length >= 1 && args[0] == SharedPrefixBench.Argument) return await SharedPrefixBench.RunAsync(args[1..]);
        string repository = Worlds.Repository();
        if (HarnessOptions.Parse(args, repository, Console.Error) is not { } options) return 2;
        if (options.PlotsFrom is { } samplesFile)
        {
            foreach (var path in ScalePlots.Draw(ResultFiles.ReadSamples(samplesFile), options.ImagesFolder, $"EcoSim scale harness · from {Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(samplesFile)))}/{Path.GetFileName(samplesFile)}"))
                Console.WriteLine($"wrote {path}");
            return 0;
        }

        var plan = options.Plan;
        var log = Console.Out;
        var clock = Stopwatch.StartNew();
        log.WriteLine($"EcoSim scale harness, {plan.Name} run: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}, " +
                      $"{(GCSettings.IsServerGC ? "server" : "workstation")} GC");

        await using var connection = await OrleansConnections.StartEmbeddedAsync(CancellationToken.None);
        var grains = connection.Grains;
        log.WriteLine("warming up both engines on a small world");
        var warmUp = Worlds.Baseline(2_000, 4);
        EngineRuns.Reference(warmUp);
        await EngineRuns.Orleans(grains, warmUp, 64);
        await EngineRuns.Orleans(grains, warmUp, plan.DefaultShard);

        var results = new HarnessResults();
        await EnsemblePeakProbe.RunAsync(plan, grains, results, log);
        await ThroughputSweep.RunAsync(plan, grains, results, log);
        await MemoryProbe.RunAsync(plan, results, log);
        await EnsembleProbe.RunAsync(plan, grains, results, log);

        SummaryBuilder.Build(plan, results);
        RunAllFigures.Add(options.ResultsFolder, results, SummaryBuilder.TargetedRatioMeasure(plan), SummaryBuilder.RatioMeasure(plan.SweepFirms[^1], plan.DefaultShard));
        ResultFiles.Write(results, options.ResultsFolder);
        string caption = $"EcoSim scale harness, {plan.Name} run · medians of repeated runs · {Environment.ProcessorCount} cores · {DateTime.UtcNow:yyyy-MM-dd}";
        var plots = ScalePlots.Draw(results.Samples, options.ImagesFolder, caption);

        ResultFiles.Print(results.Summary, log);
        log.WriteLine();
        log.WriteLine($"wrote {Path.Combine(options.ResultsFolder, ResultFiles.SamplesFile)}, summary.csv, summary.md; plots {string.Join(", ", plots)}");
        foreach (var difference in results.Differences) Console.Error.WriteLine($"DIFFERS FROM THE REFERENCE ENGINE: {difference}");
        log.WriteLine($"{plan.Name} run took {clock.Elapsed.TotalMinutes:F1} min");
        return results.Differences.Count == 0 ? 0 : 1;
    }
}
