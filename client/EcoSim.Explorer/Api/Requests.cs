using EcoSim.Explorer.Library;
using EcoSim.Explorer.Runs;

namespace EcoSim.Explorer.Api;

/// <summary>Starts a run: a shipped scenario by file name, or a scenario's YAML text, with a seed and levers.</summary>
/// <param name="Scenario">A shipped scenario's file name (<c>GET /api/scenarios</c>); ignored when <paramref name="ScenarioText"/> is given.</param>
/// <param name="ScenarioText">A scenario's YAML, which may extend a shipped scenario by its file name.</param>
/// <param name="Seed">The seed; the scenario's own when null.</param>
/// <param name="Levers">Levers to set, each from its quarter on.</param>
/// <param name="Firms">Firms at the start (a Reset with another population), 1 to <see cref="ExplorerLimits.MaxFirms"/>; the scenario's own when null.</param>
/// <param name="Facilities">Large science facilities to build, each from its quarter, after the scenario's own (<c>GET /api/facilities</c>).</param>
/// <param name="TalentProgrammes">Talent programmes to run, each from its quarter, after the scenario's own (<c>GET /api/talent-programmes</c>).</param>
public sealed record StartRequest(string? Scenario = null, string? ScenarioText = null, ulong? Seed = null, IReadOnlyList<LeverSetting>? Levers = null, int? Firms = null,
    IReadOnlyList<FacilitySetting?>? Facilities = null, IReadOnlyList<TalentProgrammeSetting?>? TalentProgrammes = null);

/// <summary>Runs one setting over many seeds: a shipped scenario or a scenario's text, the first seed, levers, and how many seeds.</summary>
/// <param name="Scenario">As for <see cref="StartRequest.Scenario"/>.</param>
/// <param name="ScenarioText">As for <see cref="StartRequest.ScenarioText"/>.</param>
/// <param name="Seed">The first seed (the others follow it); the scenario's own when null.</param>
/// <param name="Levers">Levers to set on every run.</param>
/// <param name="Seeds">How many seeds, 2 to 50 (a 5-95% band from 10 on).</param>
/// <param name="Firms">As for <see cref="StartRequest.Firms"/>.</param>
/// <param name="Facilities">As for <see cref="StartRequest.Facilities"/>.</param>
/// <param name="TalentProgrammes">As for <see cref="StartRequest.TalentProgrammes"/>.</param>
public sealed record EnsembleRequest(string? Scenario = null, string? ScenarioText = null, ulong? Seed = null, IReadOnlyList<LeverSetting>? Levers = null, int Seeds = 10, int? Firms = null,
    IReadOnlyList<FacilitySetting?>? Facilities = null, IReadOnlyList<TalentProgrammeSetting?>? TalentProgrammes = null);

/// <summary>An ensemble and its bands over the runs finished so far.</summary>
/// <param name="Ensemble">The ensemble.</param>
/// <param name="Quarters">The bands, quarter by quarter.</param>
public sealed record EnsembleBands(EnsembleView Ensemble, IReadOnlyList<BandQuarter> Quarters);

/// <summary>Runs some quarters of a paused run.</summary>
/// <param name="Quarters">How many (at the scenario's end, fewer).</param>
public sealed record StepRequest(int Quarters = 1);

/// <summary>Plays a run.</summary>
/// <param name="Speed">Quarters per second; 0 for as fast as the engine goes.</param>
public sealed record PlayRequest(double Speed = 0);

/// <summary>Branches a paused run at its present quarter with changed levers.</summary>
/// <param name="Levers">The levers that change, from the branch's quarter unless a later quarter is given.</param>
/// <param name="Facilities">Large science facilities the branch builds, from the branch's quarter unless a later quarter is given.</param>
/// <param name="TalentProgrammes">Talent programmes the branch runs, from the branch's quarter unless a later quarter is given.</param>
public sealed record BranchRequest(IReadOnlyList<LeverSetting>? Levers = null, IReadOnlyList<FacilitySetting?>? Facilities = null,
    IReadOnlyList<TalentProgrammeSetting?>? TalentProgrammes = null);

/// <summary>A run and the quarters it has done (from the quarter asked for).</summary>
/// <param name="Run">The run.</param>
/// <param name="Quarters">Its quarters.</param>
public sealed record RunHistory(RunView Run, IReadOnlyList<QuarterView> Quarters);

/// <summary>A metric of the catalogue, as the page labels it.</summary>
/// <param name="Name">Its column name in metrics.csv.</param>
/// <param name="Title">Its title.</param>
/// <param name="Unit">Its unit.</param>
/// <param name="PerQuarter">True for a count per quarter (a flow), false for a level.</param>
public sealed record MetricInfo(string Name, string Title, string Unit, bool PerQuarter);

/// <summary>The limits a page or a script should know before it asks (<see cref="ExplorerLimits"/>).</summary>
/// <param name="RunsPerSession">Live runs one session may hold, branches included.</param>
/// <param name="Runs">Live runs in all.</param>
/// <param name="MinFirms">The fewest firms a run may start with.</param>
/// <param name="MaxFirms">The most firms a run may start with.</param>
/// <param name="MaxStep">The most quarters one step may ask for.</param>
/// <param name="IdleMinutes">Minutes after which a run nobody uses or watches is released.</param>
public sealed record LimitsView(int RunsPerSession, int Runs, int MinFirms, int MaxFirms, int MaxStep, double IdleMinutes)
{
    /// <summary>The view of <paramref name="limits"/>.</summary>
    public static LimitsView Of(ExplorerLimits limits) =>
        new(limits.RunsPerSession, limits.Runs, 1, limits.MaxFirms, limits.MaxStep, limits.Idle.TotalMinutes);
}

/// <summary>Why a request was refused: a message and, for bad input, each field that is wrong.</summary>
/// <param name="Error">What is wrong.</param>
/// <param name="Problems">The fields that are wrong and why, for bad input.</param>
public sealed record ApiError(string Error, IReadOnlyList<InputProblem>? Problems = null);
