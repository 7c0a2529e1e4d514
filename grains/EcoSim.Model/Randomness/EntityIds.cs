namespace EcoSim.Model.Randomness;

/// <summary>
/// Globally unique 64-bit entity ids. They key the random streams, so they are part of the output
/// contract: the same entity has the same id whatever engine, shard size or silo count runs it.
/// Layout: the top byte is the kind, then 24 bits of cluster (or zero), then a 32-bit index.
/// </summary>
public static class EntityIds
{
    private const int KindShift = 56, ClusterShift = 32;

    /// <summary>The id of firm number <paramref name="index"/> of cluster <paramref name="cluster"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The cluster is outside [0, 2^24) or the index outside [0, 2^32).</exception>
    public static ulong Firm(int cluster, long index)
    {
        if ((uint)cluster >= 1u << 24) throw new ArgumentOutOfRangeException(nameof(cluster), cluster, "cluster ids have 24 bits");
        if ((ulong)index >= 1UL << 32) throw new ArgumentOutOfRangeException(nameof(index), index, "firm indices have 32 bits");
        return (1UL << KindShift) | ((ulong)(uint)cluster << ClusterShift) | (ulong)index;
    }
    /// <summary>The id of lab number <paramref name="index"/>.</summary>
    public static ulong Lab(int index) => (2UL << KindShift) | (uint)index;
    /// <summary>The id of fund number <paramref name="index"/>.</summary>
    public static ulong Fund(int index) => (3UL << KindShift) | (uint)index;
    /// <summary>The id of cluster <paramref name="cluster"/>.</summary>
    public static ulong Cluster(int cluster) => (4UL << KindShift) | (uint)cluster;
    /// <summary>The id of the talent pool of cluster <paramref name="cluster"/>.</summary>
    public static ulong TalentPool(int cluster) => (5UL << KindShift) | (uint)cluster;
}
