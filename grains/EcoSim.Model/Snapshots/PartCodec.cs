using EcoSim.Model.Metrics;
using EcoSim.Model.Phases;
using EcoSim.Model.State;

namespace EcoSim.Model.Snapshots;

/// <summary>
/// Each part of a snapshot encoded from, and decoded into, the state of whoever holds it: the reference engine's
/// arrays or one grain of the Orleans engine (the run its region, a cluster its own state, its labs and its firms, a
/// talent pool and a fund their own). The encoding is <see cref="StateCodec"/>'s, the one definition of a part's
/// bytes; decoding checks the part's name and SHA-256 first.
/// </summary>
public static class PartCodec
{
    /// <summary>The <c>world</c> part.</summary>
    public static StoredPart World(SnapshotWorld world) => StoredPart.Encode(SnapshotParts.World, world.Write);
    /// <summary>Reads the <c>world</c> part.</summary>
    /// <exception cref="SnapshotException">It is another part, changed or malformed.</exception>
    public static SnapshotWorld ReadWorld(StoredPart part) => part.Decode(SnapshotParts.World, SnapshotWorld.Read);

    /// <summary>The <c>metrics</c> part: every row of the ticks done.</summary>
    public static StoredPart Metrics(IReadOnlyList<MetricsRow> history) => StoredPart.Encode(SnapshotParts.Metrics, w => StateCodec.WriteMetrics(w, history));

    /// <summary>The <c>region</c> part.</summary>
    public static StoredPart Region(RegionSnapshot region) => StoredPart.Encode(SnapshotParts.Region, w => StateCodec.WriteRegion(w, region));
    /// <summary>Reads the <c>region</c> part of a snapshot described by <paramref name="world"/>.</summary>
    /// <exception cref="SnapshotException">It is another part, changed or malformed.</exception>
    public static RegionSnapshot ReadRegion(StoredPart part, SnapshotWorld world) => part.Decode(SnapshotParts.Region, r => StateCodec.ReadRegion(r, world));

    /// <summary>The <c>cluster/C</c> part of <paramref name="state"/>'s cluster.</summary>
    public static StoredPart Cluster(ClusterState state) => StoredPart.Encode(SnapshotParts.Cluster(state.Cluster), w => StateCodec.WriteCluster(w, state));
    /// <summary>Reads the <c>cluster/C</c> part of cluster <paramref name="cluster"/>.</summary>
    /// <exception cref="SnapshotException">It is another part, changed or malformed.</exception>
    public static ClusterState ReadCluster(StoredPart part, int cluster) => part.Decode(SnapshotParts.Cluster(cluster), r => StateCodec.ReadCluster(r, cluster));

    /// <summary>The <c>talent/C</c> part of <paramref name="pool"/>'s cluster.</summary>
    public static StoredPart Talent(TalentPoolState pool) => StoredPart.Encode(SnapshotParts.Talent(pool.Cluster), w => StateCodec.WriteTalent(w, pool));
    /// <summary>Reads the <c>talent/C</c> part of cluster <paramref name="cluster"/>.</summary>
    /// <exception cref="SnapshotException">It is another part, changed or malformed.</exception>
    public static TalentPoolState ReadTalent(StoredPart part, int cluster) => part.Decode(SnapshotParts.Talent(cluster), r => StateCodec.ReadTalent(r, cluster));

    /// <summary>The <c>labs/C</c> part: the labs of cluster <paramref name="cluster"/> among <paramref name="labs"/> (in global index order).</summary>
    public static StoredPart Labs(int cluster, IReadOnlyList<LabState> labs) => StoredPart.Encode(SnapshotParts.Labs(cluster), w => StateCodec.WriteLabs(w, cluster, labs));
    /// <summary>Reads the <c>labs/C</c> part of cluster <paramref name="cluster"/> of a world of <paramref name="worldLabs"/> labs: its labs, in global index order.</summary>
    /// <exception cref="SnapshotException">It is another part, changed or malformed.</exception>
    public static LabState[] ReadLabs(StoredPart part, int cluster, int worldLabs) =>
        part.Decode(SnapshotParts.Labs(cluster), r => StateCodec.ReadClusterLabs(r, cluster, worldLabs));

    /// <summary>
    /// The <c>firms/C</c> part of cluster <paramref name="cluster"/>, from its firms cut in consecutive pieces in index
    /// order (one or many shards): the same bytes however they were cut.
    /// </summary>
    public static StoredPart Firms(int cluster, IReadOnlyList<FirmColumns> pieces) => StoredPart.Encode(SnapshotParts.Firms(cluster), w => StateCodec.WriteFirms(w, cluster, pieces));
    /// <summary>Reads the <c>firms/C</c> part of cluster <paramref name="cluster"/>: every firm slot, from index 0, as one shard.</summary>
    /// <exception cref="SnapshotException">It is another part, changed or malformed.</exception>
    public static FirmShard ReadFirms(StoredPart part, int cluster) => part.Decode(SnapshotParts.Firms(cluster), r => StateCodec.ReadFirms(r, cluster));

    /// <summary>The <c>fund/F</c> part of <paramref name="fund"/>.</summary>
    public static StoredPart Fund(FundState fund) => StoredPart.Encode(SnapshotParts.Fund(fund.Index), w => StateCodec.WriteFund(w, fund));
    /// <summary>Reads the <c>fund/F</c> part of fund <paramref name="index"/>.</summary>
    /// <exception cref="SnapshotException">It is another part, changed or malformed.</exception>
    public static FundState ReadFund(StoredPart part, int index) => part.Decode(SnapshotParts.Fund(index), r => StateCodec.ReadFund(r, index));
}
