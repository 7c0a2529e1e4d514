using System.Text;
using EcoSim.Model.World;
using EcoSim.Scenarios;

namespace EcoSim.Explorer.Library;

/// <summary>
/// A talent programme a request asks for: the keys of a scenario's <c>talentProgramme</c> event (docs/SCENARIOS.md,
/// section 2.6) and the quarter it starts. The cluster and the yearly recruitment are required, as in a scenario file.
/// </summary>
/// <param name="Cluster">The id of the cluster whose researcher pool it recruits into, e.g. <c>biomedicine</c>.</param>
/// <param name="ResearchersPerYear">Researchers recruited a year.</param>
/// <param name="From">The quarter it starts, e.g. <c>2025Q1</c>; null for the run's second quarter (or, for a branch, the branch's quarter).</param>
/// <param name="Until">The first quarter it no longer recruits in; null to run to the horizon's end.</param>
public sealed record TalentProgrammeSetting(string? Cluster = null, double? ResearchersPerYear = null, string? From = null, string? Until = null);

/// <summary>The talent-programme lever as the page offers it.</summary>
/// <param name="Cluster">The cluster the page proposes.</param>
/// <param name="From">The quarter the page proposes for it to start.</param>
/// <param name="Until">The quarter the page proposes for it to end.</param>
/// <param name="Fields">Its numbers.</param>
public sealed record TalentProgrammeInfo(string Cluster, string From, string Until, IReadOnlyList<EventFieldInfo> Fields);

/// <summary>
/// The talent-programme lever. A programme is a scenario event (a cluster shock), not a parameter, so it is checked and
/// read by the scenario loader itself (<see cref="RequestedEvents"/>). It acts only from its first quarter, so one that
/// starts at or after a branch's quarter leaves the shared history as it was.
/// </summary>
public static class TalentProgrammes
{
    /// <summary>
    /// The page's proposal, the example of docs/SCENARIOS.md section 2.6 (no shipped scenario has a programme): 2,000
    /// researchers a year into biomedicine from 2025Q1 to 2030Q1.
    /// </summary>
    public static TalentProgrammeInfo Info { get; } = new("biomedicine", "2025Q1", "2030Q1",
        [EventFieldInfo.Of(TalentProgrammeKeys.ResearchersPerYear, "Researchers a year", 2000, 20_000)]);

    /// <summary>
    /// Checks <paramref name="programmes"/> by the scenario language's rules and the quarters a run may still change, and
    /// returns the cluster shocks they add to <paramref name="source"/>'s world, or the problems, each naming its field.
    /// </summary>
    /// <param name="programmes">The programmes asked for.</param>
    /// <param name="source">The scenario the run started from (the reproducing file extends it).</param>
    /// <param name="earliest">The first tick a programme may start in (1 for a new run; the branch's tick for a branch).</param>
    /// <param name="field">The request's field holding them, for messages.</param>
    /// <param name="problems">Where problems are added.</param>
    public static IReadOnlyList<ClusterShock> Check(IReadOnlyList<TalentProgrammeSetting?>? programmes, Scenario source, int earliest, string field, List<InputProblem> problems)
    {
        if (programmes is not { Count: > 0 }) return [];
        var world = source.World;
        var events = new StringBuilder();
        var asked = new List<int>(); // the request's index of each event written
        for (int i = 0; i < programmes.Count; i++)
        {
            string at = $"{field}[{i}]";
            if (programmes[i] is not { } programme)
            {
                problems.Add(new(at, $"expected a talent programme: {{ {string.Join(", ", TalentProgrammeKeys.All)}, from }}"));
                continue;
            }
            if (!Levers.TryTick(programme.From, world, earliest, $"{at}.from", problems, out int tick)) continue;
            events.Append(EventYaml(programme, world.PeriodOf(tick).ToString()));
            asked.Add(i);
        }
        if (asked.Count == 0) return [];
        var loaded = RequestedEvents.Load(source, events.ToString(), asked, TalentProgrammeKeys.Event, field, problems);
        return loaded is null ? [] : [.. loaded.World.Shocks.Skip(world.Shocks.Count)];
    }

    /// <summary>The scenario with <paramref name="added"/> after its own cluster shocks.</summary>
    public static Scenario Apply(Scenario scenario, IReadOnlyList<ClusterShock> added) =>
        added.Count == 0 ? scenario : scenario with { World = scenario.World with { Shocks = [.. scenario.World.Shocks, .. added] } };

    /// <summary>A programme of <paramref name="world"/> as a request gives it (its cluster by id, its first quarter, its end unless the horizon's).</summary>
    public static TalentProgrammeSetting SettingOf(ClusterShock programme, WorldSpec world) =>
        new(world.Clusters[programme.Cluster].Id, programme.Value, world.PeriodOf(programme.StartTick).ToString(),
            programme.EndTick >= world.Ticks ? null : world.PeriodOf(programme.EndTick).ToString());

    /// <summary>
    /// One <c>talentProgramme</c> event, as an item of a scenario file's <c>events:</c> list, starting at <paramref name="at"/>;
    /// keys without a value are left out, for the loader to say they are required. Texts are quoted, so nothing in them
    /// can become a key of the file.
    /// </summary>
    public static string EventYaml(TalentProgrammeSetting programme, string at)
    {
        var yaml = new StringBuilder().Append("  - at: ").AppendLine(at).Append("    ").Append(TalentProgrammeKeys.Event).AppendLine(":");
        if (programme.Cluster is { } cluster) yaml.Append("      ").Append(TalentProgrammeKeys.Cluster).Append(": ").AppendLine(RequestedEvents.Quote(cluster));
        if (programme.ResearchersPerYear is { } n)
            yaml.Append("      ").Append(TalentProgrammeKeys.ResearchersPerYear.Name).Append(": ").AppendLine(RequestedEvents.Number(n));
        if (programme.Until is { } until) yaml.Append("      ").Append(TalentProgrammeKeys.Until).Append(": ").AppendLine(RequestedEvents.Quote(until));
        return yaml.ToString();
    }
}
