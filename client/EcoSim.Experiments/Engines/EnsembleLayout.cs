namespace EcoSim.Experiments.Engines;

/// <summary>
/// The one rule that lays an experiment out on the Orleans engine: each run whole in one grain
/// (<see cref="WholeRunSimulation"/>) when two or more runs go side by side, each run over shard grains otherwise.
/// A sharded run keeps both cores of a two-core machine busy only between its barriers, so a second sharded run fills
/// the first one's gaps and no more (1.06-1.09 times one run at a time); runs whole in one grain each take a core of their
/// own, as the reference engine's runs do (1.82-1.90 times). A lone run (one member, or one at a time) keeps the sharded
/// layout, which spreads one large run over every core and silo (PERFORMANCE.md, sections 30 and 33).
/// </summary>
public static class EnsembleLayout
{
    /// <summary>Whether an experiment of <paramref name="members"/> runs, at most <paramref name="parallelism"/> at a time, runs each whole in one grain.</summary>
    public static bool RunsWhole(int members, int parallelism) => members >= 2 && parallelism >= 2;
}
