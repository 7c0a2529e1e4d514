using EcoSim.Model.Engine;
using EcoSim.Model.Metrics;
using EcoSim.Model.Tests.Support;
using EcoSim.Model.World;
using EcoSim.Scenarios;

namespace EcoSim.Model.Tests.StylizedFacts;

/// <summary>
/// One 20-year run (80 ticks, 2024Q1 to 2043Q4) of the Guangdong baseline with its full firm
/// population, stepped tick by tick so that the firms can be looked at along the way. Shared by the
/// tests of one class (xUnit class fixture): the run costs a few seconds, the checks almost nothing.
/// </summary>
public sealed class BaselineRunFixture
{
    /// <summary>Ticks of the run: twenty years of quarters.</summary>
    public const int Ticks = 80;

    /// <summary>Ticks after which every firm's revenue, productivity and life are copied.</summary>
    public static readonly int[] SnapshotTicks = [19, 39, 75, 79];

    public BaselineRunFixture()
    {
        World = ScenarioLoader.Load(TestWorlds.LibraryScenario("guangdong-baseline.yaml")).World with { Ticks = Ticks };
        var engine = new ReferenceEngine(World);
        int n = World.ClusterCount;
        var rows = new List<IReadOnlyList<MetricsRow>>(Ticks);
        var vintages = new List<int[][]>(Ticks);
        var snapshots = new Dictionary<int, FirmSnapshot>();
        while (engine.Tick < Ticks)
        {
            var outcome = engine.Step();
            rows.Add(outcome.Rows);
            var byCluster = new int[n][];
            for (int c = 0; c < n; c++) byCluster[c] = VintageCounts(engine, c);
            vintages.Add(byCluster);
            if (SnapshotTicks.Contains(outcome.Tick)) snapshots[outcome.Tick] = FirmSnapshot.Take(engine, n);
        }
        Rows = rows;
        Vintages = vintages;
        Snapshots = snapshots;
    }

    /// <summary>The baseline scenario, shortened to <see cref="Ticks"/>.</summary>
    public WorldSpec World { get; }

    /// <summary>The metrics rows of every tick: one per cluster in index order, then the region.</summary>
    public IReadOnlyList<IReadOnlyList<MetricsRow>> Rows { get; }

    /// <summary>Live firms by technology vintage, at [tick][cluster][vintage], after each tick.</summary>
    public IReadOnlyList<int[][]> Vintages { get; }

    /// <summary>Firm state after the ticks of <see cref="SnapshotTicks"/>.</summary>
    public IReadOnlyDictionary<int, FirmSnapshot> Snapshots { get; }

    private static int[] VintageCounts(ReferenceEngine engine, int cluster)
    {
        var shard = engine.FirmsOf(cluster);
        int newest = 0;
        for (int i = 0; i < shard.Count; i++) if (shard.Alive[i] != 0) newest = Math.Max(newest, shard.Vintage[i]);
        var counts = new int[newest + 1];
        for (int i = 0; i < shard.Count; i++) if (shard.Alive[i] != 0) counts[shard.Vintage[i]]++;
        return counts;
    }
}

/// <summary>Copies of every firm slot's revenue, productivity and liveness, per cluster, after one tick.</summary>
/// <param name="Revenue">Revenue by [cluster][slot], bn yuan/yr.</param>
/// <param name="Productivity">Productivity by [cluster][slot].</param>
/// <param name="Alive">Liveness by [cluster][slot].</param>
public sealed record FirmSnapshot(double[][] Revenue, double[][] Productivity, bool[][] Alive)
{
    public static FirmSnapshot Take(ReferenceEngine engine, int clusters)
    {
        var revenue = new double[clusters][];
        var productivity = new double[clusters][];
        var alive = new bool[clusters][];
        for (int c = 0; c < clusters; c++)
        {
            var shard = engine.FirmsOf(c);
            revenue[c] = shard.Revenue[..shard.Count];
            productivity[c] = shard.Productivity[..shard.Count];
            alive[c] = [.. shard.Alive[..shard.Count].Select(a => a != 0)];
        }
        return new FirmSnapshot(revenue, productivity, alive);
    }

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
