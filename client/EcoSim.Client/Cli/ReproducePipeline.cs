using EcoSim.Experiments.Output;

namespace EcoSim.Client.Cli;

/// <summary>
/// <c>ecosim reproduce</c>: reads a <c>run</c>, <c>compare</c>, <c>ensemble</c> or <c>sweep</c> manifest, runs what it describes again
/// into a new folder (the scenario text comes from the manifest, checked against its SHA-256), and
/// compares every file with the hashes the manifest lists, file by file.
/// </summary>
internal sealed class ReproducePipeline(TextWriter output, TextWriter errors)
{
    public async Task<int> ExecuteAsync(ReproduceSettings settings, CancellationToken cancellation)
    {
        Reproduction reproduction;
        try { reproduction = RecordedManifest.Read(settings.ManifestPath); }
        catch (ManifestProblem problem) { return Refuse(problem); }

        string originalFolder = Path.GetDirectoryName(Path.GetFullPath(settings.ManifestPath))!;
        string defaultPath = $"{Path.TrimEndingDirectorySeparator(originalFolder)}-reproduced";
        string outputPath;
        try { outputPath = settings.OutputPath ?? RunOutputFolder.FreeAlternative(defaultPath); }
        catch (OutputFolderException e)
        {
            errors.WriteLine($"error: {e.Message}");
            return ExitCodes.BadInput;
        }
        if (settings.OutputPath is null && outputPath != defaultPath)
            errors.WriteLine($"note: {defaultPath} already exists; writing {outputPath} instead (give --out {defaultPath} --overwrite to replace it)");
        if (Path.GetFullPath(outputPath) == originalFolder)
        {
            errors.WriteLine($"error: --out {outputPath} is the folder of the manifest; a reproduction goes to a new folder");
            return ExitCodes.BadInput;
        }
        errors.WriteLine($"reproducing {settings.ManifestPath}: {reproduction.Description}");
        int code;
        try { code = await reproduction.RunAsync(outputPath, new ReproductionContext(output, errors, settings.Cluster, settings.Overwrite), cancellation); }
        catch (ManifestProblem problem) { return Refuse(problem); }
        if (code != ExitCodes.Ok) return code;

        output.WriteLine($"comparing {outputPath} with the files {settings.ManifestPath} records:");
        var reproduced = ContentHash.DescribeFiles(Path.GetFullPath(outputPath));
        int failures = ReproductionVerdicts.Report(reproduction.RecordedFiles, reproduced, originalFolder, output);
        return failures == 0 ? ExitCodes.Ok : ExitCodes.NotReproduced;

        int Refuse(ManifestProblem problem)
        {
            errors.WriteLine($"error: {problem.Describe(settings.ManifestPath)}");
            return ExitCodes.BadInput;
        }
    }
}
