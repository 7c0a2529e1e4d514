using EcoSim.Experiments.Report;

namespace EcoSim.Experiments.Output;

/// <summary>
/// How every command finishes its output folder: the report first, then manifest.json listing every file
/// of the folder (the report included) with its SHA-256, then the folder moved into place.
/// </summary>
internal static class OutputCompletion
{
    /// <summary>
    /// Writes the report built from <paramref name="manifest"/>, then the manifest with its end time and
    /// the folder's files, then commits <paramref name="folder"/>.
    /// </summary>
    /// <param name="folder">The working folder, holding every other output already.</param>
    /// <param name="manifest">The manifest without its files, as the report shows it.</param>
    /// <param name="report">Builds the report from the manifest.</param>
    /// <param name="cancellation">Cancels the write.</param>
    public static async Task CommitAsync(RunOutputFolder folder, OutputManifest manifest, Func<OutputManifest, HtmlReport> report, CancellationToken cancellation)
    {
        // The report first: the manifest then lists it with every other file (see ReproductionFacts).
        report(manifest).Write(folder.PathFor(HtmlReport.FileName));
        Pipelines.RunTimeline.Mark("report written");
        var complete = manifest with { EndedUtc = DateTime.UtcNow, Files = ContentHash.DescribeFiles(folder.WorkingPath, HashedAsWritten(manifest)) };
        await File.WriteAllTextAsync(folder.PathFor(RunOutputFolder.ManifestFileName), ManifestWriter.Serialize(complete), MetricsCsvFormat.Encoding, cancellation);
        Pipelines.RunTimeline.Mark("manifest written (files hashed)");
        folder.Commit();
        Pipelines.RunTimeline.Mark("output folder moved into place");
    }

    // The checkpoints a run wrote into its own folder were hashed as they were written (CheckpointFolder): hashing them
    // again would read every byte of them once more, a third pass over the largest files of the folder.
    private static IReadOnlyDictionary<string, ManifestFile>? HashedAsWritten(OutputManifest manifest) =>
        manifest.Payload is RunPayload { Checkpoints: { Count: > 0 } written }
            ? written.Where(c => c.Path.StartsWith(Checkpoints.CheckpointNames.DefaultFolder + "/", StringComparison.Ordinal))
                .ToDictionary(c => c.Path, c => new ManifestFile(c.Path, c.Bytes, c.Sha256), StringComparer.Ordinal)
            : null;
}
