namespace EcoSim.Model.World;

/// <summary>Kinds of one-off event that act on one cluster (or, for a fund injection, on the guidance funds).</summary>
public enum ShockKind
{
    /// <summary>Demand for the cluster's output changes by <see cref="ClusterShock.Value"/> (a share: -0.2 = a fifth less).</summary>
    Demand,
    /// <summary>Extra R&amp;D super-deduction for the cluster's firms (a share of R&amp;D, added to the region's).</summary>
    RdSubsidy,
    /// <summary>A talent programme recruits <see cref="ClusterShock.Value"/> researchers a year into the cluster's pool.</summary>
    TalentProgramme,
    /// <summary>The guidance funds receive <see cref="ClusterShock.Value"/> bn yuan at the start tick, shared equally (cluster ignored).</summary>
    GuidanceInjection,
}

/// <summary>A one-off event of a scenario: acts from <see cref="StartTick"/> up to, not including, <see cref="EndTick"/>.</summary>
/// <param name="Kind">What it does.</param>
/// <param name="Cluster">The cluster it acts on (ignored by a guidance-fund injection).</param>
/// <param name="StartTick">First tick it acts.</param>
/// <param name="EndTick">First tick it no longer acts.</param>
/// <param name="Value">Its size, in the unit of its kind.</param>
public sealed record ClusterShock(ShockKind Kind, int Cluster, int StartTick, int EndTick, double Value)
{
    /// <summary>Whether it acts at <paramref name="tick"/>.</summary>
    public bool ActsAt(int tick) => tick >= StartTick && tick < EndTick;
}
