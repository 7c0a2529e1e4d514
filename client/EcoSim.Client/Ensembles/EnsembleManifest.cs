using EcoSim.Client.Output;

namespace EcoSim.Client.Ensembles;

/// <summary>
/// manifest.json of an ensemble folder (<c>ecosim run --seeds N</c>): the scenario, every seed, engine
/// and provenance. Carries the same format marker as a run's manifest, so the folder is recognised as
/// EcoSim output.
/// </summary>
public sealed record EnsembleManifest
{
    /// <summary>Format marker, shared with run manifests.</summary>
    public string Format { get; init; } = RunManifest.FormatMarker;
    /// <summary>Layout version.</summary>
    public int FormatVersion { get; init; } = 1;
    /// <summary>Always "ensemble".</summary>
    public string Kind { get; init; } = "ensemble";
    /// <summary>The scenario.</summary>
    public required ManifestScenario Scenario { get; init; }
    /// <summary>The seeds, one run each, in order; run files are <c>runs/&lt;scenario&gt;-seed&lt;S&gt;.csv</c>.</summary>
    public required IReadOnlyList<ulong> Seeds { get; init; }
    /// <summary>Engine.</summary>
    public required string Engine { get; init; }
    /// <summary>Silos (0 for the reference engine).</summary>
    public required int SiloCount { get; init; }
    /// <summary>Firms per shard grain.</summary>
    public required int FirmsPerShard { get; init; }
    /// <summary>Ticks per run.</summary>
    public required int TickCount { get; init; }
    /// <summary>Calendar label of the first tick.</summary>
    public required string FirstPeriod { get; init; }
    /// <summary>Calendar label of the last tick.</summary>
    public required string LastPeriod { get; init; }
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
