using EcoSim.Experiments;
using EcoSim.Experiments.Engines;
using EcoSim.Grains.Abstractions;
using EcoSim.Experiments.Output;
using EcoSim.Experiments.Pipelines;
using EcoSim.Scenarios;
using EcoSim.Hosting;

namespace EcoSim.Experiments.Reproducing;

/// <summary>Where a reproduction writes and reports, and how it reaches a cluster.</summary>
/// <param name="Events">Where notes and progress go, and how the engine opens.</param>
/// <param name="Cluster">A running cluster for Orleans runs, or null for an embedded silo.</param>
/// <param name="Overwrite">Whether an earlier output at the output path may be replaced (<c>--overwrite</c>).</param>
/// <param name="Limits">The ceilings a recorded scenario's estimated run is checked against, or null for the defaults.</param>
internal sealed record ReproductionContext(PipelineEvents Events, EcoSimClusterOptions? Cluster, bool Overwrite, ScenarioLimits? Limits);

/// <summary>What a manifest asks to be run again, and the files it says came out.</summary>
internal abstract class Reproduction
{
    /// <summary>One line saying what will be run.</summary>
    public abstract string Description { get; }

    /// <summary>The files the manifest records, with their hashes.</summary>
    public abstract IReadOnlyList<ManifestFile> RecordedFiles { get; }

    /// <summary>Runs it again into <paramref name="outputPath"/> with the pipeline that first wrote it; returns what that wrote.</summary>
    /// <exception cref="ManifestProblem">What the manifest records cannot be run.</exception>
    /// <exception cref="OutputRefusedException">The output folder cannot be used.</exception>
    public abstract Task<OutputOutcome> RunAsync(string outputPath, ReproductionContext context, CancellationToken cancellation);

    /// <summary>The engine and output a manifest records, writing to <paramref name="outputPath"/> with <paramref name="parallel"/> runs at a time.</summary>
    protected static OutputSettings Settings(OutputManifest manifest, string outputPath, ReproductionContext context, int parallel = 1) =>
        new(new EngineChoice(EngineKinds.Parse(manifest.Engine)!.Value, manifest.FirmsPerShard > 0 ? manifest.FirmsPerShard : RunLayout.DefaultFirmsPerShard, context.Cluster), outputPath, PlotsDrawn(manifest.Plots, manifest.Files), parallel)
        {
            Origin = RecordedOrigin.Of(manifest),
            Overwrite = context.Overwrite,
            RecordedCodeVersion = manifest.CodeVersion,
        };

    /// <summary>Runs at a time in a reproduction of many runs (their order does not change the bytes).</summary>
    protected static int Parallel => Math.Max(2, Environment.ProcessorCount);

    /// <summary>A recorded scenario as the manifest describes its run: at its recorded path, cut to <paramref name="ticks"/> (checked against the scenario's own).</summary>
    /// <exception cref="ManifestProblem">The manifest asks for more ticks than the scenario has.</exception>
    protected static Scenario AsRecorded(Scenario scenario, string? recordedPath, int ticks, string what = "scenario")
    {
        if (ticks > scenario.World.Ticks)
            throw new ManifestProblem("tickCount", $"{ticks} is more than the {scenario.World.Ticks} ticks of the recorded {what}");
        return scenario with { Path = recordedPath ?? "", World = scenario.World with { Ticks = ticks } };
    }

    /// <summary>Whether the manifest's engine is Orleans, whose layout a description names.</summary>
    protected static bool OnOrleans(OutputManifest manifest) => manifest.Engine == EngineKind.Orleans.Name();

    /// <summary>
    /// The Orleans layout a manifest records, as a description ends with it: its shard size, or each run whole in one
    /// grain (<see cref="EnsembleLayout"/>, recorded as 0 firms per shard); nothing for the reference engine. A
    /// reproduction lays its runs out by the same rule, so it runs them the same way.
    /// </summary>
    protected static string Layout(OutputManifest manifest) =>
        !OnOrleans(manifest) ? "" : manifest.FirmsPerShard > 0 ? $", {manifest.FirmsPerShard} firms per shard" : ", each run whole in one grain";

    /// <summary>Whether plots were drawn: as recorded, or for older manifests, whether any file lies under <c>plots/</c>.</summary>
    protected static bool PlotsDrawn(bool? recorded, IReadOnlyList<ManifestFile> files) =>
        recorded ?? files.Any(f => f.Path.StartsWith("plots/", StringComparison.Ordinal));
}
