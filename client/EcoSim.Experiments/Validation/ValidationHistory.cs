using EcoSim.Experiments.Engines;
using EcoSim.Model.Metrics;
using EcoSim.Model.World;

namespace EcoSim.Experiments.Validation;

/// <summary>
/// What the stylized-facts checks look at, recorded from one run on either engine (both give the same
/// bytes): every tick's metrics rows, the live firms of each cluster by technology generation after every
/// tick, and the revenue, productivity and liveness of every firm after the ticks the checks need. Only
/// one tick's census is held while it is recorded, so the run's memory stays a run's.
/// </summary>
public sealed class ValidationHistory
{
    internal ValidationHistory(WorldSpec world, IReadOnlyList<IReadOnlyList<MetricsRow>> rows, IReadOnlyList<int[][]> vintages, IReadOnlyDictionary<int, FirmSnapshot> snapshots) =>
        (World, Rows, Vintages, Snapshots, Region) = (world, rows, vintages, snapshots, [.. rows.Select(r => r[^1])]);

    /// <summary>Ticks of the run the facts are defined on: twenty years of quarters.</summary>
    public const int Ticks = 80;

    /// <summary>Ticks after which every firm's revenue, productivity and life are kept (5, 10, 19 and 20 years).</summary>
    public static readonly int[] SnapshotTicks = [19, 39, 75, 79];

    /// <summary>The world that was run (<see cref="Ticks"/> ticks).</summary>
    public WorldSpec World { get; }

    /// <summary>The metrics rows of every tick: one per cluster in index order, then the region.</summary>
    public IReadOnlyList<IReadOnlyList<MetricsRow>> Rows { get; }

    /// <summary>Live firms by technology generation, at [tick][cluster][generation], after each tick.</summary>
    public IReadOnlyList<int[][]> Vintages { get; }

    /// <summary>Firm state after the ticks of <see cref="SnapshotTicks"/>.</summary>
    public IReadOnlyDictionary<int, FirmSnapshot> Snapshots { get; }

    /// <summary>The region's row of each tick.</summary>
    public IReadOnlyList<MetricsRow> Region { get; }

    /// <summary>Runs <paramref name="world"/> for <see cref="Ticks"/> ticks on <paramref name="engine"/>, taking a census of the firms after every tick.</summary>
    /// <exception cref="ArgumentException">The world's horizon is shorter than <see cref="Ticks"/>.</exception>
    public static async Task<ValidationHistory> RecordAsync(ISimulationEngine engine, WorldSpec world, CancellationToken cancellation)
    {
        if (world.Ticks < Ticks) throw new ArgumentException($"the stylized facts need {Ticks} ticks (20 years); the scenario has {world.Ticks}", nameof(world));
        world = world with { Ticks = Ticks };
        var rows = new List<IReadOnlyList<MetricsRow>>(Ticks);
        var vintages = new List<int[][]>(Ticks);
        var snapshots = new Dictionary<int, FirmSnapshot>();
        var everyTick = Enumerable.Range(0, Ticks).ToHashSet();
        await foreach (var tick in engine.RunAsync(world, everyTick, cancellation))
        {
            var census = tick.Firms ?? throw new InvalidOperationException($"the engine gave no census of tick {tick.Outcome.Tick}");
            rows.Add(tick.Outcome.Rows);
            vintages.Add([.. census.Clusters.Select(VintageCounts)]);
            if (SnapshotTicks.Contains(tick.Outcome.Tick)) snapshots[tick.Outcome.Tick] = FirmSnapshot.Of(census);
        }
        return new ValidationHistory(world, rows, vintages, snapshots);
    }

    private static int[] VintageCounts(Model.State.FirmColumns firms)
    {
        int newest = 0;
        for (int i = 0; i < firms.Count; i++) if (firms.Alive[i]) newest = Math.Max(newest, firms.Vintage[i]);
        var counts = new int[newest + 1];
        for (int i = 0; i < firms.Count; i++) if (firms.Alive[i]) counts[firms.Vintage[i]]++;
        return counts;
    }
}

/// <summary>
/// Copies of the census's revenue, productivity, liveness and cluster index, per cluster, after one tick. Positions are
/// the census's, in index order; facts that follow a firm from one tick to another pair it by <see cref="Index"/>.
/// </summary>
/// <param name="Revenue">Revenue by [cluster][position], bn yuan/yr.</param>
/// <param name="Productivity">Productivity by [cluster][position].</param>
/// <param name="Alive">Liveness by [cluster][position].</param>
/// <param name="Index">Cluster index by [cluster][position], increasing.</param>
public sealed record FirmSnapshot(double[][] Revenue, double[][] Productivity, bool[][] Alive, long[][] Index)
{
    /// <summary>The columns the checks use, from a census.</summary>
    public static FirmSnapshot Of(FirmCensus census) =>
        new([.. census.Clusters.Select(c => c.Revenue)], [.. census.Clusters.Select(c => c.Productivity)], [.. census.Clusters.Select(c => c.Alive)],
            [.. census.Clusters.Select(c => c.Index)]);

    /// <summary>Revenue of every live firm of the region.</summary>
    public List<double> LiveRevenue()
    {
        var values = new List<double>();
        for (int c = 0; c < Revenue.Length; c++)
            for (int i = 0; i < Revenue[c].Length; i++)
                if (Alive[c][i]) values.Add(Revenue[c][i]);
        return values;
    }
}
