using EcoSim.Model.Parameters;
using EcoSim.Scenarios;

namespace EcoSim.Experiments.Ensembles;

/// <summary>One setting of a sweep's parameters, applied to every seed.</summary>
/// <param name="Index">Position in the grid, from 0; the first parameter varies slowest.</param>
/// <param name="Settings">Each swept parameter with its value here.</param>
public sealed record SweepPoint(int Index, IReadOnlyList<(ParameterSpec Parameter, double Value)> Settings)
{
    /// <summary>e.g. <c>basicShare=0.3</c> or <c>basicShare=0.3_publicBudget=120</c>; names the point's run files.</summary>
    public string Label => string.Join("_", Settings.Select(s => $"{s.Parameter.Name}={SweepAxis.Text(s.Value)}"));

    /// <summary>The scenario with this point's values in force (from the second quarter, or from the start for parameters that set it up; see <see cref="ParameterOverride"/>).</summary>
    public Scenario Apply(Scenario scenario) =>
        Settings.Aggregate(scenario, (s, setting) => ParameterOverride.Apply(s, setting.Parameter, setting.Value));
}
