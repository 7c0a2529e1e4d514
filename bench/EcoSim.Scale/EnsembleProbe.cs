using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using EcoSim.Experiments;
using EcoSim.Experiments.Collectors;
using EcoSim.Experiments.Engines;
using EcoSim.Model.Metrics;

namespace EcoSim.Scale;

/// <summary>
/// Ensemble throughput: baseline runs with consecutive seeds through the experiment runner
/// (<see cref="ExperimentRunner"/>), 1, 2, 8 and 32 at a time, on each engine: runs per minute. Every Orleans
/// run is compared with the reference run of the same seed, so concurrent runs are seen not to interfere.
/// </summary>
internal static class EnsembleProbe
{
    public static async Task RunAsync(HarnessPlan plan, IGrainFactory grains, HarnessResults results, TextWriter log)
    {
        var scenario = Worlds.BaselineScenario();
        scenario = scenario with { World = scenario.World with { Firms = plan.EnsembleFirms, Ticks = plan.EnsembleTicks } };
        log.WriteLine($"ensembles: {plan.EnsembleFirms:N0} firms, {plan.EnsembleTicks} ticks per run");
        var referenceRows = new ConcurrentDictionary<ulong, IReadOnlyList<MetricsRow>>();
        foreach (var kind in new[] { EngineKind.Reference, EngineKind.Orleans })
        {
            foreach (int parallel in plan.Concurrency)
            {
                int runs = Math.Max(parallel, plan.EnsembleMinRuns);
                var experiment = Experiment.Seeds(scenario, Experiment.ConsecutiveSeeds(1, runs));
                await using ISimulationEngine engine = kind == EngineKind.Reference
                    ? new ReferenceSimulation()
                    : new OrleansSimulation(OrleansConnections.Borrow(grains, 1), plan.DefaultShard);
                var clock = Stopwatch.StartNew();
                await new ExperimentRunner(engine, parallel).RunAsync(experiment, Collect.Finished((member, rows) =>
                {
                    if (kind == EngineKind.Reference) referenceRows.TryAdd(member.Seed, rows);
                    else if (referenceRows.TryGetValue(member.Seed, out var expected))
                        lock (results) results.Compared(rows.SequenceEqual(expected), $"ensemble run of seed {member.Seed}, {parallel} at a time");
                }), CancellationToken.None);
                double perMinute = runs / clock.Elapsed.TotalMinutes;
                results.Add(new Sample("ensemble", kind, plan.EnsembleFirms, parallel, plan.EnsembleTicks, 1, perMinute, "runs/min"));
                log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {kind.Name(),-9} {parallel,2} at a time: {runs,3} runs in {clock.Elapsed.TotalSeconds,6:F1} s, {perMinute,7:F1} runs/min"));
            }
        }
    }
}
