using EcoSim.Model.Snapshots;

namespace EcoSim.Experiments.Engines;

/// <summary>
/// The one rule that lays an experiment out on the Orleans engine: each run whole in one grain
/// (<see cref="WholeRunSimulation"/>) when two or more runs go side by side, each run over shard grains otherwise.
/// A sharded run keeps both cores of a two-core machine busy only between its barriers, so a second sharded run fills
/// the first one's gaps and no more (1.06-1.09 times one run at a time); runs whole in one grain each take a core of their
/// own, as the reference engine's runs do (1.82-1.90 times). A lone run (one member, or one at a time) keeps the sharded
/// layout, which spreads one large run over every core and silo (PERFORMANCE.md, sections 30 and 33). So do runs of more
/// than <see cref="MostWholeFirms"/> firms: a whole run's census and checkpoint travel as one message, and one silo would
/// hold all of a large member's state where shards spread it over the cluster.
/// </summary>
public static class EnsembleLayout
{
    /// <summary>
    /// Most firms at the start for a run to be laid out whole: the limit under which a checkpoint is copied rather than
    /// written in place (<see cref="SnapshotCapture.CopiedFirmsLimit"/>), so a whole run's messages stay a few tens of MB.
    /// </summary>
    public const int MostWholeFirms = SnapshotCapture.CopiedFirmsLimit;

    /// <summary>
    /// Whether an experiment of <paramref name="members"/> runs, at most <paramref name="parallelism"/> at a time, the
    /// largest of <paramref name="firms"/> firms at the start, runs each whole in one grain.
    /// </summary>
    public static bool RunsWhole(int members, int parallelism, long firms) => members >= 2 && parallelism >= 2 && firms <= MostWholeFirms;
}
