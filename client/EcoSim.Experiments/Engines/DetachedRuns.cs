using System.Text.RegularExpressions;
using EcoSim.Grains.Abstractions;
using EcoSim.Hosting;
using EcoSim.Model.State;
using EcoSim.Scenarios;

namespace EcoSim.Experiments.Engines;

/// <summary>
/// Runs driven on the server (<see cref="IRunGrain.Detach"/>): started by one client, which may then leave, and observed
/// by any client that knows the run id (<see cref="DetachedRunObserver"/>).
/// </summary>
public static partial class DetachedRuns
{
    /// <summary>How a run id looks: what <see cref="StartAsync"/> prints.</summary>
    public const string IdForm = "run-<32 hex digits>";

    /// <summary>Whether <paramref name="runId"/> has the form of a run id (<see cref="IdForm"/>); a well-formed id may still name no run.</summary>
    public static bool IsWellFormed(string runId) => IdPattern().IsMatch(runId);

    /// <summary>
    /// Starts <paramref name="scenario"/> on the cluster, driven there, and returns its run id once it is set up (its
    /// first tick may already be running). <paramref name="commandLine"/> is what the output of an attached client records.
    /// </summary>
    public static async Task<string> StartAsync(IGrainFactory grains, Scenario scenario, int firmsPerShard, IReadOnlyList<string> commandLine)
    {
        string id = $"run-{Guid.NewGuid():N}";
        var spec = new DetachedRunSpec(scenario.Name, scenario.Description, scenario.Path, [.. scenario.Sources.Select(s => s.Path)],
            [.. scenario.Sources.Select(s => s.Text)], commandLine, firmsPerShard, scenario.World);
        await grains.GetGrain<IRunGrain>(id).Detach(scenario.World, new RunLayout(firmsPerShard, Exits: ExitRetention.None), spec);
        return id;
    }

    /// <summary>
    /// Connects to <paramref name="cluster"/>, starts <paramref name="scenario"/> there as <see cref="StartAsync"/> does and
    /// leaves; returns the run id and the silos it found. The run goes on without this client.
    /// </summary>
    public static async Task<(string RunId, int Silos)> StartOnAsync(EcoSimClusterOptions cluster, Scenario scenario, int firmsPerShard, IReadOnlyList<string> commandLine, CancellationToken cancellation)
    {
        await using var connection = await OrleansConnections.ConnectAsync(cluster, cancellation);
        return (await StartAsync(connection.Grains, scenario, firmsPerShard, commandLine).WaitAsync(cancellation), connection.SiloCount);
    }

    /// <summary>The scenario a detached run runs, as its starter read it, or null when no detached run has the id.</summary>
    public static async Task<(Scenario Scenario, DetachedRunSpec Spec)?> DescribeAsync(IGrainFactory grains, string runId)
    {
        if (await grains.GetGrain<IRunGrain>(runId).Describe() is not { } spec) return null;
        var sources = spec.SourcePaths.Zip(spec.SourceTexts, (path, text) => new ScenarioSource(path, text)).ToArray();
        return (new Scenario(spec.Name, spec.Description, spec.Path, sources, spec.World), spec);
    }

    /// <summary>
    /// As <see cref="DescribeAsync"/>, for a client about to attach: a run that is not there is an error that says whether it
    /// was released (and after how long) or never known. Counts as an observation, so the run is not released meanwhile.
    /// </summary>
    /// <exception cref="DetachedRunMissingException">No detached run has the id.</exception>
    public static async Task<(Scenario Scenario, DetachedRunSpec Spec)> FindAsync(IGrainFactory grains, string runId)
    {
        var seen = await grains.GetGrain<IRunGrain>(runId).Observe(int.MaxValue, TimeSpan.Zero);
        if (seen.State is not (DetachedRunState.Unknown or DetachedRunState.Released) && await DescribeAsync(grains, runId) is { } found) return found;
        throw new DetachedRunMissingException(Missing(runId, seen));
    }

    /// <summary>Why an observation <paramref name="seen"/> of <paramref name="runId"/> found no run, for an error message.</summary>
    public static string Missing(string runId, RunObservation seen) => seen.State == DetachedRunState.Released
        ? $"run '{runId}' was released after {Duration(seen.OrphanTimeout)} unobserved (the silos' orphan timeout, ECOSIM_ORPHAN_TIMEOUT): " +
          "its rows are gone; run the scenario again"
        : Unknown(runId, seen.OrphanTimeout);

    /// <summary>Why a run id names no detached run, for an error message (<paramref name="orphanTimeout"/>: the silos').</summary>
    public static string Unknown(string runId, TimeSpan orphanTimeout) =>
        $"no run '{runId}' is known to the cluster: it was never started with --detach, or it was released after {Duration(orphanTimeout)} " +
        "unobserved (the silos' orphan timeout) long enough ago to be forgotten, or it was lost with its silo";

    /// <summary>A timeout in words: whole minutes when it is some, else seconds ("10 minutes", "1 second").</summary>
    public static string Duration(TimeSpan span) =>
        span.TotalMinutes >= 1 && span.Ticks % TimeSpan.TicksPerMinute == 0 ? Plural((long)span.TotalMinutes, "minute") : Plural((long)Math.Round(span.TotalSeconds), "second");

    private static string Plural(long n, string unit) => $"{n} {unit}{(n == 1 ? "" : "s")}";

    [GeneratedRegex("^run-[0-9a-f]{32}$")]
    private static partial Regex IdPattern();
}
