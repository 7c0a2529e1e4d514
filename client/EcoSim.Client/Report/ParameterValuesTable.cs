using System.Globalization;
using EcoSim.Model.Parameters;
using EcoSim.Model.World;
using EcoSim.Scenarios;

namespace EcoSim.Client.Report;

/// <summary>A parameter's value in one scenario: in force at the start, scheduled changes, and whether it differs from the default.</summary>
/// <param name="Start">Value in force at the first tick.</param>
/// <param name="Schedule">Scheduled changes, e.g. "from 2024Q4: 0.3333".</param>
/// <param name="Changed">True when the start value differs from the default or a change is scheduled.</param>
internal sealed record ParameterCell(double Start, IReadOnlyList<string> Schedule, bool Changed);

/// <summary>One parameter across the scenarios of a report.</summary>
/// <param name="Spec">The catalogue entry (name, meaning, unit, range, default, source).</param>
/// <param name="Cells">One cell per scenario, in the table's order.</param>
internal sealed record ParameterValuesRow(ParameterSpec Spec, IReadOnlyList<ParameterCell> Cells)
{
    /// <summary>True when any scenario changes this parameter from its default.</summary>
    public bool AnyChanged => Cells.Any(c => c.Changed);
}

/// <summary>
/// The model's parameter catalogue (<see cref="ParameterCatalog.All"/>, as in docs/MODEL.md section 8)
/// with the values in force in one or more scenarios, marking what each scenario changed from the default.
/// </summary>
/// <param name="ScenarioNames">Column headings, one per scenario.</param>
/// <param name="Rows">Every parameter, in catalogue order.</param>
internal sealed record ParameterValuesTable(IReadOnlyList<string> ScenarioNames, IReadOnlyList<ParameterValuesRow> Rows)
{
    /// <summary>The table for <paramref name="scenarios"/>.</summary>
    public static ParameterValuesTable For(IReadOnlyList<Scenario> scenarios) =>
        new([.. scenarios.Select(s => s.Name)],
            [.. ParameterCatalog.All.Select(spec => new ParameterValuesRow(spec, [.. scenarios.Select(s => Cell(spec, s.World))]))]);

    /// <summary>A number as written in scenario files: invariant culture, shortest round-trip form.</summary>
    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static ParameterCell Cell(ParameterSpec spec, WorldSpec world)
    {
        double start = ParameterCatalog.Get(world.ParametersAt(0), spec.Name);
        var schedule = world.Timeline
            .Where(c => string.Equals(c.Parameter, spec.Name, StringComparison.OrdinalIgnoreCase) && c.StartTick > 0)
            .Select(c => Describe(c, world))
            .ToList();
        return new ParameterCell(start, schedule, start != spec.Default || schedule.Count > 0);
    }

    private static string Describe(ParameterChange change, WorldSpec world)
    {
        string after = change.StartTick >= world.Ticks ? " (after the last simulated quarter)" : "";
        return change.StartTick == change.EndTick
            ? $"from {world.PeriodOf(change.StartTick)}: {Number(change.To)}{after}"
            : $"{world.PeriodOf(change.StartTick)} to {world.PeriodOf(change.EndTick)}: {Number(change.From)} → {Number(change.To)}{after}";
    }
}
