using EcoSim.Experiments.Pipelines;
using EcoSim.Experiments.Sensitivity;
using EcoSim.Model.Parameters;
using EcoSim.Scenarios;

namespace EcoSim.Experiments.Calibration;

/// <summary>What <c>ecosim calibrate</c> was asked to do.</summary>
/// <param name="Scenario">The scenario, cut to the ticks asked for.</param>
/// <param name="TargetName">The target file's name, as reports and the manifest show it.</param>
/// <param name="TargetLines">The target file's lines, recorded in the manifest so that a reproduction needs no file.</param>
/// <param name="Target">The observations, parsed from <paramref name="TargetLines"/>.</param>
/// <param name="Ranges">The calibrated parameters and their uniform priors.</param>
/// <param name="Abc">Particles, generations and the calibration's seed.</param>
/// <param name="Seeds">The seeds every particle runs with (common random numbers); its simulated series are their mean.</param>
/// <param name="Output">Engine and output folder.</param>
public sealed record CalibrationSettings(Scenario Scenario, string TargetName, IReadOnlyList<string> TargetLines, IReadOnlyList<TargetPoint> Target,
    IReadOnlyList<SensitivityRange> Ranges, AbcSettings Abc, IReadOnlyList<ulong> Seeds, OutputSettings Output)
{
    /// <summary>Most particles per generation.</summary>
    public const int MaxParticles = 5000;

    /// <summary>Most generations after the prior one.</summary>
    public const int MaxGenerations = 30;

    /// <summary>
    /// The scenario with each calibrated parameter at its value from the first tick: a calibration asks
    /// which history fits, so unlike a sweep's lever the value describes the whole run, start included.
    /// </summary>
    public static Scenario With(Scenario scenario, IReadOnlyList<SensitivityRange> ranges, IReadOnlyList<double> values)
    {
        var parameters = scenario.World.Parameters;
        for (int i = 0; i < ranges.Count; i++) parameters = ParameterCatalog.With(parameters, ranges[i].Parameter.Name, values[i]);
        return scenario with { World = scenario.World with { Parameters = parameters } };
    }

    /// <summary>A calibrated parameter the scenario changes on its timeline (set: or ramp:), which would overrule the calibrated value; one line each.</summary>
    public static IReadOnlyList<string> Scheduled(Scenario scenario, IReadOnlyList<SensitivityRange> ranges) =>
        [.. ranges.Where(r => scenario.World.Timeline.Any(c => string.Equals(c.Parameter, r.Parameter.Name, StringComparison.OrdinalIgnoreCase)))
            .Select(r => $"--param {r.Parameter.Name}: {scenario.Path} changes it on its timeline, which would overrule a calibrated value; calibrate a parameter the scenario holds constant")];
}
