using EcoSim.Explorer.Library;
using EcoSim.Model.World;
using EcoSim.Scenarios;

namespace EcoSim.Explorer.Runs;

/// <summary>What a live run runs: the scenario with its seed, population and levers in force, and where it came from.</summary>
/// <param name="Scenario">The scenario as run (levers already in its timeline, see <see cref="Levers.Apply"/>).</param>
/// <param name="ScenarioFile">The shipped file it came from, or null for a pasted scenario.</param>
/// <param name="Levers">The levers as the user gave them, for display and for branches to inherit.</param>
public sealed record RunPlan(Scenario Scenario, string? ScenarioFile, IReadOnlyList<LeverSetting> Levers)
{
    /// <summary>
    /// The scenario as chosen or pasted, before the page's seed, population and levers: what the scenario
    /// file that reproduces the run extends (<see cref="RunScenarioFile"/>). The run's own scenario unless set.
    /// </summary>
    public Scenario Source { get; init; } = Scenario;

    /// <summary>The changes the levers appended to the timeline, in order (a branch's after its parent's): one <c>set</c> event each in the reproducing file.</summary>
    public IReadOnlyList<ParameterChange> Changes { get; init; } = [];

    /// <summary>The large facilities the page added after the scenario's own, in order (a branch's after its parent's): one <c>facility</c> event each in the reproducing file.</summary>
    public IReadOnlyList<FacilitySpec> Facilities { get; init; } = [];

    /// <summary>The talent programmes the page added after the scenario's own cluster shocks, in order (a branch's after its parent's): one <c>talentProgramme</c> event each in the reproducing file.</summary>
    public IReadOnlyList<ClusterShock> TalentProgrammes { get; init; } = [];

    /// <summary>
    /// The plan of <paramref name="source"/> with another seed and population if given, <paramref name="changes"/>
    /// appended to its timeline, <paramref name="facilities"/> to its facilities and <paramref name="programmes"/> to its cluster shocks.
    /// </summary>
    public static RunPlan Of(Scenario source, string? file, ulong? seed, int? firms, IReadOnlyList<ParameterChange> changes, IReadOnlyList<LeverSetting> levers,
        IReadOnlyList<FacilitySpec>? facilities = null, IReadOnlyList<ClusterShock>? programmes = null)
    {
        var scenario = seed is ulong given ? source.WithSeed(given) : source;
        if (firms is int n) scenario = scenario with { World = scenario.World with { Firms = n } };
        facilities ??= [];
        programmes ??= [];
        return new RunPlan(Library.TalentProgrammes.Apply(Library.Facilities.Apply(Library.Levers.Apply(scenario, changes), facilities), programmes), file, levers)
        {
            Source = source, Changes = changes, Facilities = facilities, TalentProgrammes = programmes,
        };
    }

    /// <summary>This plan with a branch's <paramref name="changes"/>, <paramref name="facilities"/> and <paramref name="programmes"/> appended after its own, and its levers after these.</summary>
    public RunPlan Branched(IReadOnlyList<ParameterChange> changes, IReadOnlyList<LeverSetting> levers, IReadOnlyList<FacilitySpec>? facilities = null,
        IReadOnlyList<ClusterShock>? programmes = null) =>
        this with
        {
            Scenario = Library.TalentProgrammes.Apply(Library.Facilities.Apply(Library.Levers.Apply(Scenario, changes), facilities ?? []), programmes ?? []),
            Levers = [.. Levers, .. levers], Changes = [.. Changes, .. changes], Facilities = [.. Facilities, .. facilities ?? []],
            TalentProgrammes = [.. TalentProgrammes, .. programmes ?? []],
        };
}
