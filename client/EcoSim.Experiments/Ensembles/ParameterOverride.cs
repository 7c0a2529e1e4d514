using EcoSim.Model.Parameters;
using EcoSim.Model.World;
using EcoSim.Scenarios;

namespace EcoSim.Experiments.Ensembles;

/// <summary>
/// Holds one parameter at one value for a run, as a policy would: from the second quarter to the last
/// (<see cref="FirstTick"/>), so that the world starts as the scenario calibrates it. Tick 0 derives
/// the starting state from the parameters in force then (labs' knowledge is in steady state with
/// their funding, for instance), so a lever set from tick 0 would only describe a different history,
/// with nothing to respond to. Parameters that only tick 0 reads (<see cref="ParameterSpec.FixedAtStart"/>)
/// describe the start itself and are set there. The scenario's own scheduled changes of the parameter
/// (<c>set:</c> and <c>ramp:</c> events) are dropped, so nothing else moves it.
/// </summary>
internal static class ParameterOverride
{
    /// <summary>The tick from which a swept lever holds: the first after the calibrated start.</summary>
    public const int FirstTick = 1;

    /// <summary>The scenario with <paramref name="parameter"/> at <paramref name="value"/> from <paramref name="fromTick"/> (see the class remarks for when).</summary>
    /// <exception cref="ArgumentException"><paramref name="value"/> is outside the parameter's allowed range.</exception>
    public static Scenario Apply(Scenario scenario, ParameterSpec parameter, double value, int fromTick = FirstTick)
    {
        var world = scenario.World;
        var kept = world.Timeline.Where(change => !Changes(change, parameter));
        if (parameter.FixedAtStart)
            return scenario with { World = world with { Parameters = ParameterCatalog.With(world.Parameters, parameter.Name, value), Timeline = [.. kept] } };
        ParameterCatalog.With(world.Parameters, parameter.Name, value); // checks the value against the allowed range
        return scenario with { World = world with { Timeline = [.. kept, new ParameterChange(parameter.Name, fromTick, fromTick, value, value)] } };
    }

    /// <summary>The scenario's scheduled changes of <paramref name="parameter"/>, which a sweep replaces.</summary>
    public static IReadOnlyList<ParameterChange> Replaced(Scenario scenario, ParameterSpec parameter) =>
        [.. scenario.World.Timeline.Where(change => Changes(change, parameter))];

    /// <summary>In words, from when a swept value of <paramref name="parameter"/> holds in <paramref name="world"/>.</summary>
    public static string Holds(ParameterSpec parameter, WorldSpec world) => parameter.FixedAtStart
        ? $"from the start ({world.Start}; {parameter.Name} sets up the initial state)"
        : $"from {world.PeriodOf(FirstTick)} to the end, the start ({world.Start}) being the scenario's own";

    private static bool Changes(ParameterChange change, ParameterSpec parameter) =>
        string.Equals(change.Parameter, parameter.Name, StringComparison.OrdinalIgnoreCase);
}
