using System.Text.Json.Serialization;

namespace EcoSim.Experiments.Output;

/// <summary>
/// The manifest.json of every kind of EcoSim output folder: the format marker, the engine, the program
/// and machine, the command, the times and the files with their hashes, which every kind records alike,
/// and the <see cref="Payload"/>, what its own kind (a run, an ensemble, a comparison, a sweep) records.
/// </summary>
/// <remarks>
/// The JSON is one flat object whose keys keep the order every kind has always written: <c>format</c> and
/// <c>formatVersion</c> first, then the payload's own keys (<see cref="JsonPropertyOrderAttribute"/> 0, the
/// default), then the engine and tick count, the payload's periods (<see cref="ManifestPayload.PeriodsOrder"/>),
/// the program, command, times and plots, the payload's keys after the plots
/// (<see cref="ManifestPayload.AfterPlotsOrder"/>), and the files last. <see cref="ManifestWriter"/> and
/// <see cref="ManifestReader"/> are the one serialiser and the one reader.
/// </remarks>
public sealed record OutputManifest
{
    /// <summary>The value of <see cref="Format"/> in every EcoSim manifest, whatever its kind.</summary>
    public const string FormatMarker = "ecosim-run";

    /// <summary>The manifest layout version written by this code.</summary>
    public const int CurrentFormatVersion = 1;

    private const int MarkerOrder = -1;
    private const int EngineOrder = 1;
    private const int ProgramOrder = 3;
    private const int FilesOrder = 5;

    /// <summary>Format marker, always <see cref="FormatMarker"/>, so the folder is recognised as EcoSim output.</summary>
    [JsonPropertyOrder(MarkerOrder)]
    public string Format { get; init; } = FormatMarker;
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

    /// <summary>What the manifest's kind records; its keys are written among the common ones (see the remarks on the type).</summary>
    public required ManifestPayload Payload { get; init; }

    /// <summary>The payload as the kind <typeparamref name="TPayload"/> that the caller made or asked for.</summary>
    /// <exception cref="InvalidOperationException">The manifest is of another kind.</exception>
    public TPayload PayloadOf<TPayload>() where TPayload : ManifestPayload =>
        Payload as TPayload ?? throw new InvalidOperationException($"the manifest holds a {Payload.GetType().Name}, not a {typeof(TPayload).Name}");

    /// <summary>The files written next to the manifest, with their hashes.</summary>
    [JsonPropertyOrder(FilesOrder)]
    public IReadOnlyList<ManifestFile> Files { get; init; } = [];
}

/// <summary>One file of an output folder.</summary>
/// <param name="Path">Path relative to the output folder, with <c>/</c> separators.</param>
/// <param name="Bytes">File length in bytes.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the file's bytes.</param>
public sealed record ManifestFile(string Path, long Bytes, string Sha256);
