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
    public static ulong Firm(int cluster, long index) => (1UL << KindShift) | ((ulong)(uint)cluster << ClusterShift) | (ulong)index;
    /// <summary>The id of lab number <paramref name="index"/>.</summary>
    public static ulong Lab(int index) => (2UL << KindShift) | (uint)index;
    /// <summary>The id of fund number <paramref name="index"/>.</summary>
    public static ulong Fund(int index) => (3UL << KindShift) | (uint)index;
    /// <summary>The id of cluster <paramref name="cluster"/>.</summary>
    public static ulong Cluster(int cluster) => (4UL << KindShift) | (uint)cluster;
    /// <summary>The id of the talent pool of cluster <paramref name="cluster"/>.</summary>
    public static ulong TalentPool(int cluster) => (5UL << KindShift) | (uint)cluster;
}
