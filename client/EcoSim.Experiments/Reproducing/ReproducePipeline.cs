using EcoSim.Experiments.Output;
using EcoSim.Experiments.Pipelines;

namespace EcoSim.Experiments.Reproducing;

/// <summary>
/// Reproduction (<c>ecosim reproduce</c>): reads a <c>run</c>, <c>compare</c>, <c>ensemble</c> or <c>sweep</c> manifest, runs what it
/// describes again into a new folder (the scenario text comes from the manifest, checked against its SHA-256), and
/// compares every file with the hashes the manifest lists, file by file.
/// </summary>
/// <param name="events">Where notes and progress go, and how the engine opens.</param>
public sealed class ReproducePipeline(PipelineEvents events)
{
    /// <summary>Reproduces the manifest <paramref name="settings"/> names and judges every file.</summary>
    /// <exception cref="ManifestProblem">The manifest is missing, malformed, or records what cannot be run; nothing was written.</exception>
    /// <exception cref="OutputRefusedException">The output folder cannot be used; nothing was written.</exception>
    public async Task<ReproductionOutcome> ExecuteAsync(ReproduceSettings settings, CancellationToken cancellation)
    {
        var reproduction = RecordedManifest.Read(settings.ManifestPath);
        string originalFolder = Path.GetDirectoryName(Path.GetFullPath(settings.ManifestPath))!;
        string defaultPath = $"{Path.TrimEndingDirectorySeparator(originalFolder)}-reproduced";
        string outputPath;
        try { outputPath = settings.OutputPath ?? RunOutputFolder.FreeAlternative(defaultPath); }
        catch (OutputFolderException e) { throw new OutputRefusedException(e.Message, e); }
        if (settings.OutputPath is null && outputPath != defaultPath)
            events.Notes.WriteLine($"note: {defaultPath} already exists; writing {outputPath} instead (give --out {defaultPath} --overwrite to replace it)");
        if (Path.GetFullPath(outputPath) == originalFolder)
            throw new OutputRefusedException($"--out {outputPath} is the folder of the manifest; a reproduction goes to a new folder");
        events.Notes.WriteLine($"reproducing {settings.ManifestPath}: {reproduction.Description}");
        var output = await reproduction.RunAsync(outputPath, new ReproductionContext(events, settings.Cluster, settings.Overwrite, settings.Limits), cancellation);
        var reproduced = ContentHash.DescribeFiles(Path.GetFullPath(outputPath));
        return new ReproductionOutcome(outputPath, output, ReproductionVerdicts.Judge(reproduction.RecordedFiles, reproduced, originalFolder));
    }
}

/// <summary>What a reproduction wrote and how its files compare with those the manifest records.</summary>
/// <param name="OutputPath">Where the reproduction was written.</param>
/// <param name="Output">What the reproduced pipeline wrote.</param>
/// <param name="Verdict">The files' verdicts.</param>
public sealed record ReproductionOutcome(string OutputPath, OutputOutcome Output, ReproductionVerdict Verdict);
