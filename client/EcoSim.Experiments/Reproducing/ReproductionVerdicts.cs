using EcoSim.Experiments.Output;

namespace EcoSim.Experiments.Reproducing;

/// <summary>
/// Compares a reproduction's files with those a manifest records, one verdict per file, then sums up in
/// words that name the files at fault. Data files (<c>.csv</c>, <c>.parquet</c>) decide the outcome: each
/// must be byte-identical to the recorded hash, and so must its copy beside the manifest, if there is one.
/// The other files (the report, findings.md, plots) are presentation: they are redrawn with the recorded
/// command and start time (<see cref="RecordedOrigin"/>) and compared too, but do not count, because a
/// plot's pixels come from the platform's font rasteriser and the report also shows the code version,
/// runtime and operating system, so they may differ between machines while the data do not.
/// </summary>
public static class ReproductionVerdicts
{
    /// <summary>File names listed in a summary line at most; the verdict lines above it name every one.</summary>
    private const int NamesListed = 5;

    /// <summary>Whether <paramref name="path"/> is a data file whose bytes must be reproduced.</summary>
    public static bool IsData(string path) =>
        path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase) ||
        path.EndsWith(Experiments.Checkpoints.CheckpointNames.Extension, StringComparison.OrdinalIgnoreCase);

    /// <summary>One file's verdict.</summary>
    /// <param name="Path">Path inside the output folder, with '/'.</param>
    /// <param name="Word">identical, DIFFERS, MISSING or CHANGED.</param>
    /// <param name="Why">Why it is not identical; null when it is.</param>
    private sealed record Verdict(string Path, string Word, string? Why)
    {
        public bool Same => Why is null;
        public bool Data => IsData(Path);
        public bool OriginalChanged => Word == "CHANGED";
    }

    /// <summary>A verdict per file and a summary, and how many data files were not reproduced.</summary>
    /// <param name="recorded">The files the manifest lists.</param>
    /// <param name="reproduced">The files of the reproduction.</param>
    /// <param name="originalFolder">The folder holding the manifest, whose copies of the files are checked too.</param>
    public static ReproductionVerdict Judge(IReadOnlyList<ManifestFile> recorded, IReadOnlyList<ManifestFile> reproduced, string originalFolder)
    {
        var lines = new List<string>();
        var again = reproduced.ToDictionary(f => f.Path, StringComparer.Ordinal);
        var verdicts = recorded.OrderBy(f => f.Path, StringComparer.Ordinal).Select(file => Judge(file, again, originalFolder)).ToList();
        foreach (var v in verdicts)
            lines.Add(v.Data
                ? $"  {v.Word,-9} {v.Path}{(v.Same ? "" : $": {v.Why}")}"
                : $"  {v.Word.ToLowerInvariant(),-9} {v.Path} (presentation, not counted{(v.Same ? "" : $": {v.Why}")})");
        var known = recorded.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        foreach (var extra in reproduced.Where(f => !known.Contains(f.Path)).OrderBy(f => f.Path, StringComparer.Ordinal))
            lines.Add($"  new       {extra.Path} (not in the manifest, which an older version wrote: not compared)");

        var data = verdicts.Where(v => v.Data).ToList();
        var others = verdicts.Where(v => !v.Data).ToList();
        var failed = data.Where(v => !v.Same).ToList();
        var otherDiffers = others.Where(v => !v.Same).ToList();
        lines.Add(Outcome(data, failed, others, otherDiffers));
        if (otherDiffers.Count > 0)
            lines.Add($"{(others.Count == 1 ? "the other file" : $"{otherDiffers.Count} of the {others.Count} other files")} (presentation, not counted) " +
                      $"{(otherDiffers.Count == 1 ? "is" : "are")} not identical: {Names(otherDiffers)}; a plot's pixels come from the platform's font rasteriser, " +
                      "and the report also shows the code version, runtime and operating system, so these may differ between machines while the data do not");
        else if (failed.Count > 0 && others.Count > 0)
            lines.Add(others.Count == 1
                ? $"the other file ({Kinds(others)}; presentation, not counted) is byte-identical"
                : $"all {others.Count} other files ({Kinds(others)}; presentation, not counted) are byte-identical");
        return new ReproductionVerdict(lines, failed.Count);
    }

    /// <summary>The verdict line: reproduced or not, naming the data files at fault and, when all is identical, saying so.</summary>
    private static string Outcome(IReadOnlyList<Verdict> data, IReadOnlyList<Verdict> failed, IReadOnlyList<Verdict> others, IReadOnlyList<Verdict> otherDiffers)
    {
        if (failed.Count == 0)
            return $"reproduced: all {data.Count} data files are byte-identical to the manifest's" + (otherDiffers.Count > 0 ? ""
                : others.Count == 0 ? ": everything the run determines is identical"
                : $", and so {(others.Count == 1 ? "is the other file" : $"are all {others.Count} other files")} ({Kinds(others)}): everything the run determines is identical");
        var differ = failed.Where(v => !v.OriginalChanged).ToList();
        var changed = failed.Where(v => v.OriginalChanged).ToList();
        var parts = new List<string>();
        if (differ.Count > 0) parts.Add($"{differ.Count} of {data.Count} data files differ from the manifest's: {Names(differ)}");
        if (changed.Count > 0)
            parts.Add($"{Names(changed)} beside the manifest {(changed.Count == 1 ? "is" : "are")} not what the manifest records " +
                      "(changed after it was written; the reproduction matches the manifest)");
        return $"NOT reproduced: {string.Join("; ", parts)}";
    }

    private static Verdict Judge(ManifestFile file, IReadOnlyDictionary<string, ManifestFile> again, string originalFolder) =>
        !again.TryGetValue(file.Path, out var copy) ? new(file.Path, "MISSING", "not written by the reproduction")
        : copy.Sha256 != file.Sha256 ? new(file.Path, "DIFFERS", $"recorded {Short(file.Sha256)}, reproduced {Short(copy.Sha256)}")
        : ChangedOriginal(originalFolder, file) is { } original ? new(file.Path, "CHANGED", $"the reproduction matches the manifest, but the copy beside the manifest ({original}) does not")
        : new(file.Path, "identical", null);

    private static string Names(IReadOnlyList<Verdict> verdicts) =>
        string.Join(", ", verdicts.Take(NamesListed).Select(v => v.Path)) + (verdicts.Count > NamesListed ? $" and {verdicts.Count - NamesListed} more" : "");

    /// <summary>What the other files are, e.g. "report.html, findings.md and 12 plot files".</summary>
    private static string Kinds(IReadOnlyList<Verdict> others)
    {
        int plots = others.Count(v => v.Path.StartsWith("plots/", StringComparison.Ordinal));
        var parts = others.Where(v => !v.Path.StartsWith("plots/", StringComparison.Ordinal)).Select(v => v.Path)
            .Concat(plots > 0 ? [$"{plots} plot file{(plots == 1 ? "" : "s")}"] : []).ToList();
        return parts.Count == 1 ? parts[0] : $"{string.Join(", ", parts[..^1])} and {parts[^1]}";
    }

    private static string Short(string sha) => sha[..12];

    // The hash of the copy beside the manifest when it exists and does not match the recorded one; null otherwise.
    private static string? ChangedOriginal(string folder, ManifestFile file)
    {
        string path = Path.Combine(folder, file.Path.Replace('/', Path.DirectorySeparatorChar));
        if (!File.Exists(path)) return null;
        string hash = ContentHash.OfFile(path);
        return hash == file.Sha256 ? null : Short(hash);
    }
}

/// <summary>How a reproduction's files compare with a manifest's.</summary>
/// <param name="Lines">A verdict line per file, then the summary in words naming the files at fault.</param>
/// <param name="Failures">How many data files were not reproduced (0: reproduced).</param>
public sealed record ReproductionVerdict(IReadOnlyList<string> Lines, int Failures);
