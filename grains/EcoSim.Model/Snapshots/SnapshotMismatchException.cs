namespace EcoSim.Model.Snapshots;

/// <summary>
/// A world that cannot continue a snapshot: it differs from the snapshot's world in something the ticks before
/// the snapshot already read (the start, the population, a parameter before the snapshot's quarter). The
/// message names every such difference.
/// </summary>
/// <param name="differences">What differs, one entry per component.</param>
/// <param name="unrelated">True when the worlds do not even share their start (another scenario altogether).</param>
public sealed class SnapshotMismatchException(IReadOnlyList<WorldDifference> differences, bool unrelated)
    : Exception(Describe(differences, unrelated))
{
    /// <summary>Every difference found.</summary>
    public IReadOnlyList<WorldDifference> Differences { get; } = differences;

    /// <summary>True when the worlds do not share their start: the scenario is unrelated to the snapshot's.</summary>
    public bool Unrelated { get; } = unrelated;

    private static string Describe(IReadOnlyList<WorldDifference> differences, bool unrelated) =>
        (unrelated ? "the scenario is unrelated to the snapshot's: " : "the scenario cannot continue the snapshot: ") +
        string.Join("; ", differences.Select(d => d.Description));
}
