using System.Text.Json.Serialization;

namespace EcoSim.Experiments.Output;

/// <summary>
/// Everything needed to identify and reproduce one run, written as <c>manifest.json</c> in its output
/// folder. The <see cref="OutputManifest.Format"/> marker is what lets a later run recognise (and replace) the folder.
/// </summary>
public sealed record RunManifest : OutputManifest
{
    /// <summary>The value of <see cref="OutputManifest.Format"/> in every EcoSim run manifest.</summary>
    public const string FormatMarker = "ecosim-run";

    /// <summary>The manifest layout version written by this code.</summary>
    public const int CurrentFormatVersion = 1;

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
}

/// <summary>One file of a run's output folder.</summary>
/// <param name="Path">Path relative to the output folder, with <c>/</c> separators.</param>
/// <param name="Bytes">File length in bytes.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the file's bytes.</param>
public sealed record ManifestFile(string Path, long Bytes, string Sha256);
