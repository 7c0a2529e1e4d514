using EcoSim.Experiments.Ensembles;
using EcoSim.Experiments.Output;
using EcoSim.Experiments.Sensitivity;

namespace EcoSim.Experiments.Validation;

/// <summary>
/// What the manifest of <c>ecosim check-model</c> records of its own: the scenario validated, the seed of
/// its 20-year run, whether the screen was the quick one, the facts checked, and the screen's design,
/// outputs, seed and horizon, so that <c>ecosim reproduce</c> runs the same validation.
/// </summary>
public sealed record ValidationPayload : ManifestPayload
{
    /// <summary>The value of the <c>kind</c> key.</summary>
    public const string KindName = "check-model";

    /// <summary>Always <see cref="KindName"/>.</summary>
    public string Kind { get; init; } = KindName;
    /// <summary>The scenario validated.</summary>
    public required ManifestScenario Scenario { get; init; }
    /// <summary>Seed of the stylized facts' run (and of the screen's runs and design).</summary>
    public required ulong Seed { get; init; }
    /// <summary>Whether the quick screen was run.</summary>
    public required bool Quick { get; init; }
    /// <summary>Ids of the facts checked, in the report's order.</summary>
    public required IReadOnlyList<string> Facts { get; init; }
    /// <summary>How many of them held.</summary>
    public required int FactsHeld { get; init; }
    /// <summary>The screen's parameters and ranges, in the design's order.</summary>
    public required IReadOnlyList<SensitivityParameter> ScreenParameters { get; init; }
    /// <summary>The screen's Morris trajectories.</summary>
    public required int ScreenTrajectories { get; init; }
    /// <summary>Ticks of each of the screen's runs.</summary>
    public required int ScreenTicks { get; init; }
    /// <summary>The screen's outputs, as <c>metric@year</c>.</summary>
    public required IReadOnlyList<string> ScreenOutputs { get; init; }
    /// <summary>The back-cast scenario, or null when the validation checked none.</summary>
    public ManifestScenario? Backcast { get; init; }
    /// <summary>The back-cast's target file name, or null.</summary>
    public string? BackcastTarget { get; init; }
    /// <summary>The back-cast's target file's lines, so a reproduction needs no file; or null.</summary>
    public IReadOnlyList<string>? BackcastTargetLines { get; init; }
    /// <summary>Whether every series of the back-cast held its limits, or null.</summary>
    public bool? BackcastHeld { get; init; }
}
