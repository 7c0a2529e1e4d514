using EcoSim.Client.Output;

namespace EcoSim.Client.Ensembles;

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
public sealed record SweepManifest
{
    /// <summary>Format marker, shared with run manifests.</summary>
    public string Format { get; init; } = RunManifest.FormatMarker;
    /// <summary>Layout version.</summary>
    public int FormatVersion { get; init; } = 1;
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
    /// <summary>Engine.</summary>
    public required string Engine { get; init; }
    /// <summary>Silos (0 for the reference engine).</summary>
    public required int SiloCount { get; init; }
    /// <summary>Firms per shard grain.</summary>
    public required int FirmsPerShard { get; init; }
    /// <summary>Ticks per run.</summary>
    public required int TickCount { get; init; }
    /// <summary>Program version with its git commit.</summary>
    public required string CodeVersion { get; init; }
    /// <summary>.NET runtime.</summary>
    public required string RuntimeVersion { get; init; }
    /// <summary>Operating system.</summary>
    public required string OsDescription { get; init; }
    /// <summary>The command line.</summary>
    public required IReadOnlyList<string> CommandLine { get; init; }
    /// <summary>Start, UTC.</summary>
    public required DateTime StartedUtc { get; init; }
    /// <summary>End, UTC.</summary>
    public required DateTime EndedUtc { get; init; }
    /// <summary>Whether plots were drawn (null in manifests written before this was recorded: then the files under <c>plots/</c> tell).</summary>
    public bool? Plots { get; init; }
    /// <summary>Files written, with their hashes.</summary>
    public IReadOnlyList<ManifestFile> Files { get; init; } = [];
}
