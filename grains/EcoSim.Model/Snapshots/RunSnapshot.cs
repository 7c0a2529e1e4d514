using EcoSim.Model.Metrics;
using EcoSim.Model.State;
using EcoSim.Model.World;

namespace EcoSim.Model.Snapshots;

/// <summary>What a snapshot holds once read: the run it is of, the metrics rows of the ticks done, and the state.</summary>
/// <param name="World">The run and the world it read.</param>
/// <param name="History">The metrics rows of ticks 0 to <c>World.Tick - 1</c>, tick by tick.</param>
/// <param name="State">The state the next tick reads.</param>
public sealed record LoadedSnapshot(SnapshotWorld World, IReadOnlyList<MetricsRow> History, RunState State);

/// <summary>
/// A run's whole state after a tick as one stream of parts (<see cref="SnapshotParts"/>, in
/// <see cref="SnapshotFormat"/>): written part by part from the state, read back part by part into it, so that
/// the state is never held twice. The bytes depend only on the state, not on the engine that held it.
/// </summary>
public static class RunSnapshot
{
    /// <summary>Writes <paramref name="state"/>, with the run's <paramref name="world"/> record and its metrics <paramref name="history"/>, to <paramref name="destination"/>.</summary>
    public static void Write(Stream destination, SnapshotWorld world, IReadOnlyList<MetricsRow> history, RunState state)
    {
        // Written at once, so the firms are taken in place, a cluster at a time, and encoded straight into the
        // destination: the bytes of Parts, written in order.
        new SnapshotCapture().TakeInPlace(world, history, state).WriteTo(destination);
    }

    /// <summary>
    /// The parts of a snapshot of <paramref name="state"/>, in order, each encoded only when asked for, so that one is
    /// held at a time: what <see cref="Write"/> writes, and what an engine hands to the holders of the state it resumes.
    /// </summary>
    public static IEnumerable<StoredPart> Parts(SnapshotWorld world, IReadOnlyList<MetricsRow> history, RunState state)
    {
        yield return PartCodec.World(world);
        yield return PartCodec.Metrics(history);
        yield return PartCodec.Region(state.Region);
        for (int c = 0; c < world.Clusters; c++)
        {
            yield return PartCodec.Cluster(state.Clusters[c]);
            yield return PartCodec.Talent(state.Talent[c]);
            yield return PartCodec.Labs(c, state.Labs);
            yield return PartCodec.Firms(c, [FirmColumns.Of(state.Firms[c])]);
        }
        for (int f = 0; f < world.Funds; f++) yield return PartCodec.Fund(state.Funds[f]);
    }

    /// <summary>
    /// The parts of the snapshot on <paramref name="source"/>, in order, each read and its SHA-256 checked only when asked
    /// for (so one is held at a time), the trailer checked after the last: for handing parts on whole to the holders of
    /// the state, which decode them.
    /// </summary>
    /// <exception cref="SnapshotException">The snapshot is truncated, changed, of another version or missing a part.</exception>
    public static IEnumerable<StoredPart> ReadParts(Stream source)
    {
        var reader = new SnapshotReader(source);
        var world = reader.ReadStored(SnapshotParts.World);
        var counts = PartCodec.ReadWorld(world);
        yield return world;
        foreach (var name in SnapshotParts.All(counts.Clusters, counts.Funds).Skip(1))
        {
            var part = reader.ReadStored(name);
            // A holder decodes parts of this program's version: an older file's firms are given in this version's layout.
            yield return reader.Version < SnapshotFormat.Version && SnapshotParts.TryParse(name, out string kind, out int c) && kind == "firms"
                ? PartCodec.Firms(c, [FirmColumns.Of(part.DecodeChecked(r => StateCodec.ReadFirms(r, c), reader.Version))])
                : part;
        }
        reader.Finish();
    }

    /// <summary>Reads only the header and the world part: which run a snapshot is of, before a world to resume it is chosen.</summary>
    /// <exception cref="SnapshotException">The header or the world part is wrong.</exception>
    public static SnapshotWorld ReadWorld(Stream source) => new SnapshotReader(source).ReadPart(SnapshotParts.World, SnapshotWorld.Read);

    /// <summary>
    /// Reads a whole snapshot for a run of <paramref name="spec"/>: checks, right after the world part, that
    /// <paramref name="spec"/> may continue it, then reads and checks every part and the trailer.
    /// </summary>
    /// <exception cref="SnapshotException">The snapshot is truncated, changed, of another version or missing a part.</exception>
    /// <exception cref="SnapshotMismatchException"><paramref name="spec"/> differs from the snapshot's world before its tick.</exception>
    public static LoadedSnapshot Read(Stream source, WorldSpec spec)
    {
        var reader = new SnapshotReader(source);
        var world = reader.ReadPart(SnapshotParts.World, SnapshotWorld.Read);
        if (WorldHistory.Differences(spec, world) is { Count: > 0 } differences)
            throw new SnapshotMismatchException(differences, differences.Any(d => d.Kind == ComponentKind.Identity));
        var history = reader.ReadPart(SnapshotParts.Metrics, r => StateCodec.ReadMetrics(r, world));
        var region = reader.ReadPart(SnapshotParts.Region, r => StateCodec.ReadRegion(r, world));
        int n = world.Clusters;
        var (firms, clusters, talent) = (new FirmShard[n], new ClusterState[n], new TalentPoolState[n]);
        var (labs, filled) = (new LabState[world.Labs], new bool[world.Labs]);
        int labsRead = 0;
        for (int c = 0; c < n; c++)
        {
            clusters[c] = reader.ReadPart(SnapshotParts.Cluster(c), r => StateCodec.ReadCluster(r, c));
            talent[c] = reader.ReadPart(SnapshotParts.Talent(c), r => StateCodec.ReadTalent(r, c));
            labsRead += reader.ReadPart(SnapshotParts.Labs(c), r => StateCodec.ReadLabs(r, c, labs, filled));
            firms[c] = reader.ReadPart(SnapshotParts.Firms(c), r => StateCodec.ReadFirms(r, c));
            ContinueAt(firms[c], clusters[c]);
        }
        if (labsRead != world.Labs)
            throw new SnapshotException(SnapshotParts.Labs(n - 1), "labs over every cluster", $"{world.Labs} labs", $"{labsRead}");
        var funds = new FundState[world.Funds];
        for (int f = 0; f < funds.Length; f++) funds[f] = reader.ReadPart(SnapshotParts.Fund(f), r => StateCodec.ReadFund(r, f));
        reader.Finish();
        return new LoadedSnapshot(world, history, new RunState(world.Tick, firms, clusters, talent, labs, funds, region));
    }

    /// <summary>
    /// Gives a cluster's firms read from a snapshot the cluster's next firm index: the firms last entered may have exited
    /// and been let go, so the part's last index need not be the last one given.
    /// </summary>
    /// <exception cref="SnapshotException">The part holds a firm at or past the cluster's next index.</exception>
    public static void ContinueAt(FirmShard firms, ClusterState cluster)
    {
        if (firms.NextIndex > cluster.NextFirmIndex)
            throw new SnapshotException(SnapshotParts.Firms(cluster.Cluster), "content", $"firm indices below {cluster.NextFirmIndex} ({SnapshotParts.Cluster(cluster.Cluster)}'s next firm index)",
                $"index {firms.NextIndex - 1}");
        firms.ContinueAt(cluster.NextFirmIndex);
    }
}
