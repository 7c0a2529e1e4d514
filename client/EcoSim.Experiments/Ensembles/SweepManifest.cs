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
/// manifest.json of a sweep folder: the scenario, the swept parameters and their values, the seeds
/// every grid point was run with, engine and provenance. Carries the same format marker as a run's
/// manifest, so the folder is recognised as EcoSim output.
/// </summary>
public sealed record SweepManifest : OutputManifest
{
    /// <summary>Always "sweep".</summary>
    public string Kind { get; init; } = "sweep";
    /// <summary>The scenario.</summary>
    public required ManifestScenario Scenario { get; init; }
    /// <summary>The swept parameters, the first varying slowest over the grid points.</summary>
    public required IReadOnlyList<SweepParameter> Parameters { get; init; }
    /// <summary>Number of grid points.</summary>
    public required int Points { get; init; }
    /// <summary>The seeds, the same at every point (common random numbers).</summary>
    public required IReadOnlyList<ulong> Seeds { get; init; }
}
