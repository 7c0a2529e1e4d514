using EcoSim.Model.Metrics;
using EcoSim.Model.State;

namespace EcoSim.Model.Snapshots;

/// <summary>
/// Takes a run's state after a tick apart from the run, so that its snapshot can be written while the run goes on. The
/// small parts are encoded at once; the firms, nearly all of a snapshot's bytes, are copied column by column into arrays
/// kept from one capture to the next (<see cref="FirmColumns.Into"/>: new ones only when a cluster's firms grew), and
/// encoded only when the snapshot is written, straight into its destination. The copy is a memory copy, a few percent of
/// what encoding, hashing and writing the same bytes cost (docs/PERFORMANCE.md, section 13); the reference engine steps
/// on one core, so the write can go on on another. The price is one copy of the firms' columns, kept while the run
/// writes checkpoints.
/// </summary>
/// <remarks>
/// A large state is taken in place instead (<see cref="TakeInPlace"/>): the run then waits for the write, and the one
/// copy is of one cluster's firms at a time, so a snapshot of a million firms never holds the state twice.
/// One capture at a time: the columns of the one before are written over, so it must have been written
/// (<see cref="CapturedSnapshot.WriteTo"/>) before the next is taken; <see cref="Take"/> refuses otherwise.
/// </remarks>
public sealed class SnapshotCapture
{
    private FirmColumns?[] _kept = [];
    private int _open;

    /// <summary>Whether the snapshot taken last is still to be written (its columns are not to be written over).</summary>
    public bool Open => Volatile.Read(ref _open) != 0;

    /// <summary>
    /// Takes <paramref name="state"/>, with the run's <paramref name="world"/> record and its metrics <paramref name="history"/>
    /// (encoded now, so the caller may go on adding to it), as the snapshot <see cref="RunSnapshot.Write"/> would write now.
    /// </summary>
    /// <exception cref="InvalidOperationException">The snapshot taken before has not been written yet.</exception>
    public CapturedSnapshot Take(SnapshotWorld world, IReadOnlyList<MetricsRow> history, RunState state) => Capture(world, history, state, inPlace: false);

    /// <summary>
    /// Takes <paramref name="state"/> as <see cref="Take(SnapshotWorld, IReadOnlyList{MetricsRow}, RunState)"/> does, but
    /// leaves the firms where they are: each cluster's are copied into one buffer as the snapshot is written, the buffer
    /// reused for the next. The state must not change until the snapshot is written (the caller's run waits for it).
    /// </summary>
    /// <exception cref="InvalidOperationException">The snapshot taken before has not been written yet.</exception>
    public CapturedSnapshot TakeInPlace(SnapshotWorld world, IReadOnlyList<MetricsRow> history, RunState state) => Capture(world, history, state, inPlace: true);

    /// <summary>
    /// Most firms a run's state may hold for <see cref="Take(SnapshotWorld, IReadOnlyList{MetricsRow}, RunState)"/> to copy
    /// them and let the run go on while the snapshot is written; above it, <see cref="TakeInPlace"/>. About 21 MB of
    /// columns: the copy of a few milliseconds that spares the run a write of tens of milliseconds (docs/PERFORMANCE.md,
    /// section 13), while a million firms' second copy (75 MB) would be most of the run's memory.
    /// </summary>
    public const int CopiedFirmsLimit = 250_000;

    private CapturedSnapshot Capture(SnapshotWorld world, IReadOnlyList<MetricsRow> history, RunState state, bool inPlace)
    {
        if (Interlocked.Exchange(ref _open, 1) != 0) throw new InvalidOperationException("the snapshot taken before is still being written; its columns cannot be written over yet");
        try
        {
            int clusters = world.Clusters;
            if (_kept.Length != clusters) _kept = new FirmColumns?[clusters];
            var own = new List<StoredPart> { PartCodec.World(world), PartCodec.Metrics(history), PartCodec.Region(state.Region) };
            var perCluster = new StoredPart[clusters][];
            for (int c = 0; c < clusters; c++)
            {
                perCluster[c] = [PartCodec.Cluster(state.Clusters[c]), PartCodec.Talent(state.Talent[c]), PartCodec.Labs(c, state.Labs)];
                if (!inPlace) _kept[c] = FirmColumns.Into(state.Firms[c], _kept[c]);
            }
            var funds = new StoredPart[world.Funds];
            for (int f = 0; f < funds.Length; f++) funds[f] = PartCodec.Fund(state.Funds[f]);
            if (!inPlace)
            {
                var kept = _kept.Select(k => k!).ToArray();
                return new CapturedSnapshot(this, [.. own], perCluster, c => kept[c], funds);
            }
            FirmColumns? buffer = null;
            return new CapturedSnapshot(this, [.. own], perCluster, c => buffer = FirmColumns.Into(state.Firms[c], buffer), funds);
        }
        catch
        {
            Close();
            throw;
        }
    }

    internal void Close() => Volatile.Write(ref _open, 0);
}
