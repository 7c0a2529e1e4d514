using System.Text.RegularExpressions;

namespace EcoSim.Experiments.Output;

/// <summary>
/// Owns the life of one run's output folder. Everything is written into a hidden temporary sibling
/// (<see cref="WorkingPath"/>, named <c>.&lt;name&gt;.partial-&lt;pid&gt;-&lt;n&gt;</c>); <see cref="Commit"/> renames it to
/// <see cref="FinalPath"/> in one step, so an interrupted run never leaves a folder at the final path that
/// looks complete. Nothing EcoSim did not write is ever deleted: what may be at the final path depends on the
/// <see cref="OutputMode"/>, and the path is locked (<c>.&lt;name&gt;.lock</c> beside it) from
/// <see cref="Begin"/> until it is committed, aborted or disposed, so concurrent commands cannot write it at once.
/// </summary>
/// <remarks>
/// Typical use: <c>using var folder = RunOutputFolder.Begin(path, mode, notes);</c> write <c>metrics.csv</c> and
/// plots under <see cref="PathFor"/>; write the manifest last, listing <see cref="ContentHash.DescribeFiles"/> of
/// <see cref="WorkingPath"/>; then <see cref="Commit"/>. Leaving the <c>using</c> block without committing
/// deletes the working folder. Working folders of writers that died (killed, power lost) are removed by the
/// next <see cref="Begin"/> for the same path: their lock is free.
/// </remarks>
public sealed partial class RunOutputFolder : IDisposable
{
    /// <summary>Name of the manifest file that marks a folder as an EcoSim output.</summary>
    public const string ManifestFileName = "manifest.json";

    /// <summary>Most alternative names <see cref="OutputMode.Fresh"/> tries (<c>&lt;name&gt;-2</c> onwards).</summary>
    public const int MaxFreshNames = 999;

    /// <summary>How many of the entries that forbid a replacement a refusal names; the rest are counted.</summary>
    private const int ForeignListed = 5;

    private static int counter;
    private readonly PathLock _lock;
    private readonly OutputMode _mode;
    private readonly TextWriter _notes;
    private State state = State.Open;

    private RunOutputFolder(string finalPath, string shownPath, string workingPath, PathLock pathLock, OutputMode mode, TextWriter notes)
    {
        FinalPath = finalPath;
        ShownPath = shownPath;
        WorkingPath = workingPath;
        _lock = pathLock;
        _mode = mode;
        _notes = notes;
    }

    private enum State { Open, Committed, Aborted }

    /// <summary>The folder the run's outputs end up in after <see cref="Commit"/>, as a full path (where a link given as the path points).</summary>
    public string FinalPath { get; }

    /// <summary>The output folder as messages show it: the path as given, or the fresh name or link target used instead.</summary>
    public string ShownPath { get; }

    /// <summary>The hidden temporary folder where all outputs are written until <see cref="Commit"/>.</summary>
    public string WorkingPath { get; }

    /// <summary>Whether <see cref="Commit"/> has completed.</summary>
    public bool IsCommitted => state == State.Committed;

