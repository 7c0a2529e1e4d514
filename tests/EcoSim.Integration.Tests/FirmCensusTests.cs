using EcoSim.Experiments.Engines;
using EcoSim.Model.Metrics;
using EcoSim.Model.State;
using EcoSim.Model.World;

namespace EcoSim.Integration.Tests;

/// <summary>Every firm's state at chosen ticks: the Orleans engine on two silos against the reference engine, bit for bit.</summary>
[Collection(TwoSiloCluster.Name)]
public sealed class FirmCensusTests(TestClusterFixture fixture)
{
    private static readonly IReadOnlySet<int> Ticks = new HashSet<int> { 0, 3, 7 };

    private static WorldSpec World => Scenarios.ScenarioLoader.Load(Path.Combine(AppContext.BaseDirectory, "Scenarios", "small-baseline.yaml")).World;

    private static async Task<List<SimulatedTick>> Run(ISimulationEngine engine, WorldSpec world)
    {
        var ticks = new List<SimulatedTick>();
        await foreach (var tick in engine.RunAsync(world, Ticks, CancellationToken.None)) ticks.Add(tick);
        return ticks;
    }

    [Theory]
    [InlineData(64)]
    [InlineData(700)]
    public async Task Both_engines_give_the_same_firms_bit_for_bit(int firmsPerShard)
    {
        var world = World;
        var reference = await Run(new ReferenceSimulation(), world);
        await using var orleans = new OrleansSimulation(OrleansConnections.Borrow(fixture.Cluster.GrainFactory, fixture.Cluster.Silos.Count), firmsPerShard);
        var cluster = await Run(orleans, world);

        Assert.Equal(world.Ticks, cluster.Count);
        Assert.Equal(Ticks, cluster.Where(t => t.Firms is not null).Select(t => t.Outcome.Tick).ToHashSet());
        for (int t = 0; t < world.Ticks; t++)
        {
            Assert.Equal(reference[t].Outcome.Rows, cluster[t].Outcome.Rows);
            if (reference[t].Firms is not { } expected) { Assert.Null(cluster[t].Firms); continue; }
            var actual = cluster[t].Firms!;
            Assert.Equal(t, actual.Tick);
            Assert.Equal(world.ClusterCount, actual.Clusters.Count);
            for (int c = 0; c < world.ClusterCount; c++) AssertSameBits(expected.Clusters[c], actual.Clusters[c], $"tick {t} cluster {c}");
        }
    }

    [Fact]
    public async Task A_census_counts_as_many_live_firms_as_the_metrics_and_grows_with_entry()
    {
        var ticks = await Run(new ReferenceSimulation(), World);
        foreach (var tick in ticks.Where(t => t.Firms is not null))
            foreach (var firms in tick.Firms!.Clusters)
            {
                Assert.Equal(0, firms.FirstIndex);
                Assert.Equal(tick.Outcome.Rows[firms.Cluster][MetricColumns.Firms], firms.Alive.Count(a => a));
                Assert.All(Enumerable.Range(0, firms.Count).Where(i => firms.Alive[i]), i => Assert.True(firms.Revenue[i] > 0 && firms.Weight[i] > 0));
            }
        Assert.True(ticks[7].Firms!.Clusters.Sum(c => c.Count) > ticks[0].Firms!.Clusters.Sum(c => c.Count), "entrants take new slots");
    }

    private static void AssertSameBits(FirmColumns expected, FirmColumns actual, string where)
    {
        Assert.Equal(expected.Cluster, actual.Cluster);
        Assert.Equal(expected.FirstIndex, actual.FirstIndex);
        Assert.Equal(expected.Count, actual.Count);
        void Doubles(string name, double[] e, double[] a) =>
            Assert.True(e.Select(BitConverter.DoubleToInt64Bits).SequenceEqual(a.Select(BitConverter.DoubleToInt64Bits)), $"{where}: {name} differs");
        Doubles("productivity", expected.Productivity, actual.Productivity);
        Doubles("weight", expected.Weight, actual.Weight);
        Doubles("revenue", expected.Revenue, actual.Revenue);
        Doubles("rd_intensity", expected.RdIntensity, actual.RdIntensity);
        Doubles("rd_stock", expected.RdStock, actual.RdStock);
        Doubles("cash", expected.Cash, actual.Cash);
        Doubles("researchers", expected.Researchers, actual.Researchers);
        Assert.Equal(expected.Age, actual.Age);
        Assert.Equal(expected.Vintage, actual.Vintage);
        Assert.Equal(expected.Alive, actual.Alive);
    }
}
