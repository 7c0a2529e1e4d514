using System.Collections.Concurrent;
using EcoSim.Client.Engines;
using EcoSim.Model.Metrics;
using EcoSim.Scenarios;

namespace EcoSim.Client.Ensembles;

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
/// to a callback and keeping nothing else.
/// </summary>
internal sealed class PairedRuns(ISimulationEngine engine, int parallelism, TextWriter progress)
{
    public async Task RunAsync(IReadOnlyList<EnsembleMember> members, Func<EnsembleMember, IReadOnlyList<MetricsRow>, Task> finished, CancellationToken cancellation)
    {
        int done = 0;
        var started = DateTime.UtcNow;
        var failures = new ConcurrentBag<Exception>();
        await Parallel.ForEachAsync(members, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellation }, async (member, token) =>
        {
            var rows = new List<MetricsRow>();
            await foreach (var tick in engine.RunAsync(member.Scenario.World, token)) rows.AddRange(tick.Rows);
            await finished(member, rows);
            int count = Interlocked.Increment(ref done);
            double seconds = (DateTime.UtcNow - started).TotalSeconds;
            double left = seconds / count * (members.Count - count);
            lock (progress) progress.WriteLine($"  run {count}/{members.Count} done ({member.Role}, seed {member.Seed}); {seconds:F0} s so far, about {left:F0} s left");
        });
    }

    /// <summary>Seeds of an ensemble of <paramref name="count"/> runs: the scenario's seed and the next ones.</summary>
    public static IReadOnlyList<ulong> Seeds(ulong first, int count) => [.. Enumerable.Range(0, count).Select(i => unchecked(first + (ulong)i))];
}
