using System.Text;
using EcoSim.Model.World;
using EcoSim.Scenarios;

namespace EcoSim.Explorer.Library;

/// <summary>
/// A large science facility a request asks for: the keys of a scenario's <c>facility</c> event (docs/SCENARIOS.md, section
/// 2.6), and the quarter its construction starts. Every key but <see cref="From"/> is required, as in a scenario file.
/// </summary>
/// <param name="Name">Its name, for reports.</param>
/// <param name="Cluster">The id of the cluster that hosts it, e.g. <c>precision-instruments</c>.</param>
/// <param name="BuildYears">Years of construction.</param>
/// <param name="OperationYears">Years of operation after construction.</param>
/// <param name="CostPerYear">Spending while it is built, bn yuan/yr, from the host's basic-research money.</param>
/// <param name="KnowledgeBoost">Rise of the host's labs' knowledge production while it operates (0.3 = +30%).</param>
/// <param name="From">The quarter construction starts, e.g. <c>2026Q1</c>; null for the run's second quarter (or, for a branch, the branch's quarter).</param>
public sealed record FacilitySetting(string? Name = null, string? Cluster = null, double? BuildYears = null, double? OperationYears = null,
    double? CostPerYear = null, double? KnowledgeBoost = null, string? From = null);

/// <summary>The large-facility lever as the page offers it.</summary>
/// <param name="Name">The name the page proposes.</param>
/// <param name="Cluster">The host cluster the page proposes.</param>
/// <param name="From">The quarter the page proposes for construction to start.</param>
/// <param name="Fields">Its numbers.</param>
public sealed record FacilityInfo(string Name, string Cluster, string From, IReadOnlyList<EventFieldInfo> Fields);

/// <summary>
/// The large-facility lever. A facility is a scenario event, not a parameter, so it is checked and read by the scenario
/// loader itself (<see cref="RequestedEvents"/>). A facility acts only from its first quarter of construction, so one
/// that starts at or after a branch's quarter leaves the shared history as it was.
/// </summary>
public static class Facilities
{
    // The page's labels and slider ends; the ranges are the scenario language's.
    private static readonly (EventNumberKey Key, string Label, double SliderMax)[] Shown =
    [
        (FacilityKeys.BuildYears, "Construction", 15),
        (FacilityKeys.OperationYears, "Operation", 60),
        (FacilityKeys.CostPerYear, "Cost while built", 5),
        (FacilityKeys.KnowledgeBoost, "Knowledge boost", 2),
    ];

    /// <summary>The lever as the page offers it, proposing the shipped large-science-facility scenario's facility.</summary>
    public static FacilityInfo Info { get; } = MakeInfo();

    /// <summary>
    /// Checks <paramref name="facilities"/> by the scenario language's rules and the quarters a run may still change, and
    /// returns the facilities they add to <paramref name="source"/>'s world, or the problems, each naming its field.
    /// </summary>
    /// <param name="facilities">The facilities asked for.</param>
    /// <param name="source">The scenario the run started from (the reproducing file extends it).</param>
    /// <param name="earliest">The first tick a facility may start in (1 for a new run; the branch's tick for a branch).</param>
    /// <param name="field">The request's field holding them, for messages.</param>
    /// <param name="problems">Where problems are added.</param>
    public static IReadOnlyList<FacilitySpec> Check(IReadOnlyList<FacilitySetting?>? facilities, Scenario source, int earliest, string field, List<InputProblem> problems)
    {
        if (facilities is not { Count: > 0 }) return [];
        var world = source.World;
        var events = new StringBuilder();
        var asked = new List<int>(); // the request's index of each event written
        for (int i = 0; i < facilities.Count; i++)
        {
            string at = $"{field}[{i}]";
            if (facilities[i] is not { } facility)
            {
                problems.Add(new(at, $"expected a facility: {{ {string.Join(", ", FacilityKeys.All)}, from }}"));
                continue;
            }
            if (!Levers.TryTick(facility.From, world, earliest, $"{at}.from", problems, out int tick)) continue;
            events.Append(EventYaml(facility, world.PeriodOf(tick).ToString()));
            asked.Add(i);
        }
        if (asked.Count == 0) return [];
        var loaded = RequestedEvents.Load(source, events.ToString(), asked, FacilityKeys.Event, field, problems);
        return loaded is null ? [] : [.. loaded.World.Facilities.Skip(world.Facilities.Count)];
    }

    /// <summary>The scenario with <paramref name="added"/> after its own facilities.</summary>
    public static Scenario Apply(Scenario scenario, IReadOnlyList<FacilitySpec> added) =>
        added.Count == 0 ? scenario : scenario with { World = scenario.World with { Facilities = [.. scenario.World.Facilities, .. added] } };

    /// <summary>A facility of <paramref name="world"/> as a request gives it (its cluster by id, its first quarter).</summary>
    public static FacilitySetting SettingOf(FacilitySpec facility, WorldSpec world) =>
        new(facility.Name, world.Clusters[facility.Cluster].Id, facility.BuildYears, facility.OperationYears, facility.CostPerYear, facility.KnowledgeBoost,
            world.PeriodOf(facility.StartTick).ToString());

    /// <summary>
    /// One <c>facility</c> event, as an item of a scenario file's <c>events:</c> list, starting at <paramref name="at"/>;
    /// keys without a value are left out, for the loader to say they are required. Texts are quoted, so nothing in them
    /// can become a key of the file.
    /// </summary>
    public static string EventYaml(FacilitySetting facility, string at)
    {
        var yaml = new StringBuilder().Append("  - at: ").AppendLine(at).Append("    ").Append(FacilityKeys.Event).AppendLine(":");
        if (facility.Name is { } name) yaml.Append("      ").Append(FacilityKeys.Name).Append(": ").AppendLine(RequestedEvents.Quote(name));
        if (facility.Cluster is { } cluster) yaml.Append("      ").Append(FacilityKeys.Cluster).Append(": ").AppendLine(RequestedEvents.Quote(cluster));
        foreach (var (key, value) in Numbers(facility))
            if (value is double v) yaml.Append("      ").Append(key.Name).Append(": ").AppendLine(RequestedEvents.Number(v));
        return yaml.ToString();
    }

    private static IEnumerable<(EventNumberKey Key, double? Value)> Numbers(FacilitySetting f) =>
        [(FacilityKeys.BuildYears, f.BuildYears), (FacilityKeys.OperationYears, f.OperationYears), (FacilityKeys.CostPerYear, f.CostPerYear), (FacilityKeys.KnowledgeBoost, f.KnowledgeBoost)];

    private static FacilityInfo MakeInfo()
    {
        var shipped = ScenarioLibrary.Shipped.Find("large-science-facility.yaml") is { World.Facilities: [var first, ..] } s ? (first, s.World) : default;
        var proposed = shipped.World is { } w ? SettingOf(shipped.first, w) : new FacilitySetting("Large science facility", "", 5, 30, 0.5, 0.3, null);
        var values = Numbers(proposed).ToDictionary(p => p.Key.Name, p => p.Value ?? 0);
        return new FacilityInfo(proposed.Name!, proposed.Cluster!, proposed.From ?? "",
            [.. Shown.Select(s => EventFieldInfo.Of(s.Key, s.Label, values[s.Key.Name], s.SliderMax))]);
    }
}
