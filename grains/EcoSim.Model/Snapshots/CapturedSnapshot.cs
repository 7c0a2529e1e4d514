using EcoSim.Model.State;

namespace EcoSim.Model.Snapshots;

/// <summary>A run's state as <see cref="SnapshotCapture.Take"/> took it: written once, to any stream, as the run's snapshot at that tick.</summary>
public sealed class CapturedSnapshot
{
    private readonly SnapshotCapture? _owner;
    private readonly StoredPart[] _own;
    private readonly StoredPart[][] _clusters;
    // Cluster c's firms as columns, asked for once each, in cluster order, as the snapshot is written.
    private readonly Func<int, FirmColumns> _firms;
    private readonly StoredPart[] _funds;
    private int _written;

    internal CapturedSnapshot(SnapshotCapture? owner, StoredPart[] own, StoredPart[][] clusters, Func<int, FirmColumns> firms, StoredPart[] funds) =>
        (_owner, _own, _clusters, _firms, _funds) = (owner, own, clusters, firms, funds);

    /// <summary>
    /// A snapshot of parts gathered from the holders of the state (the grains of the Orleans engine), in
    /// <see cref="SnapshotParts"/>' order: the <c>world</c>, <c>metrics</c> and <c>region</c> parts; each cluster's
    /// <c>cluster</c>, <c>talent</c> and <c>labs</c> parts and its firms as columns (encoded when written); the funds' parts.
    /// </summary>
    /// <exception cref="ArgumentException">The parts are not those of one snapshot, in that order.</exception>
    public static CapturedSnapshot Of(StoredPart world, StoredPart metrics, StoredPart region, IReadOnlyList<(StoredPart Cluster, StoredPart Talent, StoredPart Labs, FirmColumns Firms)> clusters,
        IReadOnlyList<StoredPart> funds)
    {
        var names = new List<string> { world.Name, metrics.Name, region.Name };
        foreach (var c in clusters) names.AddRange([c.Cluster.Name, c.Talent.Name, c.Labs.Name, SnapshotParts.Firms(c.Firms.Cluster)]);
        names.AddRange(funds.Select(f => f.Name));
        var expected = SnapshotParts.All(clusters.Count, funds.Count);
        if (!names.SequenceEqual(expected))
            throw new ArgumentException($"parts {string.Join(", ", names)} are not a snapshot's {string.Join(", ", expected)}", nameof(clusters));
        var firms = clusters.Select(c => c.Firms).ToArray();
        return new(null, [world, metrics, region], [.. clusters.Select(c => new[] { c.Cluster, c.Talent, c.Labs })], c => firms[c], [.. funds]);
    }

    /// <summary>
    /// Writes the snapshot to <paramref name="destination"/>: the bytes <see cref="RunSnapshot.Write"/> wrote when it was
    /// taken, part by part in <see cref="SnapshotParts"/>' order, the firms encoded and hashed as they are written. Frees
    /// the capture's columns for the next snapshot (<see cref="SnapshotCapture"/>), whether or not the write succeeds.
    /// </summary>
    /// <exception cref="InvalidOperationException">It was written already.</exception>
    public void WriteTo(Stream destination)
    {
        if (Interlocked.Exchange(ref _written, 1) != 0) throw new InvalidOperationException("a captured snapshot is written once");
        try
        {
            var writer = new SnapshotWriter(destination);
            foreach (var part in _own) writer.Write(part);
            for (int c = 0; c < _clusters.Length; c++)
            {
                foreach (var part in _clusters[c]) writer.Write(part);
                var firms = _firms(c);
                int cluster = c;
                writer.WritePart(SnapshotParts.Firms(c), w => StateCodec.WriteFirms(w, cluster, [firms]));
            }
            foreach (var part in _funds) writer.Write(part);
            writer.Finish();
        }
        finally
        {
            _owner?.Close();
        }
    }
}
