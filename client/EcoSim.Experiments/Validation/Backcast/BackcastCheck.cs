using EcoSim.Experiments.Calibration;
using EcoSim.Scenarios;

namespace EcoSim.Experiments.Validation.Backcast;

/// <summary>
/// The back-cast that <c>ecosim check-model</c> runs beside the stylized facts: a scenario started from
/// observed figures of a past year (scenarios/guangdong-backcast-2016.yaml) and the observed series it
/// must follow (scenarios/data/guangdong-backcast-target.csv, in the layout of <see cref="CalibrationTarget"/>).
/// It is one run with the back-cast's own seed, the seed its parameters were calibrated with, in
/// <c>--quick</c> as in the full check: one run of the 2016-2024 horizon takes about a second.
/// </summary>
/// <param name="Scenario">The back-cast scenario.</param>
/// <param name="TargetName">The target file's name, as reports and the manifest show it.</param>
/// <param name="TargetLines">The target file's lines, recorded in the manifest so a reproduction needs no file.</param>
/// <param name="Target">The observations, in file order.</param>
public sealed record BackcastCheck(Scenario Scenario, string TargetName, IReadOnlyList<string> TargetLines, IReadOnlyList<TargetPoint> Target)
{
    /// <summary>The back-cast scenario's file name in the scenario library, looked for beside the validated scenario when none is named.</summary>
    public const string DefaultScenarioFile = "guangdong-backcast-2016.yaml";

    /// <summary>The target's path relative to the scenario library, looked for there when none is named.</summary>
    public const string DefaultTargetFile = "data/guangdong-backcast-target.csv";

    /// <summary>
    /// The check of <paramref name="scenario"/> against the lines of a target file named <paramref name="targetName"/>;
    /// on a bad target, null and every problem (file and line named).
    /// </summary>
    public static BackcastCheck? TryCreate(Scenario scenario, string targetName, IReadOnlyList<string> targetLines, out IReadOnlyList<string> problems)
    {
        var found = new List<string>();
        problems = found;
        var target = CalibrationTarget.TryParse(targetName, targetLines, scenario.World, found);
        return target is null ? null : new BackcastCheck(scenario, Path.GetFileName(targetName), targetLines, target);
    }
}
