using EcoSim.Client.Output;

namespace EcoSim.Client.Cli;

/// <summary>
/// Compares a reproduction's files with those a manifest records, one verdict per file. Data files
/// (<c>.csv</c>, <c>.parquet</c>) decide the outcome: each must be byte-identical to the recorded hash,
/// and so must its copy beside the manifest, if there is one. Other files (plots, findings) are compared
/// and reported but do not count: plots are redrawn with the original date, yet their pixels come
/// from the platform's font rasteriser and may differ between machines while the data do not.
/// </summary>
internal static class ReproductionVerdicts
{
    /// <summary>Whether <paramref name="path"/> is a data file whose bytes must be reproduced.</summary>
    public static bool IsData(string path) =>
        path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase);

    /// <summary>Writes a verdict per file and returns how many data files were not reproduced.</summary>
    /// <param name="recorded">The files the manifest lists.</param>
    /// <param name="reproduced">The files of the reproduction.</param>
    /// <param name="originalFolder">The folder holding the manifest, whose copies of the files are checked too.</param>
    /// <param name="output">Where the verdicts go.</param>
    public static int Report(IReadOnlyList<ManifestFile> recorded, IReadOnlyList<ManifestFile> reproduced, string originalFolder, TextWriter output)
    {
        var again = reproduced.ToDictionary(f => f.Path, StringComparer.Ordinal);
        int failures = 0, data = 0, others = 0, othersSame = 0;
        foreach (var file in recorded.OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            (string word, string? why) = !again.TryGetValue(file.Path, out var copy) ? ("MISSING", "not written by the reproduction")
                : copy.Sha256 != file.Sha256 ? ("DIFFERS", $"recorded {Short(file.Sha256)}, reproduced {Short(copy.Sha256)}")
                : ChangedOriginal(originalFolder, file) is { } original ? ("CHANGED", $"the copy beside the manifest ({original}) is not what the manifest records")
                : ("identical", null);
            bool ok = why is null;
            if (IsData(file.Path))
            {
                data++;
                failures += ok ? 0 : 1;
                output.WriteLine($"  {word,-9} {file.Path}{(ok ? "" : $": {why}")}");
            }
            else
            {
                others++;
                othersSame += ok ? 1 : 0;
                output.WriteLine($"  {word.ToLowerInvariant(),-9} {file.Path} (not counted)");
            }
        }
        foreach (var extra in reproduced.Where(f => !recorded.Any(r => r.Path == f.Path)).OrderBy(f => f.Path, StringComparer.Ordinal))
            output.WriteLine($"  new       {extra.Path} (not in the manifest, which an older version wrote: not compared)");
        if (others > 0)
            output.WriteLine($"{others} other files (plots, findings) were redrawn with the original date and compared, {othersSame} identical, but not counted: " +
                             "a plot's pixels come from the platform's font rasteriser and may differ between machines while the data do not");
        output.WriteLine(failures == 0
            ? $"reproduced: all {data} data files are byte-identical to the manifest's"
            : $"NOT reproduced: {failures} of {data} data files differ from the manifest's");
        return failures;
    }

    private static string Short(string sha) => sha[..12];

    // The hash of the copy beside the manifest when it exists and does not match the recorded one; null otherwise.
    private static string? ChangedOriginal(string folder, ManifestFile file)
    {
        string path = Path.Combine(folder, file.Path.Replace('/', Path.DirectorySeparatorChar));
        if (!File.Exists(path)) return null;
        return ContentHash.OfFile(path) == file.Sha256 ? null : Short(ContentHash.OfFile(path));
    }
}
