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
    public CapturedSnapshot Take(SnapshotWorld world, IReadOnlyList<MetricsRow> history, RunState state)
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
                _kept[c] = FirmColumns.Into(state.Firms[c], _kept[c]);
            }
            var funds = new StoredPart[world.Funds];
            for (int f = 0; f < funds.Length; f++) funds[f] = PartCodec.Fund(state.Funds[f]);
            return new CapturedSnapshot(this, [.. own], perCluster, [.. _kept.Select(k => k!)], funds);
        }
        catch
        {
            Close();
            throw;
        }
    }

    internal void Close() => Volatile.Write(ref _open, 0);
}
