using EcoSim.Experiments.Output;

namespace EcoSim.Experiments.Ensembles;

/// <summary>One scenario of a comparison, as the manifest records it.</summary>
/// <param name="Name">Scenario name.</param>
/// <param name="Path">Path as given.</param>
/// <param name="Text">Full text, with what it extends.</param>
/// <param name="Sha256">SHA-256 of the text.</param>
public sealed record ManifestScenario(string Name, string Path, string Text, string Sha256)
{
    /// <summary>How a manifest records <paramref name="scenario"/>: its name, path as given, whole text and hash.</summary>
    public static ManifestScenario Of(Scenarios.Scenario scenario) => new(scenario.Name, scenario.Path, scenario.CombinedText, scenario.Sha256);
}

/// <summary>What the manifest of a comparison records of its own: both scenarios and the paired seeds.</summary>
public sealed record ComparisonPayload : ManifestPayload
{
    /// <summary>The value of the <c>kind</c> key.</summary>
    public const string KindName = "compare";

    /// <inheritdoc/>
    internal override bool EndsWithNewline => false;
    /// <summary>Always <see cref="KindName"/>.</summary>
    public string Kind { get; init; } = KindName;
    /// <summary>The baseline.</summary>
    public required ManifestScenario Baseline { get; init; }
    /// <summary>The policy.</summary>
    public required ManifestScenario Policy { get; init; }
    /// <summary>The seeds; each was run with both scenarios.</summary>
    public required IReadOnlyList<ulong> Seeds { get; init; }
    /// <summary>Parameters each seed pair drew from these ranges (<c>--parameter-uncertainty</c>); absent from the manifest when none.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<Sensitivity.SensitivityParameter>? ParameterUncertainty { get; init; }
}
