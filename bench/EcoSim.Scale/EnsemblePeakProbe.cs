using System.Diagnostics;
using System.Globalization;
using EcoSim.Experiments;
using EcoSim.Experiments.Collectors;
using EcoSim.Experiments.Engines;
using EcoSim.Experiments.Ensembles;
using EcoSim.Experiments.Output;

namespace EcoSim.Scale;

/// <summary>
/// The peak resident memory of an ensemble of baseline runs that stream their results as
/// <c>ecosim compare</c> does: the CLI's ensemble runner on the Orleans engine (the CLI's default),
/// as many runs at a time as the CLI's default, each finished run written to a metrics file and added
/// to the comparison summary, nothing else kept. Runs first, so the process is small when it starts.
/// </summary>
internal static class EnsemblePeakProbe
{
    public static async Task RunAsync(HarnessPlan plan, IGrainFactory grains, HarnessResults results, TextWriter log)
    {
        var scenario = Worlds.BaselineScenario();
        scenario = scenario with { World = scenario.World with { Firms = plan.EnsembleFirms, Ticks = plan.PeakTicks } };
        int parallel = Math.Max(2, Environment.ProcessorCount);
        var experiment = new Experiment([.. Experiment.ConsecutiveSeeds(1, plan.PeakRuns).Select(seed => ExperimentMember.Of(MemberRole.Baseline, MemberRole.Baseline.Name(), scenario, seed))]);
        string folder = Directory.CreateTempSubdirectory("ecosim-ensemble-").FullName;
        try
        {
            await SiloSettling.WaitAsync(grains, TimeSpan.FromSeconds(30));
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            long before = PeakResidentMemory.Current();
            bool reset = PeakResidentMemory.Reset();
            var summary = new ComparisonSummary();
            await using var engine = new OrleansSimulation(OrleansConnections.Borrow(grains, 1), plan.DefaultShard);
            var clock = Stopwatch.StartNew();
            await new ExperimentRunner(engine, parallel).RunAsync(experiment, Collect.Finished((member, rows) =>
            {
                MetricsCsvWriter.WriteFile(Path.Combine(folder, member.FileName), rows);
                summary.Add(member.Role, member.Seed, rows);
            }), CancellationToken.None);
            double seconds = clock.Elapsed.TotalSeconds;
            double peakMiB = PeakResidentMemory.Read() / (1024.0 * 1024), beforeMiB = before / (1024.0 * 1024);
            results.Add(new Sample("ensemble-peak", EngineKind.Orleans, plan.EnsembleFirms, parallel, plan.PeakTicks, 1, peakMiB, "MiB"));
            results.Add(new Sample("ensemble-peak-before", EngineKind.Orleans, plan.EnsembleFirms, parallel, plan.PeakTicks, 1, beforeMiB, "MiB"));
            log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"ensemble peak: {plan.PeakRuns} runs of {plan.EnsembleFirms:N0} firms x {plan.PeakTicks} ticks, {parallel} at a time, in {seconds:F1} s: " +
                $"peak resident {peakMiB:F0} MiB (resident before {beforeMiB:F0} MiB{(reset ? "" : "; peak since process start")})"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
