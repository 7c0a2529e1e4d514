using System.Globalization;
using EcoSim.Model.Parameters;
using EcoSim.Model.World;
using EcoSim.Scenarios;

namespace EcoSim.Explorer.Library;

/// <summary>A lever as the page shows it: a catalogue parameter with its unit, range, default and meaning.</summary>
/// <param name="Name">The parameter's scenario name.</param>
/// <param name="Label">A short label for the control.</param>
/// <param name="Description">One line on what it does, from the catalogue.</param>
/// <param name="Unit">Its unit.</param>
/// <param name="Min">Smallest allowed value.</param>
/// <param name="Max">Largest allowed value.</param>
/// <param name="Default">The model's default.</param>
/// <param name="SliderMin">The slider's lower end (a sensible part of the allowed range; any allowed value may be typed).</param>
/// <param name="SliderMax">The slider's upper end.</param>
/// <param name="Link">The link of the innovation chain it acts on.</param>
public sealed record LeverInfo(string Name, string Label, string Description, string Unit, double Min, double Max, double Default,
    double SliderMin, double SliderMax, string Link);

/// <summary>A lever set to a value from a quarter on, as a request gives it.</summary>
/// <param name="Name">The parameter's scenario name.</param>
/// <param name="Value">Its value.</param>
/// <param name="From">The first quarter it holds, e.g. <c>2025Q1</c>; null for the run's second quarter (or, for a branch, the branch's quarter).</param>
public sealed record LeverSetting(string Name, double Value, string? From = null);

/// <summary>A request's input that is wrong: the field it came from and what is wrong with it.</summary>
/// <param name="Field">The field, e.g. <c>levers[0].value</c>.</param>
/// <param name="Message">What is wrong and what is allowed.</param>
/// <param name="Errors">For a pasted scenario (<c>scenarioText</c>), each error with its line and column, for the page to show beside the text.</param>
public sealed record InputProblem(string Field, string Message, IReadOnlyList<ScenarioError>? Errors = null);

/// <summary>
/// The levers the page offers, and the one check of a lever setting against the parameter catalogue.
/// A lever changes a parameter from a quarter on, the scenario's own changes before that quarter kept:
/// the change is appended to the timeline, where a later change wins, so the history before the
/// lever's quarter is exactly the scenario's (and a branch shares its parent's history bit for bit).
/// </summary>
public static class Levers
{
    private static readonly (string Name, string Label, double SliderMin, double SliderMax, string Link)[] Shown =
    [
        ("minBasicShare", "Basic-research floor", 0, 0.5, "basic research"),
        ("basicShare", "Basic-research share", 0, 0.6, "basic research"),
        ("publicBudgetGrowth", "Budget growth", -0.05, 0.15, "all links"),
        ("appliedWeight", "Breakthroughs weight", 0, 2, "technology breakthroughs"),
        ("transformationWeight", "Transformation weight", 0, 2, "results transformation"),
        ("financeWeight", "S&T finance weight", 0, 2, "S&T finance"),
        ("talentWeight", "Talent weight", 0, 2, "talent support"),
        ("superDeduction", "R&D super-deduction", 0, 2, "results transformation"),
        ("guidanceLeverage", "Guidance-fund leverage", 0, 10, "S&T finance"),
        ("graduateRate", "Researcher graduate rate", 0, 0.3, "talent support"),
    ];

    /// <summary>The levers the page shows, in the innovation chain's order.</summary>
    public static IReadOnlyList<LeverInfo> All { get; } = [.. Shown.Select(Info)];

    /// <summary>
    /// Checks <paramref name="levers"/> against the catalogue and the run's horizon and returns the
    /// changes they make, or the problems, each naming its field and the allowed range.
    /// </summary>
    /// <param name="levers">The settings.</param>
    /// <param name="world">The run's world (its horizon and start).</param>
    /// <param name="earliest">The first tick a lever may act from (1 for a new run: tick 0 is the calibrated start; the branch's tick for a branch).</param>
    /// <param name="field">The request's field holding the settings, for messages.</param>
    /// <param name="problems">Where problems are added.</param>
    public static IReadOnlyList<ParameterChange> Check(IReadOnlyList<LeverSetting>? levers, WorldSpec world, int earliest, string field, List<InputProblem> problems)
    {
        var changes = new List<ParameterChange>();
        for (int i = 0; i < (levers?.Count ?? 0); i++)
        {
            var lever = levers![i];
            string at = $"{field}[{i}]";
            if (lever is null || string.IsNullOrWhiteSpace(lever.Name) || !ParameterCatalog.TryGet(lever.Name, out var spec))
            {
                problems.Add(new($"{at}.name", $"unknown parameter '{lever?.Name}'; the levers are {string.Join(", ", All.Select(l => l.Name))} (any parameter of the catalogue in docs/MODEL.md may be given)"));
                continue;
            }
            if (spec.FixedAtStart)
            {
                problems.Add(new($"{at}.name", $"'{spec.Name}' sets up the start (tick 0) and cannot change during a run; start a new run (Reset) with it in the scenario"));
                continue;
            }
            if (!spec.Allows(lever.Value))
                problems.Add(new($"{at}.value", string.Create(CultureInfo.InvariantCulture, $"'{spec.Name}' = {lever.Value} is outside its allowed range [{spec.Min}, {spec.Max}] ({spec.Unit})")));
            bool timed = TryTick(lever.From, world, earliest, $"{at}.from", problems, out int tick);
            if (spec.Allows(lever.Value) && timed) changes.Add(new ParameterChange(spec.Name, tick, tick, lever.Value, lever.Value));
        }
        return changes;
    }

    /// <summary>
    /// The tick of the quarter <paramref name="from"/> (null: <paramref name="earliest"/>), checked to lie between
    /// <paramref name="earliest"/> and the horizon's last quarter; false, with a problem under <paramref name="field"/>, if not.
    /// </summary>
    public static bool TryTick(string? from, WorldSpec world, int earliest, string field, List<InputProblem> problems, out int tick)
    {
        tick = earliest;
        if (from is null) return true;
        string last = world.PeriodOf(world.Ticks - 1).ToString();
        string first = world.PeriodOf(earliest).ToString();
        if (!Model.Time.Period.TryParse(from, out var period))
            problems.Add(new(field, $"'{from}' is not a quarter such as {first}"));
        else if ((tick = period.QuartersSince(world.Start)) < earliest || tick >= world.Ticks)
            problems.Add(new(field, $"{from} is outside {first}..{last}, the quarters a lever may act in here"));
        else return true;
        return false;
    }

    /// <summary>The scenario with <paramref name="changes"/> appended to its timeline (later changes win, see the class remarks).</summary>
    public static Scenario Apply(Scenario scenario, IReadOnlyList<ParameterChange> changes) =>
        changes.Count == 0 ? scenario : scenario with { World = scenario.World with { Timeline = [.. scenario.World.Timeline, .. changes] } };

    private static LeverInfo Info((string Name, string Label, double SliderMin, double SliderMax, string Link) shown)
    {
        if (!ParameterCatalog.TryGet(shown.Name, out var spec)) throw new InvalidOperationException($"lever '{shown.Name}' is not in the parameter catalogue");
        return new LeverInfo(spec.Name, shown.Label, spec.Description, spec.Unit, spec.Min, spec.Max, spec.Default,
            Math.Max(spec.Min, shown.SliderMin), Math.Min(spec.Max, shown.SliderMax), shown.Link);
    }
}
