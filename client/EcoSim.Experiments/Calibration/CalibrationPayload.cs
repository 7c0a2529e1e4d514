using EcoSim.Experiments.Ensembles;
using EcoSim.Experiments.Output;
using EcoSim.Experiments.Sensitivity;

namespace EcoSim.Experiments.Calibration;

/// <summary>
/// What the manifest of a calibration records of its own: the scenario, the target (its name and
/// every line, so a reproduction needs no file), the parameters and their priors, the ABC-SMC
/// settings and the seeds every particle ran with.
/// </summary>
public sealed record CalibrationPayload : ManifestPayload
{
    /// <summary>The value of the <c>kind</c> key.</summary>
    public const string KindName = "calibration";

    /// <summary>Always <see cref="KindName"/>.</summary>
    public string Kind { get; init; } = KindName;
    /// <summary>The scenario.</summary>
    public required ManifestScenario Scenario { get; init; }
    /// <summary>The target file's name.</summary>
    public required string Target { get; init; }
    /// <summary>The target file's lines.</summary>
    public required IReadOnlyList<string> TargetLines { get; init; }
    /// <summary>The parameters and their uniform priors, in the calibration's order.</summary>
    public required IReadOnlyList<SensitivityParameter> Parameters { get; init; }
    /// <summary>Particles per generation.</summary>
    public required int Particles { get; init; }
    /// <summary>Generations after the prior one.</summary>
    public required int Generations { get; init; }
    /// <summary>The seed of the calibration's own draws.</summary>
    public required ulong CalibrationSeed { get; init; }
    /// <summary>The seeds, the same for every particle.</summary>
    public required IReadOnlyList<ulong> Seeds { get; init; }
}
