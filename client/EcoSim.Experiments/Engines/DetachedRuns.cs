using System.Text.RegularExpressions;
using EcoSim.Grains.Abstractions;
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
        await grains.GetGrain<IRunGrain>(id).Detach(scenario.World, new RunLayout(firmsPerShard), spec);
        return id;
    }

    /// <summary>The scenario a detached run runs, as its starter read it, or null when no detached run has the id.</summary>
    public static async Task<(Scenario Scenario, DetachedRunSpec Spec)?> DescribeAsync(IGrainFactory grains, string runId)
    {
        if (await grains.GetGrain<IRunGrain>(runId).Describe() is not { } spec) return null;
        var sources = spec.SourcePaths.Zip(spec.SourceTexts, (path, text) => new ScenarioSource(path, text)).ToArray();
        return (new Scenario(spec.Name, spec.Description, spec.Path, sources, spec.World), spec);
    }

    /// <summary>Why a run id names no detached run, for an error message.</summary>
    public static string Unknown(string runId) =>
        $"no run '{runId}' is known to the cluster: it was never started with --detach, or it was released after nobody observed it " +
        "for the silos' orphan timeout (10 minutes unless the silos were told otherwise), or it was lost with its silo";

    [GeneratedRegex("^run-[0-9a-f]{32}$")]
    private static partial Regex IdPattern();
}
