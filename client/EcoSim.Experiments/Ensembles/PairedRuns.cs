using EcoSim.Experiments.Progress;
using EcoSim.Experiments.Engines;
using EcoSim.Model.Metrics;
using EcoSim.Scenarios;

namespace EcoSim.Experiments.Ensembles;

/// <summary>One run of an ensemble: which scenario (by role) and which seed.</summary>
/// <param name="Role">"baseline" or "policy" (or the scenario's name for a plain ensemble).</param>
/// <param name="Scenario">The scenario, with the run's seed set.</param>
internal sealed record EnsembleMember(string Role, Scenario Scenario)
{
    public ulong Seed => Scenario.World.Seed;
    public string FileName => $"{Role}-seed{Seed}.csv";
}

/// <summary>
/// Runs ensemble members concurrently on one engine (at most <paramref name="parallelism"/> at a time:
/// on Orleans they are separate runs side by side in the cluster), handing each finished run's rows
/// to a callback and keeping nothing else; every tick and every finished run is reported to <paramref name="progress"/>.
/// Members start in the order listed. The callback gets a token that is cancelled when any run fails, so
/// that a callback waiting for an earlier run (as <see cref="Output.EnsembleParquetWriter"/> does) stops too.
/// </summary>
internal sealed class PairedRuns(ISimulationEngine engine, int parallelism, IProgressDisplay progress)
{
    public async Task RunAsync(IReadOnlyList<EnsembleMember> members, Func<EnsembleMember, IReadOnlyList<MetricsRow>, CancellationToken, Task> finished, CancellationToken cancellation)
    {
        await Parallel.ForEachAsync(members, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellation }, async (member, token) =>
        {
            var rows = new List<MetricsRow>();
            await foreach (var tick in engine.RunAsync(member.Scenario.World, token))
            {
                rows.AddRange(tick.Rows);
                progress.TickDone();
            }
            await finished(member, rows, token);
            progress.RunDone();
        });
    }

    /// <summary>Seeds of an ensemble of <paramref name="count"/> runs: the scenario's seed and the next ones.</summary>
    public static IReadOnlyList<ulong> Seeds(ulong first, int count) => [.. Enumerable.Range(0, count).Select(i => unchecked(first + (ulong)i))];
}
