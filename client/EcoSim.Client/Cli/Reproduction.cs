using EcoSim.Experiments.Output;
using EcoSim.Hosting;

namespace EcoSim.Client.Cli;

/// <summary>Where a reproduction writes and reports, and how it reaches a cluster.</summary>
/// <param name="Output">Summaries.</param>
/// <param name="Errors">Errors and progress.</param>
/// <param name="Cluster">A running cluster for Orleans runs, or null for an embedded silo.</param>
/// <param name="Overwrite">Whether an earlier output at the output path may be replaced (<c>--overwrite</c>).</param>
internal sealed record ReproductionContext(TextWriter Output, TextWriter Errors, EcoSimClusterOptions? Cluster, bool Overwrite);

/// <summary>What a manifest asks to be run again, and the files it says came out.</summary>
internal abstract class Reproduction
{
    /// <summary>One line saying what will be run.</summary>
    public abstract string Description { get; }

    /// <summary>The files the manifest records, with their hashes.</summary>
    public abstract IReadOnlyList<ManifestFile> RecordedFiles { get; }

    /// <summary>Runs it again into <paramref name="outputPath"/> with the command that first wrote it; returns that command's exit code.</summary>
    public abstract Task<int> RunAsync(string outputPath, ReproductionContext context, CancellationToken cancellation);

    /// <summary>Whether plots were drawn: as recorded, or for older manifests, whether any file lies under <c>plots/</c>.</summary>
    protected static bool PlotsDrawn(bool? recorded, IReadOnlyList<ManifestFile> files) =>
        recorded ?? files.Any(f => f.Path.StartsWith("plots/", StringComparison.Ordinal));
}
