using EcoSim.Experiments.Engines;
using EcoSim.Model.Metrics;

namespace EcoSim.Experiments;

/// <summary>
/// Runs an experiment's members on one engine, at most <paramref name="parallelism"/> at a time (on
/// Orleans, separate runs side by side in the cluster), in the order listed, handing every tick and every
/// finished run to a collector and reporting each step to <paramref name="progress"/>. It keeps a run's rows
/// only until the collector has them. When a run fails the others are cancelled, and so is the token the
/// collector gets, so that a collector waiting for an earlier run (as <see cref="Output.EnsembleParquetWriter"/>
/// does) stops too. The engine is laid out for the experiment first (<see cref="ISimulationEngine.ForMembers"/>): on
/// Orleans, several runs side by side run each whole in one grain.
/// </summary>
/// <param name="engine">The engine; the runner does not dispose it.</param>
/// <param name="parallelism">Runs in progress at once, at least 1.</param>
/// <param name="progress">Where steps are reported, on the thread that made them; null for nowhere.</param>
public sealed class ExperimentRunner(ISimulationEngine engine, int parallelism = 1, IProgress<ExperimentProgress>? progress = null)
{
    /// <summary>Runs every member of <paramref name="experiment"/> into <paramref name="collector"/>.</summary>
    public async Task RunAsync(Experiment experiment, IRunCollector collector, CancellationToken cancellation)
    {
        var laidOut = engine.ForMembers(experiment.Members.Count, parallelism, experiment.LargestWorld);
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism), CancellationToken = cancellation };
        await Parallel.ForEachAsync(experiment.Members, options, async (member, token) =>
        {
            var rows = new List<MetricsRow>();
            int last = -1;
            var ticks = member.Checkpoints is { } checkpoints
                ? laidOut.RunAsync(member.Scenario.World, collector.FirmTicks(member), checkpoints, token)
                : laidOut.RunAsync(member.Scenario.World, collector.FirmTicks(member), token);
            await foreach (var tick in ticks)
            {
                await collector.TickAsync(member, tick, token);
                rows.AddRange(tick.Outcome.Rows);
                last = tick.Outcome.Tick;
                progress?.Report(new ExperimentProgress(member, ProgressStep.TickDone, last));
            }
            await collector.FinishedAsync(member, rows, token);
            progress?.Report(new ExperimentProgress(member, ProgressStep.RunDone, last));
        });
    }
}
