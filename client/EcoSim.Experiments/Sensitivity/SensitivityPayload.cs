using EcoSim.Experiments.Ensembles;
using EcoSim.Experiments.Output;

namespace EcoSim.Experiments.Sensitivity;

/// <summary>One parameter of a sensitivity design, as the manifest records it.</summary>
/// <param name="Name">Parameter name.</param>
/// <param name="Low">Low end of its range.</param>
/// <param name="High">High end of its range.</param>
/// <param name="Range"><c>given</c> when the range was given, <c>plausible</c> when it is the catalogue's plausible range; absent (null) in manifests that do not say, which means given.</param>
public sealed record SensitivityParameter(string Name, double Low, double High,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] string? Range = null);

/// <summary>
/// What the manifest of a sensitivity analysis records of its own: the scenario, the method, the
/// parameters and ranges, the design's size and seed, the outputs and the seeds every point ran with.
/// </summary>
public sealed record SensitivityPayload : ManifestPayload
{
    /// <summary>The value of the <c>kind</c> key.</summary>
    public const string KindName = "sensitivity";

    /// <summary>Always <see cref="KindName"/>.</summary>
    public string Kind { get; init; } = KindName;
    /// <summary>The scenario.</summary>
    public required ManifestScenario Scenario { get; init; }
    /// <summary>The policy whose effect against the scenario the outputs are, or null when they are the scenario's own values.</summary>
    public ManifestScenario? Policy { get; init; }
    /// <summary><c>morris</c> or <c>sobol</c>.</summary>
    public required string Method { get; init; }
    /// <summary>The parameters in the design's order.</summary>
    public required IReadOnlyList<SensitivityParameter> Parameters { get; init; }
    /// <summary>Trajectories (Morris) or base sample N (Sobol).</summary>
    public required int Samples { get; init; }
    /// <summary>The seed of the design's draws and of the bootstrap.</summary>
    public required ulong DesignSeed { get; init; }
    /// <summary>Number of design points.</summary>
    public required int Points { get; init; }
    /// <summary>The outputs, as <c>metric@year</c>.</summary>
    public required IReadOnlyList<string> Outputs { get; init; }
    /// <summary>The seeds, the same at every point (common random numbers).</summary>
    public required IReadOnlyList<ulong> Seeds { get; init; }
}
