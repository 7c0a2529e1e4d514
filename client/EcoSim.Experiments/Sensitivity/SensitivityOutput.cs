using System.Globalization;
using EcoSim.Experiments.Ensembles;
using EcoSim.Model.Metrics;
using EcoSim.Model.Time;
using EcoSim.Model.World;
using EcoSim.Scenarios;

namespace EcoSim.Experiments.Sensitivity;

/// <summary>
/// One output a sensitivity analysis explains: a region metric in a calendar year, read at the year's
/// last quarter within the run (its fourth, or the run's last tick when the run ends earlier in that
/// year); a count per tick is summed over the four quarters to it, as a sweep reports it
/// (<see cref="SweepSummary.ValueAt"/>).
/// </summary>
/// <param name="Column">The metric.</param>
/// <param name="Year">The calendar year.</param>
public sealed record SensitivityOutput(MetricColumn Column, int Year)
{
    /// <summary>The form of --outputs, with an example.</summary>
    public const string Form = "METRIC@YEAR,..., e.g. productivity@2050,firms@2035";

    /// <summary>How the output is written: <c>metric@year</c>.</summary>
    public string Label => string.Create(CultureInfo.InvariantCulture, $"{Column.Name}@{Year}");

    /// <summary>The unit of its values.</summary>
    public string Unit => SweepSummary.UnitOf(Column);

    /// <summary>The tick the value is read at in <paramref name="world"/>.</summary>
    public int Tick(WorldSpec world) => Math.Min(world.Ticks - 1, new Period(Year, 4).QuartersSince(world.Start));

    /// <summary>Its value in one run's region rows (ordered by tick, one per tick).</summary>
    public double Value(IReadOnlyList<MetricsRow> region, WorldSpec world) => SweepSummary.ValueAt(Column, region, Tick(world));

    /// <summary>The outputs explained when none are asked for: the key metrics in the run's last year.</summary>
    public static IReadOnlyList<SensitivityOutput> Defaults(WorldSpec world) =>
        [.. Findings.KeyMetrics.Select(name => new SensitivityOutput(MetricColumns.Get(name), world.PeriodOf(world.Ticks - 1).Year))];

    /// <summary>Reads --outputs for runs of <paramref name="world"/>; on failure, every problem found, one line each.</summary>
    public static IReadOnlyList<SensitivityOutput>? TryParse(string? text, WorldSpec world, out IReadOnlyList<string> errors)
    {
        var problems = new List<string>();
        errors = problems;
        if (text is null) return Defaults(world);
        var outputs = new List<SensitivityOutput>();
        int first = world.Start.Year, last = world.PeriodOf(world.Ticks - 1).Year;
        foreach (var item in text.Split(',').Select(s => s.Trim()))
        {
            int at = item.IndexOf('@');
            if (at <= 0 || !int.TryParse(item[(at + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out int year))
            {
                problems.Add($"--outputs: '{item}' is not METRIC@YEAR ({Form})");
                continue;
            }
            string name = item[..at];
            var column = MetricColumns.All.FirstOrDefault(c => c.Name == name);
            if (column is null)
            {
                string? close = DidYouMean.Closest(name, MetricColumns.All.Select(c => c.Name));
                problems.Add($"--outputs: unknown metric '{name}' in '{item}'; " + (close is null ? $"known: {string.Join(", ", MetricColumns.All.Select(c => c.Name))}" : $"did you mean '{close}'?"));
                continue;
            }
            if (year < first || year > last)
            {
                problems.Add($"--outputs: year {year} in '{item}' is outside the run's horizon, {first} to {last} ({world.Start} to {world.PeriodOf(world.Ticks - 1)})");
                continue;
            }
            var output = new SensitivityOutput(column, year);
            if (outputs.Contains(output)) problems.Add($"--outputs: '{item}' is given twice");
            else outputs.Add(output);
        }
        return problems.Count > 0 ? null : outputs;
    }
}
