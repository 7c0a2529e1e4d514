using System.Text.Json.Serialization;
using EcoSim.Experiments.Output;

namespace EcoSim.Experiments.Ensembles;

/// <summary>What the manifest of an ensemble (<c>ecosim run --seeds N</c>) records of its own: the scenario, every seed and the periods.</summary>
public sealed record EnsemblePayload : ManifestPayload
{
    /// <summary>The value of the <c>kind</c> key.</summary>
    public const string KindName = "ensemble";

    /// <summary>Always <see cref="KindName"/>.</summary>
    public string Kind { get; init; } = KindName;
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
