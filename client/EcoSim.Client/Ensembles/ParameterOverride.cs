using EcoSim.Model.Parameters;
using EcoSim.Model.World;
using EcoSim.Scenarios;

namespace EcoSim.Client.Ensembles;

/// <summary>
/// Holds one parameter at one value for a whole run. The value is set through the parameter catalogue,
/// the same way a scenario's <c>parameters:</c> are, so it is in force from tick 0 (parameters fixed at
/// the start included); the scenario's scheduled changes of that parameter (<c>set:</c> and <c>ramp:</c>
/// events) are dropped, so nothing moves it later.
/// </summary>
internal static class ParameterOverride
{
    /// <summary>The scenario with <paramref name="parameter"/> at <paramref name="value"/> throughout.</summary>
    /// <exception cref="ArgumentException"><paramref name="value"/> is outside the parameter's allowed range.</exception>
    public static Scenario Apply(Scenario scenario, ParameterSpec parameter, double value)
    {
        var world = scenario.World;
        return scenario with
        {
            World = world with
            {
                Parameters = ParameterCatalog.With(world.Parameters, parameter.Name, value),
                Timeline = [.. world.Timeline.Where(change => !Changes(change, parameter))],
            },
        };
    }

    /// <summary>The scenario's scheduled changes of <paramref name="parameter"/>, which a sweep replaces.</summary>
    public static IReadOnlyList<ParameterChange> Replaced(Scenario scenario, ParameterSpec parameter) =>
        [.. scenario.World.Timeline.Where(change => Changes(change, parameter))];

    private static bool Changes(ParameterChange change, ParameterSpec parameter) =>
        string.Equals(change.Parameter, parameter.Name, StringComparison.OrdinalIgnoreCase);
}
