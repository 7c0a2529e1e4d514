namespace EcoSim.Model.Snapshots;

/// <summary>
/// A snapshot that cannot be read: truncated, changed, of another format version, or missing a part. The
/// message names the part (or the header or trailer) and what was expected and found there.
/// </summary>
public sealed class SnapshotException : Exception
{
    /// <summary>A problem in <paramref name="part"/>: <paramref name="what"/>, expected <paramref name="expected"/>, found <paramref name="found"/>.</summary>
    public SnapshotException(string part, string what, string expected, string found)
        : base($"snapshot {PartText(part)}: {what}: expected {expected}, found {found}")
    {
        Part = part;
        Expected = expected;
        Found = found;
    }

    /// <summary>The part, or <see cref="SnapshotFormat.HeaderName"/> or <see cref="SnapshotFormat.TrailerName"/>.</summary>
    public string Part { get; }
    /// <summary>What the reader expected (a hash, a version, a part name, a length).</summary>
    public string Expected { get; }
    /// <summary>What it found.</summary>
    public string Found { get; }

    private static string PartText(string part) =>
        part is SnapshotFormat.HeaderName or SnapshotFormat.TrailerName ? part : $"part '{part}'";
}
