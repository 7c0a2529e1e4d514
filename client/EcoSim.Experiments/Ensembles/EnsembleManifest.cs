using System.Text.Json.Serialization;
using EcoSim.Experiments.Output;

namespace EcoSim.Experiments.Ensembles;

/// <summary>
/// manifest.json of an ensemble folder (<c>ecosim run --seeds N</c>): the scenario, every seed, engine
/// and provenance. Carries the same format marker as a run's manifest, so the folder is recognised as
/// EcoSim output.
/// </summary>
public sealed record EnsembleManifest : OutputManifest
{
    /// <summary>Always "ensemble".</summary>
    public string Kind { get; init; } = "ensemble";
    /// <summary>The scenario.</summary>
    public required ManifestScenario Scenario { get; init; }
    /// <summary>The seeds, one run each, in order; run files are <c>runs/&lt;scenario&gt;-seed&lt;S&gt;.csv</c>.</summary>
    public required IReadOnlyList<ulong> Seeds { get; init; }
    /// <summary>Calendar label of the first tick.</summary>
    [JsonPropertyOrder(PeriodsOrder)]
    public required string FirstPeriod { get; init; }
    /// <summary>Calendar label of the last tick.</summary>
    [JsonPropertyOrder(PeriodsOrder)]
    public required string LastPeriod { get; init; }
}
