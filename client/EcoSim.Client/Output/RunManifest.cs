namespace EcoSim.Client.Output;

/// <summary>
/// Everything needed to identify and reproduce one run, written as <c>manifest.json</c> in its output
/// folder. The <see cref="Format"/> marker is what lets a later run recognise (and replace) the folder.
/// </summary>
public sealed record RunManifest
{
    /// <summary>The value of <see cref="Format"/> in every EcoSim run manifest.</summary>
    public const string FormatMarker = "ecosim-run";

    /// <summary>The manifest layout version written by this code.</summary>
    public const int CurrentFormatVersion = 1;

    /// <summary><see cref="Engine"/> value for runs on Orleans silos.</summary>
    public const string OrleansEngine = "orleans";

    /// <summary><see cref="Engine"/> value for runs on the single-process reference engine.</summary>
    public const string ReferenceEngine = "reference";

    /// <summary>Format marker, always <see cref="FormatMarker"/>.</summary>
    public string Format { get; init; } = FormatMarker;
    /// <summary>Manifest layout version.</summary>
    public int FormatVersion { get; init; } = CurrentFormatVersion;

    /// <summary>Scenario name as declared in the scenario file.</summary>
    public required string ScenarioName { get; init; }
    /// <summary>Scenario path as given on the command line.</summary>
    public required string ScenarioPath { get; init; }
    /// <summary>Full scenario text.</summary>
    public required string ScenarioText { get; init; }
    /// <summary>Lower-case hex SHA-256 of the UTF-8 bytes of <see cref="ScenarioText"/>.</summary>
    public required string ScenarioSha256 { get; init; }
    /// <summary>Master random seed.</summary>
    public required ulong Seed { get; init; }
    /// <summary><see cref="OrleansEngine"/> or <see cref="ReferenceEngine"/>.</summary>
    public required string Engine { get; init; }
    /// <summary>Number of silos the run used (0 for the reference engine).</summary>
    public required int SiloCount { get; init; }
    /// <summary>Firms per shard grain.</summary>
    public required int FirmsPerShard { get; init; }
    /// <summary>Number of ticks simulated.</summary>
    public required int TickCount { get; init; }
    /// <summary>Calendar label of the first tick, e.g. <c>2024Q1</c>.</summary>
    public required string FirstPeriod { get; init; }
    /// <summary>Calendar label of the last tick.</summary>
    public required string LastPeriod { get; init; }
    /// <summary>Informational version of the program (includes the git commit when built from a repository).</summary>
    public required string CodeVersion { get; init; }
    /// <summary>.NET runtime description, e.g. <c>.NET 10.0.0</c>.</summary>
    public required string RuntimeVersion { get; init; }
    /// <summary>Operating system description.</summary>
    public required string OsDescription { get; init; }
    /// <summary>The command line, one argument per element.</summary>
    public required IReadOnlyList<string> CommandLine { get; init; }
    /// <summary>When the run started, UTC.</summary>
    public required DateTime StartedUtc { get; init; }
    /// <summary>When the run ended, UTC.</summary>
    public required DateTime EndedUtc { get; init; }
    /// <summary>Whether plots were drawn (null in manifests written before this was recorded: then the files under <c>plots/</c> tell).</summary>
    public bool? Plots { get; init; }
    /// <summary>The firm panel's cadence in ticks (<c>--firm-panel-every</c>), or null when no firm panel was written.</summary>
    public int? FirmPanelEvery { get; init; }
    /// <summary>The files written next to the manifest, with their hashes.</summary>
    public IReadOnlyList<ManifestFile> Files { get; init; } = [];
}

/// <summary>One file of a run's output folder.</summary>
/// <param name="Path">Path relative to the output folder, with <c>/</c> separators.</param>
/// <param name="Bytes">File length in bytes.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the file's bytes.</param>
public sealed record ManifestFile(string Path, long Bytes, string Sha256);
