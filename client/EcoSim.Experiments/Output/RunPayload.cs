using System.Text.Json.Serialization;

namespace EcoSim.Experiments.Output;

/// <summary>
/// What the manifest of one run records of its own: the scenario (name, path, whole text and hash), the
/// seed, the periods and the firm panel's cadence. Everything needed to run it again.
/// </summary>
public sealed record RunPayload : ManifestPayload
{
    /// <summary>The run's kind; its manifest has no <c>kind</c> key, as run manifests never had one.</summary>
    public const string KindName = "run";

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
    /// <summary>Calendar label of the first tick, e.g. <c>2024Q1</c>.</summary>
    [JsonPropertyOrder(PeriodsOrder)]
    public required string FirstPeriod { get; init; }
    /// <summary>Calendar label of the last tick.</summary>
    [JsonPropertyOrder(PeriodsOrder)]
    public required string LastPeriod { get; init; }
    /// <summary>The firm panel's cadence in ticks (<c>--firm-panel-every</c>), or null when no firm panel was written.</summary>
    [JsonPropertyOrder(AfterPlotsOrder)]
    public int? FirmPanelEvery { get; init; }

    /// <summary>The checkpoints the run wrote (<c>--checkpoint-every</c>, <c>--checkpoint-at</c>); absent when it wrote none.</summary>
    [JsonPropertyOrder(AfterPlotsOrder)]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<Checkpoints.WrittenCheckpoint>? Checkpoints { get; init; }

    /// <summary>The checkpoint a resumed or forked run started from and the run that wrote it; absent for a run from tick 0.</summary>
    [JsonPropertyOrder(AfterPlotsOrder)]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Checkpoints.ResumedCheckpoint? ResumedFrom { get; init; }

    /// <summary>The run id a run driven on the cluster was detached under and the command that attached to it; absent for a run this client drove.</summary>
    [JsonPropertyOrder(AfterPlotsOrder)]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DetachedRunRecord? Detached { get; init; }
}
