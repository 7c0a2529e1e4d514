using Orleans.Configuration;

namespace EcoSim.Hosting;

/// <summary>
/// How fast the silos of a cluster declare a lost silo dead, and why not faster.
/// <para>
/// A silo is declared dead when enough fresh votes say so: each silo probes the others and votes
/// against one that missed <see cref="MissedProbes"/> probes in a row. Orleans asks for
/// min(2, (active non-stale silos + 1) / 2) votes, where a silo is stale once it has not written
/// "I am alive" to the membership table for <see cref="AliveWriteInterval"/> x <see cref="MissedAliveWrites"/>.
/// With two of three silos killed, the survivor's vote is the only one, so it is enough only once the
/// dead silos are stale: with Orleans' defaults (every 30 s, 3 misses) that was 90 s; EcoSim writes every
/// 3 s, so the dead become stale within 9 s and the survivor declares them dead at its next failed probe.
/// </para>
/// <para>
/// What is not shortened, so that a slow tick is not a lost silo: the probe timeout (Orleans' 5 s,
/// adaptive, and extended while the prober itself is degraded), the three missed probes, and the two
/// votes needed while most silos are fresh. A silo whose ticks keep its cores busy still answers probes
/// (they run outside grain turns), and a stale but living silo is only counted out of the vote, never
/// declared dead for that alone. Writing "I am alive" every 3 s costs one small Redis write per silo.
/// </para>
/// </summary>
public static class LostSiloDetection
{
    /// <summary>How often a silo writes "I am alive" to the membership table (Orleans' default: 30 s).</summary>
    public static readonly TimeSpan AliveWriteInterval = TimeSpan.FromSeconds(3);

    /// <summary>Writes a silo may miss before others count it as stale (Orleans' default, 3).</summary>
    public const int MissedAliveWrites = 3;

    /// <summary>How long a probe may take before it counts as missed (Orleans' default, 5 s).</summary>
    public static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Probes missed in a row before a silo votes against another (Orleans' default, 3).</summary>
    public const int MissedProbes = 3;

    /// <summary>Votes that declare a silo dead while most silos are fresh (Orleans' default, 2): one confused silo cannot kill another.</summary>
    public const int VotesForDeath = 2;

    /// <summary>How often a silo reads the whole membership table, to learn what gossip missed (Orleans' default: 60 s).</summary>
    public static readonly TimeSpan TableRefreshInterval = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The longest a survivor should need to declare every other silo dead when it is left alone: until the dead
    /// are stale (their last write may be one interval old), then one more round of missed probes.
    /// </summary>
    public static TimeSpan LoneSurvivorBound(ClusterMembershipOptions options) =>
        options.IAmAliveTablePublishTimeout * (options.NumMissedTableIAmAliveLimit + 1) + options.ProbeTimeout * options.NumMissedProbesLimit;

    /// <summary>Applies EcoSim's detection settings to a silo's membership options.</summary>
    public static void Apply(ClusterMembershipOptions membership)
    {
        membership.IAmAliveTablePublishTimeout = AliveWriteInterval;
        membership.NumMissedTableIAmAliveLimit = MissedAliveWrites;
        membership.ProbeTimeout = ProbeTimeout;
        membership.NumMissedProbesLimit = MissedProbes;
        membership.NumVotesForDeathDeclaration = VotesForDeath;
        membership.TableRefreshTimeout = TableRefreshInterval;
    }
}
