using System.Text.Json.Serialization;

namespace EcoSim.Experiments.Output;

/// <summary>
/// What the manifest.json of every kind of EcoSim output folder records: the format marker, the engine,
/// the program and machine, the command, the times and the files with their hashes.
/// </summary>
/// <remarks>
/// The JSON keys keep the order every kind has always written: <c>format</c> and <c>formatVersion</c>
/// first, then what the kind itself records (<see cref="JsonPropertyOrderAttribute"/> 0, the default), then the
/// engine and tick count, a kind's periods (<see cref="PeriodsOrder"/>), the program, command, times and
/// plots, anything a kind records after the plots (<see cref="AfterPlotsOrder"/>), and the files last.
/// </remarks>
public abstract record OutputManifest
{
    /// <summary>Key order of a kind's first and last period, between the tick count and the code version.</summary>
    protected const int PeriodsOrder = 2;

    /// <summary>Key order of what a kind records between the plots and the files.</summary>
    protected const int AfterPlotsOrder = 4;

    private const int MarkerOrder = -1;
    private const int EngineOrder = 1;
    private const int ProgramOrder = 3;
    private const int FilesOrder = 5;

    /// <summary>Format marker, always <see cref="RunManifest.FormatMarker"/>, so the folder is recognised as EcoSim output.</summary>
    [JsonPropertyOrder(MarkerOrder)]
    public string Format { get; init; } = RunManifest.FormatMarker;
    /// <summary>Manifest layout version: 1 for every kind so far.</summary>
    [JsonPropertyOrder(MarkerOrder)]
    public int FormatVersion { get; init; } = 1;

    /// <summary>The engine's name (<see cref="EngineKinds.Name"/>).</summary>
    [JsonPropertyOrder(EngineOrder)]
    [JsonRequired]
    public string Engine { get; init; } = "";
    /// <summary>Number of silos used (0 for the reference engine).</summary>
    [JsonPropertyOrder(EngineOrder)]
    [JsonRequired]
    public int SiloCount { get; init; }
    /// <summary>Firms per shard grain.</summary>
    [JsonPropertyOrder(EngineOrder)]
    [JsonRequired]
    public int FirmsPerShard { get; init; }
    /// <summary>Number of ticks simulated per run.</summary>
    [JsonPropertyOrder(EngineOrder)]
    [JsonRequired]
    public int TickCount { get; init; }

    /// <summary>Informational version of the program (includes the git commit when built from a repository).</summary>
    [JsonPropertyOrder(ProgramOrder)]
    [JsonRequired]
    public string CodeVersion { get; init; } = "";
    /// <summary>
    /// Whether the git working tree of the build had uncommitted changes (<see cref="RunEnvironment.UncommittedChanges"/>):
    /// provenance like the commit, so reproduce neither checks nor compares it. Null when unknown, and in
    /// manifests written before it was recorded.
    /// </summary>
    [JsonPropertyOrder(ProgramOrder)]
    public bool? UncommittedChanges { get; init; }
    /// <summary>.NET runtime description, e.g. <c>.NET 10.0.0</c>.</summary>
    [JsonPropertyOrder(ProgramOrder)]
    [JsonRequired]
    public string RuntimeVersion { get; init; } = "";
    /// <summary>Operating system description.</summary>
    [JsonPropertyOrder(ProgramOrder)]
    [JsonRequired]
    public string OsDescription { get; init; } = "";
    /// <summary>The command line, one argument per element.</summary>
    [JsonPropertyOrder(ProgramOrder)]
    [JsonRequired]
    public IReadOnlyList<string> CommandLine { get; init; } = [];
    /// <summary>When the command started, UTC.</summary>
    [JsonPropertyOrder(ProgramOrder)]
    [JsonRequired]
    public DateTime StartedUtc { get; init; }
    /// <summary>When the command ended, UTC.</summary>
    [JsonPropertyOrder(ProgramOrder)]
    [JsonRequired]
    public DateTime EndedUtc { get; init; }
    /// <summary>Whether plots were drawn (null in manifests written before this was recorded: then the files under <c>plots/</c> tell).</summary>
    [JsonPropertyOrder(ProgramOrder)]
    public bool? Plots { get; init; }

    /// <summary>Whether the JSON text ends in a newline: every kind's does but a comparison's, which has always been written without.</summary>
    /// <remarks>Not public, so that no serialiser takes it for a key.</remarks>
    internal virtual bool EndsWithNewline => true;

    /// <summary>The files written next to the manifest, with their hashes.</summary>
    [JsonPropertyOrder(FilesOrder)]
    public IReadOnlyList<ManifestFile> Files { get; init; } = [];
}