    /// <summary>
    /// Locks <paramref name="path"/> (or, in <see cref="OutputMode.Fresh"/>, the first free alternative), checks
    /// that it may receive a run's outputs and that the final rename can happen there, removes working
    /// folders that dead writers left beside it, and creates the working folder (creating the parent if needed).
    /// </summary>
    /// <param name="path">The output folder requested by the user or the command's default.</param>
    /// <param name="mode">How the path was asked for.</param>
    /// <param name="notes">Where to say which folder is used when it is not <paramref name="path"/>, and what is replaced at commit; null says nothing.</param>
    /// <exception cref="OutputFolderException">The path cannot be used: a file, a root, a folder EcoSim did not write
    /// (or, without <see cref="OutputMode.Overwrite"/>, an earlier output), a folder that cannot be replaced, a
    /// folder another command is writing, or a place where no working folder can be created. Nothing at the path was changed.</exception>
    public static RunOutputFolder Begin(string path, OutputMode mode = OutputMode.Explicit, TextWriter? notes = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        notes ??= TextWriter.Null;
        string shown = Path.TrimEndingDirectorySeparator(path);
        string full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        if (Path.GetDirectoryName(full) is null)
            throw new OutputFolderException(shown, "a file-system root cannot be an output folder");
        if (LinkTarget(full) is { } target)
        {
            notes.WriteLine($"note: {shown} is a link to {target}; writing there");
            (full, shown) = (target, target);
        }
        if (mode != OutputMode.Fresh)
            return Open(full, shown, mode, notes)
                   ?? throw new OutputFolderException(shown, "another ecosim command is writing it now; wait for it to finish or choose another --out");

        for (int n = 1; n <= MaxFreshNames; n++)
        {
            string candidate = n == 1 ? full : $"{full}-{n}";
            string candidateShown = n == 1 ? shown : $"{shown}-{n}";
            if (Occupied(candidate) || Open(candidate, candidateShown, mode, notes) is not { } folder) continue; // taken, or being written
            if (n > 1) notes.WriteLine($"note: {shown} already exists; writing {candidateShown} instead (give --out {shown} --overwrite to replace it)");
            return folder;
        }
        throw new OutputFolderException(shown, $"it and {shown}-2 to {shown}-{MaxFreshNames} all exist; give --out");
    }

    /// <summary>
    /// <paramref name="path"/> if nothing but an empty folder is there, else the first such of <c>&lt;path&gt;-2</c>,
    /// <c>&lt;path&gt;-3</c>, ...: the name <see cref="OutputMode.Fresh"/> would pick, for a command that must know it first.
    /// </summary>
    /// <param name="path">The default output path.</param>
    /// <exception cref="OutputFolderException">All <see cref="MaxFreshNames"/> names are taken.</exception>
    public static string FreeAlternative(string path)
    {
        string trimmed = Path.TrimEndingDirectorySeparator(path);
        for (int n = 1; n <= MaxFreshNames; n++)
        {
            string candidate = n == 1 ? trimmed : $"{trimmed}-{n}";
            if (!Occupied(Path.GetFullPath(candidate))) return candidate;
        }
        throw new OutputFolderException(trimmed, $"it and {trimmed}-2 to {trimmed}-{MaxFreshNames} all exist; give --out");
    }

    /// <summary>Whether <paramref name="folder"/> holds a <see cref="ManifestFileName"/> carrying the EcoSim format marker.</summary>
    /// <param name="folder">The folder to inspect.</param>
    public static bool IsEcoSimOutput(string folder) =>
        ManifestReader.HasFormatMarker(Path.Combine(folder, ManifestFileName));

    /// <summary>The full path of <paramref name="relativePath"/> inside the working folder.</summary>
    /// <param name="relativePath">A path relative to the output folder, e.g. <c>plots/rd.png</c>.</param>
    public string PathFor(string relativePath) => Path.Combine(WorkingPath, relativePath);

    /// <summary>
    /// Moves the working folder to <see cref="FinalPath"/>. An earlier EcoSim output there (allowed only with
    /// <see cref="OutputMode.Overwrite"/>, and checked again now) is moved aside, replaced, and then deleted; if
    /// the replacement fails the earlier output is put back.
    /// </summary>
    /// <exception cref="InvalidOperationException">Already committed or aborted, or no
    /// <see cref="ManifestFileName"/> with the EcoSim marker was written (the folder would not be
    /// recognisable, and so not replaceable, later).</exception>
    /// <exception cref="OutputFolderException">What is at the final path may no longer be replaced (something
    /// was added or changed there since <see cref="Begin"/>).</exception>
    public void Commit()
    {
        if (state != State.Open)
            throw new InvalidOperationException($"output folder '{FinalPath}' was already {state.ToString().ToLowerInvariant()}");
        if (!IsEcoSimOutput(WorkingPath))
            throw new InvalidOperationException($"cannot commit '{FinalPath}': write {ManifestFileName} before committing");
        string? replaced = CheckReplaceable(FinalPath, ShownPath, _mode);
        if (!Directory.Exists(FinalPath))
            Directory.Move(WorkingPath, FinalPath);
        else if (replaced is null)
        {
            Directory.Delete(FinalPath, recursive: false); // empty folder; fails safely if something was added
            Directory.Move(WorkingPath, FinalPath);
        }
        else
        {
            ReplaceEarlierOutput();
            _notes.WriteLine($"replaced the earlier output in {ShownPath}: {replaced}");
        }
        state = State.Committed;
        _lock.Dispose();
    }

