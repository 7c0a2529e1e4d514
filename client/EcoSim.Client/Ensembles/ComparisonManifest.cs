using EcoSim.Client.Output;

namespace EcoSim.Client.Ensembles;

/// <summary>One scenario of a comparison, as the manifest records it.</summary>
/// <param name="Name">Scenario name.</param>
/// <param name="Path">Path as given.</param>
/// <param name="Text">Full text, with what it extends.</param>
/// <param name="Sha256">SHA-256 of the text.</param>
public sealed record ManifestScenario(string Name, string Path, string Text, string Sha256);

/// <summary>
/// manifest.json of a comparison folder: both scenarios, the paired seeds, engine and provenance.
/// Carries the same format marker as a run's manifest, so the folder is recognised as EcoSim output.
/// </summary>
public sealed record ComparisonManifest
{
    /// <summary>Format marker, shared with run manifests.</summary>
    public string Format { get; init; } = RunManifest.FormatMarker;
    /// <summary>Layout version.</summary>
    public int FormatVersion { get; init; } = 1;
    /// <summary>Always "compare".</summary>
    public string Kind { get; init; } = "compare";
    /// <summary>The baseline.</summary>
    public required ManifestScenario Baseline { get; init; }
    /// <summary>The policy.</summary>
    public required ManifestScenario Policy { get; init; }
    /// <summary>The seeds; each was run with both scenarios.</summary>
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
