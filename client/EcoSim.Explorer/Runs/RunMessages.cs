using EcoSim.Explorer.Library;

namespace EcoSim.Explorer.Runs;

/// <summary>Where a live run stands.</summary>
public enum RunStatus
{
    /// <summary>Waiting for Step or Play.</summary>
    Paused,
    /// <summary>Running quarter after quarter at its speed.</summary>
    Playing,
    /// <summary>Every quarter of the scenario is done.</summary>
    Finished,
    /// <summary>The engine failed; <see cref="RunView.Error"/> says why.</summary>
    Failed,
}

/// <summary>One quarter of a run as the page draws it: the region's metrics and each cluster's, in the catalogue's order (<c>GET /api/metrics</c>).</summary>
/// <param name="Tick">The tick (0 is the first quarter).</param>
/// <param name="Period">The quarter, e.g. <c>2030Q1</c>.</param>
/// <param name="Region">The region's value of every metric.</param>
/// <param name="Clusters">Each cluster's values, clusters in the scenario's order.</param>
public sealed record QuarterView(int Tick, string Period, double[] Region, double[][] Clusters);

/// <summary>A run as the API shows it.</summary>
/// <param name="Id">The run's id.</param>
/// <param name="Scenario">The scenario's name.</param>
/// <param name="ScenarioFile">The shipped file it came from, or null for a pasted scenario.</param>
/// <param name="Seed">The seed.</param>
/// <param name="Status">Where it stands.</param>
/// <param name="Quarters">Quarters done.</param>
/// <param name="Horizon">Quarters in the scenario.</param>
/// <param name="Speed">Quarters per second while playing (0: as fast as the engine goes).</param>
/// <param name="Levers">The levers set on it (a branch's include its parent's).</param>
/// <param name="Parent">The run it branched from, or null.</param>
/// <param name="BranchQuarter">The first quarter it computed apart from its parent, or null.</param>
/// <param name="Clusters">The clusters' ids, in order (e.g. <c>electronics</c>).</param>
/// <param name="Error">Why it failed, or null.</param>
/// <param name="Firms">Firms at the start (the scenario's, or the population a Reset gave).</param>
/// <param name="Start">The first quarter, e.g. <c>2024Q1</c>.</param>
/// <param name="Facilities">The large facilities the page added to the scenario's (a branch's include its parent's), each with its first quarter.</param>
/// <param name="TalentProgrammes">The talent programmes the page added to the scenario's (a branch's include its parent's), each with its first quarter.</param>
public sealed record RunView(string Id, string Scenario, string? ScenarioFile, ulong Seed, RunStatus Status, int Quarters, int Horizon, double Speed,
    IReadOnlyList<LeverSetting> Levers, string? Parent, string? BranchQuarter, IReadOnlyList<string> Clusters, string? Error, int Firms, string Start,
    IReadOnlyList<FacilitySetting> Facilities, IReadOnlyList<TalentProgrammeSetting> TalentProgrammes);

/// <summary>Something that happened to a run, as the event stream sends it.</summary>
/// <param name="Kind"><c>quarter</c> (a new quarter, in <see cref="Quarter"/>) or <c>status</c> (the run's status changed, in <see cref="Run"/>).</param>
/// <param name="Quarter">The new quarter, for <c>quarter</c>.</param>
/// <param name="Run">The run now, for <c>status</c>.</param>
public sealed record RunEvent(string Kind, QuarterView? Quarter, RunView? Run)
{
    /// <summary>A new quarter.</summary>
    public static RunEvent Of(QuarterView quarter) => new("quarter", quarter, null);
    /// <summary>A change of status.</summary>
    public static RunEvent Of(RunView run) => new("status", null, run);
}