    /// <summary>Deletes the working folder and lets go of the path. Does nothing if already committed or aborted.</summary>
    public void Abort()
    {
        if (state != State.Open)
            return;
        state = State.Aborted;
        try
        {
            if (Directory.Exists(WorkingPath))
                Directory.Delete(WorkingPath, recursive: true);
        }
        finally
        {
            _lock.Dispose();
        }
    }

    /// <summary>Aborts (deletes the working folder) unless <see cref="Commit"/> completed, and lets go of the path; never throws.</summary>
    public void Dispose()
    {
        try
        {
            Abort();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: a leftover hidden .partial folder is never mistaken for output, and the next
            // command writing this path removes it.
        }
        finally
        {
            _lock.Dispose();
        }
    }

    /// <summary>Locks <paramref name="full"/> and opens its working folder; null when another command holds the lock.</summary>
    private static RunOutputFolder? Open(string full, string shown, OutputMode mode, TextWriter notes)
    {
        string parent = Path.GetDirectoryName(full)!;
        CheckReplaceable(full, shown, mode);
        PathLock? taken;
        try
        {
            Directory.CreateDirectory(parent);
            taken = PathLock.TryTake(full);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OutputFolderException(shown, $"cannot create files in '{parent}' ({e.Message})", e);
        }
        if (taken is null) return null;
        try
        {
            CheckReplaceable(full, shown, mode); // again, now that no other command can write it
            RemoveAbandoned(full, notes);
            string working = UniqueSibling(full, "partial");
            try { Directory.CreateDirectory(working); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new OutputFolderException(shown, $"cannot create a working folder in '{parent}' ({e.Message})", e);
            }
            ProbeReplaceable(full, shown, working);
            return new RunOutputFolder(full, shown, working, taken, mode, notes);
        }
        catch
        {
            taken.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Checks, before anything runs, that the existing folder at <paramref name="full"/> can be renamed, as the
    /// commit will: a mount point, or a folder in a place that refuses renames, fails here instead of after the
    /// run. The folder is renamed to a hidden sibling and straight back; its contents are not touched.
    /// </summary>
    private static void ProbeReplaceable(string full, string shown, string working)
    {
        if (!Directory.Exists(full)) return;
        string probe = UniqueSibling(full, "probe");
        try { Directory.Move(full, probe); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Directory.Delete(working);
            throw new OutputFolderException(shown, $"it cannot be replaced at the end of the run ({e.Message}); is it a mount point or read-only? Give --out a folder inside it", e);
        }
        Directory.Move(probe, full);
    }

    /// <summary>
    /// Removes the hidden working folders (<c>.&lt;leaf&gt;.partial-&lt;pid&gt;-&lt;n&gt;</c>) of writers of this path
    /// that died before they finished: the caller holds the path's lock, which every writer holds as long as
    /// its working folder exists, so none of them has a live writer. An aside copy (<c>.old-</c>) is removed only
    /// when the folder it was replaced by is in place. Links and other names are never touched.
    /// </summary>
    private static void RemoveAbandoned(string full, TextWriter notes)
    {
        string parent = Path.GetDirectoryName(full)!;
        var pattern = new Regex($"^\\.{Regex.Escape(Path.GetFileName(full))}\\.(?<kind>partial|old|probe)-[0-9]+-[0-9]+$", RegexOptions.CultureInvariant);
        int removed = 0;
        foreach (var entry in new DirectoryInfo(parent).EnumerateDirectories(".*", new EnumerationOptions { AttributesToSkip = 0 }))
        {
            if (pattern.Match(entry.Name) is not { Success: true } match || entry.LinkTarget is not null) continue;
            if (match.Groups["kind"].Value != "partial" && !Directory.Exists(full))
            {
                // Stopped between moving the earlier output aside (to replace it, or to probe) and putting the new one in: put it back.
                Directory.Move(entry.FullName, full);
                notes.WriteLine($"note: put back the earlier output of {full}, which an ecosim command that was stopped had moved aside");
                continue;
            }
            try { entry.Delete(recursive: true); removed++; }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                notes.WriteLine($"note: cannot remove {entry.FullName}, left by an unfinished run ({e.Message})");
            }
        }
        if (removed > 0)
            notes.WriteLine($"note: removed {removed} unfinished working folder{(removed == 1 ? "" : "s")} of {full} left by ecosim commands that were stopped");
    }

    private void ReplaceEarlierOutput()
    {
        string aside = UniqueSibling(FinalPath, "old");
        Directory.Move(FinalPath, aside);
        try
        {
            Directory.Move(WorkingPath, FinalPath);
        }
        catch
        {
            Directory.Move(aside, FinalPath);
            throw;
        }
        try
        {
            Directory.Delete(aside, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The new output is in place; a leftover hidden .old folder does not affect it.
        }
    }

    /// <summary>
    /// Refuses what may not be replaced in <paramref name="mode"/>; returns the description of an earlier output
    /// that may, or null when the path is free or an empty folder.
    /// </summary>
    private static string? CheckReplaceable(string full, string shown, OutputMode mode)
    {
        if (File.Exists(full))
            throw new OutputFolderException(shown, "it exists and is a file, not a folder");
        if (!Directory.Exists(full) || !Directory.EnumerateFileSystemEntries(full).Any())
            return null;
        if (!IsEcoSimOutput(full))
            throw new OutputFolderException(shown,
                $"it exists, is not empty and is not an EcoSim output (no {ManifestFileName} with format " +
                $"\"{OutputManifest.FormatMarker}\"); choose another folder or remove it");
        var earlier = EarlierOutput.Read(full);
        if (mode != OutputMode.Overwrite)
            throw new OutputFolderException(shown, $"it holds an earlier output ({earlier.Description}); give --overwrite to replace it, or choose another --out");
        if (earlier.Foreign.Count > 0)
            throw new OutputFolderException(shown,
                $"it holds an earlier output ({earlier.Description}) with {earlier.Foreign.Count} " +
                $"{(earlier.Foreign.Count == 1 ? "entry" : "entries")} EcoSim did not write or that changed since: " +
                string.Join(", ", earlier.Foreign.Take(ForeignListed)) + (earlier.Foreign.Count > ForeignListed ? $" and {earlier.Foreign.Count - ForeignListed} more" : "") +
                "; --overwrite replaces only a folder exactly as EcoSim wrote it: move those away or choose another --out");
        return earlier.Description;
    }

    /// <summary>Whether <see cref="OutputMode.Fresh"/> must pass over <paramref name="full"/>: anything is there but an empty folder.</summary>
    private static bool Occupied(string full) =>
        File.Exists(full) || LinkTarget(full) is not null || (Directory.Exists(full) && Directory.EnumerateFileSystemEntries(full).Any());

    /// <summary>Where the link at <paramref name="full"/> finally points (every link followed), or null when it is no link.</summary>
    private static string? LinkTarget(string full)
    {
        var info = new FileInfo(full);
        if (info.LinkTarget is null) return null;
        var target = info.ResolveLinkTarget(returnFinalTarget: true);
        return target is null ? null : Path.TrimEndingDirectorySeparator(Path.GetFullPath(target.FullName));
    }

    private static string UniqueSibling(string full, string kind)
    {
        string parent = Path.GetDirectoryName(full)!;
        string leaf = Path.GetFileName(full);
        while (true)
        {
            int n = Interlocked.Increment(ref counter);
            string candidate = Path.Combine(parent, $".{leaf}.{kind}-{Environment.ProcessId}-{n}");
            if (!Directory.Exists(candidate) && !File.Exists(candidate))
                return candidate;
        }
    }
}
