using System.Text.Json;
using EcoSim.Experiments.Output;
using EcoSim.Model.Snapshots;
using EcoSim.Model.World;
using EcoSim.Scenarios;

namespace EcoSim.Experiments.Checkpoints;

/// <summary>
/// A checkpoint file opened to be resumed or forked: its path, its SHA-256 and the run it is of (only its world
/// part read so far), so the world to continue it can be made before the state is read.
/// </summary>
public sealed class CheckpointFile
{
    private CheckpointFile(string path, string sha256, SnapshotWorld world) => (Path, Sha256, World) = (path, sha256, world);

    /// <summary>The file as given.</summary>
    public string Path { get; }
    /// <summary>Lower-case hex SHA-256 of its bytes.</summary>
    public string Sha256 { get; }
    /// <summary>The run it is of.</summary>
    public SnapshotWorld World { get; }

    /// <summary>Opens <paramref name="path"/> and reads its header and world part.</summary>
    /// <exception cref="SnapshotException">The header or the world part is wrong.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static CheckpointFile Open(string path)
    {
        using var file = File.OpenRead(path);
        var world = RunSnapshot.ReadWorld(file);
        return new CheckpointFile(path, ContentHash.OfFile(path), world);
    }

    /// <summary>
    /// The scenario the checkpoint was written by, rebuilt from the text it records, with its seed; its estimated run
    /// checked against <paramref name="limits"/> (null: the defaults).
    /// </summary>
    /// <exception cref="ManifestProblem">The recorded text does not match its hash, does not load or is over the limits.</exception>
    public Scenario RecordedScenario(ScenarioLimits? limits = null)
    {
        var recorded = World.Scenario;
        return Reproducing.RecordedScenario.Rebuild(recorded.Text, recorded.Sha256, $"{recorded.Name}.yaml", "its scenario text", "its scenario SHA-256", limits)
            .WithSeed(World.Seed);
    }

    /// <summary>Reads and checks the whole checkpoint for a run of <paramref name="spec"/>.</summary>
    /// <exception cref="SnapshotException">The file is truncated, changed, of another format version or missing a part.</exception>
    /// <exception cref="SnapshotMismatchException"><paramref name="spec"/> differs from the checkpoint's world before its quarter.</exception>
    public LoadedSnapshot Load(WorldSpec spec)
    {
        using var file = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        var loaded = RunSnapshot.Read(file, spec);
        // The bytes read must be the bytes hashed when the file was opened.
        if (ContentHash.OfFile(Path) != Sha256)
            throw new SnapshotException(SnapshotFormat.TrailerName, "file SHA-256 (the file changed while it was read)", Sha256, ContentHash.OfFile(Path));
        return loaded;
    }

    /// <summary>What a manifest records of a run started from this checkpoint, with the fork's changes (none for a resume).</summary>
    public ResumedCheckpoint Record(IReadOnlyList<string> fork)
    {
        var (manifest, sha) = ParentManifest();
        return new ResumedCheckpoint(Path, Sha256, World.Period.ToString(), World.Tick, World.Scenario.Sha256, manifest, sha, fork);
    }

    // The manifest of the run that wrote the checkpoint, when it lies in that run's checkpoints/ folder and the
    // manifest lists it with this file's hash.
    private (string? Path, string? Sha256) ParentManifest()
    {
        var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path));
        if (folder is null || System.IO.Path.GetFileName(folder) != CheckpointNames.DefaultFolder) return (null, null);
        string manifest = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(folder)!, RunOutputFolder.ManifestFileName);
        if (!File.Exists(manifest)) return (null, null);
        string listed = $"{CheckpointNames.DefaultFolder}/{System.IO.Path.GetFileName(Path)}";
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(manifest));
            bool lists = document.RootElement.TryGetProperty("files", out var files) && files.ValueKind == JsonValueKind.Array &&
                files.EnumerateArray().Any(f => f.ValueKind == JsonValueKind.Object && f.TryGetProperty("path", out var p) && p.GetString() == listed &&
                                                f.TryGetProperty("sha256", out var s) && s.GetString() == Sha256);
            string shown = System.IO.Path.IsPathRooted(Path) ? manifest : System.IO.Path.GetRelativePath(Environment.CurrentDirectory, manifest);
            return lists ? (shown.Replace(System.IO.Path.DirectorySeparatorChar, '/'), ContentHash.OfFile(manifest)) : (null, null);
        }
        catch (JsonException) { return (null, null); }
    }
}
