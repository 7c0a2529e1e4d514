using EcoSim.Hosting;
using EcoSim.Scenarios;

namespace EcoSim.Experiments.Reproducing;

/// <summary>What <c>ecosim reproduce</c> was asked to do.</summary>
/// <param name="ManifestPath">The manifest.json of an output, or the output's folder (its manifest.json is read).</param>
/// <param name="OutputPath">Where the reproduction goes, or null for a sibling of the manifest's folder named <c>&lt;folder&gt;-reproduced</c>.</param>
/// <param name="Cluster">Gateway of a running cluster for Orleans runs, or null for an embedded silo.</param>
public sealed record ReproduceSettings(string ManifestPath, string? OutputPath, EcoSimClusterOptions? Cluster)
{
    /// <summary>
    /// The manifest file: the path given, or the manifest in it when it names a folder, since the folder is what a user who
    /// has just written an output sees (and what every message of the run printed).
    /// </summary>
    public string ManifestPath { get; init; } = Directory.Exists(ManifestPath) ? Path.Combine(ManifestPath, Output.RunOutputFolder.ManifestFileName) : ManifestPath;

    /// <summary>Whether <c>--overwrite</c> allows replacing an earlier reproduction at <see cref="OutputPath"/>, if it is exactly as EcoSim wrote it.</summary>
    public bool Overwrite { get; init; }

    /// <summary>The ceilings the recorded scenarios' estimated runs are checked against before tick 0 (<c>--max-memory</c>, <c>--max-work</c>); null for the documented defaults.</summary>
    public ScenarioLimits? Limits { get; init; }
}
