using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
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

/// <summary>A number of a facility as the page shows it: the scenario language's key with its range and unit.</summary>
/// <param name="Name">The key, e.g. <c>buildYears</c>.</param>
/// <param name="Label">A short label for the control.</param>
/// <param name="Description">What it means.</param>
/// <param name="Unit">Its unit.</param>
/// <param name="Min">Smallest allowed value.</param>
/// <param name="Max">Largest allowed value.</param>
/// <param name="Default">What the page proposes: the shipped large-science-facility scenario's value.</param>
/// <param name="SliderMin">The slider's lower end.</param>
/// <param name="SliderMax">The slider's upper end (any allowed value may be typed).</param>
public sealed record FacilityFieldInfo(string Name, string Label, string Description, string Unit, double Min, double Max, double Default, double SliderMin, double SliderMax);

/// <summary>The large-facility lever as the page offers it.</summary>
/// <param name="Name">The name the page proposes.</param>
/// <param name="Cluster">The host cluster the page proposes.</param>
/// <param name="From">The quarter the page proposes for construction to start.</param>
/// <param name="Fields">Its numbers.</param>
public sealed record FacilityInfo(string Name, string Cluster, string From, IReadOnlyList<FacilityFieldInfo> Fields);

/// <summary>
/// The large-facility lever. A facility is a scenario event, not a parameter, so it is checked and read by the scenario
/// loader itself: the facilities asked for are written as the <c>facility</c> events of a scenario file that extends the
/// run's own (the file <see cref="RunScenarioFile"/> writes to reproduce the run holds the same events), the file is
/// loaded, and the loader's errors are given back under the request's field names. A facility acts only from its first
/// quarter of construction, so one that starts at or after a branch's quarter leaves the shared history as it was.
/// </summary>
public static partial class Facilities
{
    private const string CheckFile = "explorer-facilities.yaml";

    // The page's labels and slider ends; the ranges are the scenario language's.
    private static readonly (FacilityKey Key, string Label, double SliderMax)[] Shown =
    [
        (FacilityKeys.BuildYears, "Construction", 15),
        (FacilityKeys.OperationYears, "Operation", 60),
        (FacilityKeys.CostPerYear, "Cost while built", 5),
        (FacilityKeys.KnowledgeBoost, "Knowledge boost", 2),
    ];

    private static readonly JsonSerializerOptions Quoting = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

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
        string text = $"name: explorer-facilities\ndescription: facilities asked for in the explorer\nextends: {Path.GetFileName(source.Sources[0].Path)}\nevents:\n{events}";
        try
        {
            var loaded = ScenarioLoader.LoadTexts(CheckFile, [new(CheckFile, text), .. source.Sources.Select(s => new ScenarioSource(Path.GetFileName(s.Path), s.Text))]);
            return [.. loaded.World.Facilities.Skip(world.Facilities.Count)];
        }
        catch (ScenarioException e)
        {
            foreach (var error in e.Errors) problems.Add(ProblemOf(error, asked, field));
            return [];
        }
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
        var yaml = new StringBuilder().Append("  - at: ").AppendLine(at).AppendLine("    facility:");
        if (facility.Name is { } name) yaml.Append("      ").Append(FacilityKeys.Name).Append(": ").AppendLine(JsonSerializer.Serialize(name, Quoting));
        if (facility.Cluster is { } cluster) yaml.Append("      ").Append(FacilityKeys.Cluster).Append(": ").AppendLine(JsonSerializer.Serialize(cluster, Quoting));
        foreach (var (key, value) in Numbers(facility))
            if (value is double v) yaml.Append("      ").Append(key.Name).Append(": ").AppendLine(v.ToString("R", CultureInfo.InvariantCulture));
        return yaml.ToString();
    }

    private static IEnumerable<(FacilityKey Key, double? Value)> Numbers(FacilitySetting f) =>
        [(FacilityKeys.BuildYears, f.BuildYears), (FacilityKeys.OperationYears, f.OperationYears), (FacilityKeys.CostPerYear, f.CostPerYear), (FacilityKeys.KnowledgeBoost, f.KnowledgeBoost)];

    // The loader names an event's key by its place in the file (events[2].facility.buildYears); the request by its own.
    private static InputProblem ProblemOf(ScenarioError error, List<int> asked, string field)
    {
        if (error.File == CheckFile && EventKey().Match(error.Key) is { Success: true } match && int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) is int n && n < asked.Count)
        {
            string at = $"{field}[{asked[n]}]";
            string key = match.Groups[2].Success ? match.Groups[2].Value : "";
            return new(key.Length == 0 ? at : key == "at" ? $"{at}.from" : $"{at}.{key}", error.Message);
        }
        return new(field, error.Message);
    }

    [GeneratedRegex(@"^events\[(\d+)\](?:\.facility)?(?:\.(\w+))?")]
    private static partial Regex EventKey();

    private static FacilityInfo MakeInfo()
    {
        var shipped = ScenarioLibrary.Shipped.Find("large-science-facility.yaml") is { World.Facilities: [var first, ..] } s ? (first, s.World) : default;
        var proposed = shipped.World is { } w ? SettingOf(shipped.first, w) : new FacilitySetting("Large science facility", "", 5, 30, 0.5, 0.3, null);
        var values = Numbers(proposed).ToDictionary(p => p.Key.Name, p => p.Value ?? 0);
        return new FacilityInfo(proposed.Name!, proposed.Cluster!, proposed.From ?? "",
            [.. Shown.Select(s => new FacilityFieldInfo(s.Key.Name, s.Label, s.Key.Description, s.Key.Unit, s.Key.Min, s.Key.Max, values[s.Key.Name], s.Key.Min, Math.Min(s.Key.Max, s.SliderMax)))]);
    }
}
