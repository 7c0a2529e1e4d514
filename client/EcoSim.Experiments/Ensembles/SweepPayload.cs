using EcoSim.Experiments.Output;

namespace EcoSim.Experiments.Ensembles;

/// <summary>One swept parameter, as the manifest records it.</summary>
/// <param name="Name">Parameter name.</param>
/// <param name="From">First value.</param>
/// <param name="To">Last value.</param>
/// <param name="Step">Step.</param>
/// <param name="Values">Every value, low to high.</param>
/// <param name="ReplacedChanges">How many of the scenario's scheduled changes of the parameter the sweep replaced.</param>
public sealed record SweepParameter(string Name, double From, double To, double Step, IReadOnlyList<double> Values, int ReplacedChanges);

/// <summary>
/// What the manifest of a sweep records of its own: the scenario, the swept parameters and their values,
/// the number of grid points and the seeds every grid point was run with.
/// </summary>
public sealed record SweepPayload : ManifestPayload
{
    /// <summary>The value of the <c>kind</c> key.</summary>
    public const string KindName = "sweep";

    /// <summary>Always <see cref="KindName"/>.</summary>
    public string Kind { get; init; } = KindName;
    /// <summary>The scenario.</summary>
    public required ManifestScenario Scenario { get; init; }
    /// <summary>The swept parameters, the first varying slowest over the grid points.</summary>
    public required IReadOnlyList<SweepParameter> Parameters { get; init; }
    /// <summary>Number of grid points.</summary>
    public required int Points { get; init; }
    /// <summary>The seeds, the same at every point (common random numbers).</summary>
    public required IReadOnlyList<ulong> Seeds { get; init; }
}
