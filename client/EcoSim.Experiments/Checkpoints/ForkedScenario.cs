using System.Globalization;
using EcoSim.Model.Parameters;
using EcoSim.Model.World;
using EcoSim.Scenarios;

namespace EcoSim.Experiments.Checkpoints;

/// <summary>
/// A fork's <c>--set NAME=VALUE</c>: the parameter held at the value from the checkpoint's quarter on. The change
/// goes last in the scenario's timeline, so it wins over the scenario's own later changes of it, and the
/// quarters before the checkpoint, already run, are left as they were.
/// </summary>
public static class ForkedScenario
{
    /// <summary>The form of a setting, for help and errors.</summary>
    public const string Form = "NAME=VALUE, NAME a model parameter as in a scenario's 'parameters:'";

    /// <summary>Parses <paramref name="settings"/>; null with every problem in <paramref name="problems"/> when a name is unknown or a value is not a number in the parameter's range.</summary>
    public static IReadOnlyList<(ParameterSpec Parameter, double Value)>? TryParse(IReadOnlyList<string> settings, out IReadOnlyList<string> problems)
    {
        var errors = new List<string>();
        var parsed = new List<(ParameterSpec, double)>();
        foreach (var setting in settings)
        {
            int eq = setting.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0) { errors.Add($"--set '{setting}' is not {Form}"); continue; }
            string name = setting[..eq].Trim(), text = setting[(eq + 1)..].Trim();
            if (!ParameterCatalog.TryGet(name, out var parameter)) { errors.Add($"--set '{setting}': no model parameter is called '{name}'"); continue; }
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !parameter.Allows(value))
            {
                errors.Add(string.Create(CultureInfo.InvariantCulture, $"--set '{setting}': {parameter.Name} takes a number from {parameter.Min} to {parameter.Max} ({parameter.Unit})"));
                continue;
            }
            parsed.Add((parameter, value));
        }
        problems = errors;
        return errors.Count == 0 ? parsed : null;
    }

    /// <summary><paramref name="scenario"/> with each of <paramref name="settings"/> held from <paramref name="fromTick"/> on.</summary>
    public static Scenario Apply(Scenario scenario, IReadOnlyList<(ParameterSpec Parameter, double Value)> settings, int fromTick)
    {
        var world = scenario.World;
        var changes = settings.Select(s => s.Parameter.FixedAtStart
            ? new ParameterChange(s.Parameter.Name, 0, 0, s.Value, s.Value) // acts at tick 0: the snapshot check names it
            : new ParameterChange(s.Parameter.Name, fromTick, fromTick, s.Value, s.Value));
        return scenario with { World = world with { Timeline = [.. world.Timeline, .. changes] } };
    }

    /// <summary>A setting as the manifest records it.</summary>
    public static string Describe((ParameterSpec Parameter, double Value) setting) =>
        string.Create(CultureInfo.InvariantCulture, $"--set {setting.Parameter.Name}={setting.Value:R}");
}
