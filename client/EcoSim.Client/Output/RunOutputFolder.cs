namespace EcoSim.Client.Output;

/// <summary>
/// Owns the life of one run's output folder. Everything is written into a hidden temporary sibling
/// (<see cref="WorkingPath"/>, named <c>.&lt;name&gt;.partial-&lt;pid&gt;-&lt;n&gt;</c>); <see cref="Commit"/> renames it to
/// <see cref="FinalPath"/> in one step, so an interrupted run never leaves a folder at the final path
/// that looks complete. An earlier EcoSim output at the final path is replaced only at commit; any
/// other non-empty folder is refused by <see cref="Begin"/> and left untouched.
/// </summary>
/// <remarks>
/// Typical use: <c>using var folder = RunOutputFolder.Begin(path);</c> write <c>metrics.csv</c> and plots
/// under <see cref="PathFor"/>; write the manifest last, listing <see cref="ContentHash.DescribeFiles"/> of
/// <see cref="WorkingPath"/>; then <see cref="Commit"/>. Leaving the <c>using</c> block without committing
/// deletes the working folder.
/// </remarks>
public sealed class RunOutputFolder : IDisposable
{
    /// <summary>Name of the manifest file that marks a folder as an EcoSim output.</summary>
    public const string ManifestFileName = "manifest.json";

    private static int counter;
    private State state = State.Open;

    private RunOutputFolder(string finalPath, string workingPath)
    {
        FinalPath = finalPath;
        WorkingPath = workingPath;
    }

    private enum State { Open, Committed, Aborted }

    /// <summary>The folder the run's outputs end up in after <see cref="Commit"/>, as a full path.</summary>
    public string FinalPath { get; }

    /// <summary>The hidden temporary folder where all outputs are written until <see cref="Commit"/>.</summary>
    public string WorkingPath { get; }

    /// <summary>Whether <see cref="Commit"/> has completed.</summary>
    public bool IsCommitted => state == State.Committed;

    /// <summary>
    /// Checks that <paramref name="finalPath"/> may receive a run's outputs and creates the temporary
    /// working folder next to it (creating the parent folder if needed).
    /// </summary>
    /// <param name="finalPath">The output folder requested by the user.</param>
    /// <exception cref="OutputFolderException">The path is a file, a root, a non-empty folder that is not
    /// an EcoSim output, or the working folder cannot be created. Nothing at the path was changed.</exception>
    public static RunOutputFolder Begin(string finalPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(finalPath);
        string full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(finalPath));
        string? parent = Path.GetDirectoryName(full);
        if (parent is null)
            throw new OutputFolderException(full, "a file-system root cannot be an output folder");
        CheckReplaceable(full);
        try
        {
            Directory.CreateDirectory(parent);
            string working = UniqueSibling(full, "partial");
            Directory.CreateDirectory(working);
            return new RunOutputFolder(full, working);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OutputFolderException(full, $"cannot create a working folder in '{parent}' ({e.Message})", e);
        }
    }

    /// <summary>Whether <paramref name="folder"/> holds a <see cref="ManifestFileName"/> carrying the EcoSim format marker.</summary>
    /// <param name="folder">The folder to inspect.</param>
    public static bool IsEcoSimOutput(string folder) =>
        ManifestReader.HasFormatMarker(Path.Combine(folder, ManifestFileName));

    /// <summary>The full path of <paramref name="relativePath"/> inside the working folder.</summary>
    /// <param name="relativePath">A path relative to the output folder, e.g. <c>plots/rd.png</c>.</param>
    public string PathFor(string relativePath) => Path.Combine(WorkingPath, relativePath);

    /// <summary>
    /// Moves the working folder to <see cref="FinalPath"/>. An earlier EcoSim output there is moved aside,
    /// replaced, and then deleted; if the replacement fails the earlier output is put back.
    /// </summary>
    /// <exception cref="InvalidOperationException">Already committed or aborted, or no
    /// <see cref="ManifestFileName"/> with the EcoSim marker was written (the folder would not be
    /// recognisable, and so not replaceable, later).</exception>
    /// <exception cref="OutputFolderException">Something other than an EcoSim output appeared at the
    /// final path since <see cref="Begin"/>.</exception>
    public void Commit()
    {
        if (state != State.Open)
            throw new InvalidOperationException($"output folder '{FinalPath}' was already {state.ToString().ToLowerInvariant()}");
        if (!IsEcoSimOutput(WorkingPath))
            throw new InvalidOperationException($"cannot commit '{FinalPath}': write {ManifestFileName} before committing");
        CheckReplaceable(FinalPath);
        if (!Directory.Exists(FinalPath))
            Directory.Move(WorkingPath, FinalPath);
        else if (!IsEcoSimOutput(FinalPath))
        {
            Directory.Delete(FinalPath, recursive: false); // empty folder; fails safely if something was added
            Directory.Move(WorkingPath, FinalPath);
        }
        else
            ReplaceEarlierOutput();
        state = State.Committed;
    }

    /// <summary>Deletes the working folder. Does nothing if already committed or aborted.</summary>
    public void Abort()
    {
        if (state != State.Open)
            return;
        state = State.Aborted;
        if (Directory.Exists(WorkingPath))
            Directory.Delete(WorkingPath, recursive: true);
    }

    /// <summary>Aborts (deletes the working folder) unless <see cref="Commit"/> completed; never throws.</summary>
    public void Dispose()
    {
        try
        {
            Abort();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: a leftover hidden .partial folder is harmless and never mistaken for output.
        }
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

    private static void CheckReplaceable(string full)
    {
        if (File.Exists(full))
            throw new OutputFolderException(full, "it exists and is a file, not a folder");
        if (Directory.Exists(full) && !IsEcoSimOutput(full) && Directory.EnumerateFileSystemEntries(full).Any())
            throw new OutputFolderException(full,
                $"it exists, is not empty and is not an EcoSim output (no {ManifestFileName} with format " +
                $"\"{RunManifest.FormatMarker}\"); choose another folder or remove it");
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
