using System.Globalization;
using EcoSim.Experiments.Ensembles;
using EcoSim.Model.Parameters;
using EcoSim.Model.World;
using EcoSim.Scenarios;

namespace EcoSim.Experiments.Report;

/// <summary>A parameter's value in one scenario: in force at the start, scheduled changes, and whether it differs from the default.</summary>
/// <param name="Start">Value in force at the first tick.</param>
/// <param name="Schedule">Scheduled changes, e.g. "from 2024Q4: 0.3333".</param>
/// <param name="Changed">True when the start value differs from the default or a change is scheduled.</param>
/// <param name="Swept">For a parameter a sweep varies, the values it takes (e.g. "swept: 0.1 to 0.4, step 0.1"); null otherwise.</param>
internal sealed record ParameterCell(double Start, IReadOnlyList<string> Schedule, bool Changed, string? Swept = null);

/// <summary>One parameter across the scenarios of a report.</summary>
/// <param name="Spec">The catalogue entry (name, meaning, unit, range, default, source).</param>
/// <param name="Cells">One cell per scenario, in the table's order.</param>
internal sealed record ParameterValuesRow(ParameterSpec Spec, IReadOnlyList<ParameterCell> Cells)
{
    /// <summary>True when any scenario changes this parameter from its default.</summary>
    public bool AnyChanged => Cells.Any(c => c.Changed);

    /// <summary>True when a sweep varies this parameter.</summary>
    public bool IsSwept => Cells.Any(c => c.Swept is not null);
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

    /// <summary>
    /// The table with the parameters of <paramref name="axes"/> marked as swept: each cell gives the swept
    /// values instead of the scenario's, and says what the sweep replaced (the scenario's value and its
    /// scheduled changes, which a sweep drops).
    /// </summary>
    public ParameterValuesTable WithSwept(IReadOnlyList<SweepAxis> axes) =>
        this with
        {
            Rows = [.. Rows.Select(row => axes.FirstOrDefault(a => a.Parameter.Name == row.Spec.Name) is { } axis
                ? row with { Cells = [.. row.Cells.Select(cell => Swept(cell, axis))] }
                : row)],
        };

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

    private static ParameterCell Swept(ParameterCell cell, SweepAxis axis)
    {
        var values = axis.Values;
        string swept = values.Count == 1 ? $"swept: held at {Number(values[0])}" : $"swept: {Number(values[0])} to {Number(values[^1])}";
        string replaced = $"instead of {Number(cell.Start)}" +
                          (cell.Schedule.Count == 0 ? "" : $" and {cell.Schedule.Count} scheduled change{(cell.Schedule.Count == 1 ? "" : "s")}");
        List<string> notes = values.Count == 1 ? [replaced] : [$"step {Number((double)axis.Step)}, {values.Count} values", replaced];
        return new ParameterCell(cell.Start, notes, Changed: true, swept);
    }

    private static string Describe(ParameterChange change, WorldSpec world)
    {
        string after = change.StartTick >= world.Ticks ? " (after the last simulated quarter)" : "";
        return change.StartTick == change.EndTick
            ? $"from {world.PeriodOf(change.StartTick)}: {Number(change.To)}{after}"
            : $"{world.PeriodOf(change.StartTick)} to {world.PeriodOf(change.EndTick)}: {Number(change.From)} → {Number(change.To)}{after}";
    }
}
