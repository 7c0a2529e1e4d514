using EcoSim.Model.Engine;
using EcoSim.Model.Numerics;
using EcoSim.Model.Phases;
using EcoSim.Model.State;
using EcoSim.Model.Tests.Support;
using EcoSim.Model.World;

namespace EcoSim.Model.Tests.Phases;

/// <summary>
/// The partition invariance the Orleans engine relies on: one shard of a cluster's firms and the same
/// firms split into shards of different sizes give bit-identical firms and reports, tick after tick.
/// </summary>
public class FirmPhaseShardingTests
{
    private static FirmShard NewShard(WorldSpec spec, WorldConstants constants, int cluster, long first, int count)
    {
        var shard = new FirmShard(cluster, first, count);
        FirmPhase.Initialize(shard, spec, constants, first, count);
        return shard;
    }

    private static void AssertSameFirms(FirmShard whole, FirmShard part, int tick)
    {
        for (int i = 0; i < part.Count; i++)
        {
            // The step drops exited firms from the slots, so firms are paired by index, not by slot.
            var a = whole.Find(part.Index[i]) ?? throw new InvalidOperationException($"the whole shard has no firm {part.Index[i]}");
            var b = part.Read(i);
            string where = $"tick {tick}, firm {part.Index[i]}";
            Assert.True(Bits.Of(a.Productivity) == Bits.Of(b.Productivity), $"{where}: productivity");
            Assert.True(Bits.Of(a.Weight) == Bits.Of(b.Weight), $"{where}: weight");
            Assert.True(Bits.Of(a.Revenue) == Bits.Of(b.Revenue), $"{where}: revenue");
            Assert.True(Bits.Of(a.RdIntensity) == Bits.Of(b.RdIntensity), $"{where}: R&D intensity");
            Assert.True(Bits.Of(a.RdStock) == Bits.Of(b.RdStock), $"{where}: R&D stock");
            Assert.True(Bits.Of(a.Cash) == Bits.Of(b.Cash), $"{where}: cash");
            Assert.True(Bits.Of(a.Researchers) == Bits.Of(b.Researchers), $"{where}: researchers");
            Assert.Equal(a.Age, b.Age);
            Assert.Equal(a.Vintage, b.Vintage);
            Assert.Equal(a.Alive, b.Alive);
            Assert.Equal(a.CertifiedTick, b.CertifiedTick);
        }
    }

    [Theory]
    [InlineData(0, new[] { 1, 37, 100 }, false)]     // a one-firm shard, then uneven shards (the rest in a last one)
    [InlineData(1, new[] { 30, 40 }, false)]     // cluster 1 has ~95 firms
    [InlineData(2, new[] { 3, 3, 3, 3, 3 }, false)]
    [InlineData(0, new[] { 1, 37, 100 }, true)]     // the same with high-tech certification reviewed at ticks 3 and 7
    [InlineData(1, new[] { 30, 40 }, true)]
    public void One_shard_equals_uneven_shards_stepped_separately_and_merged(int cluster, int[] leadingSizes, bool certification)
    {
        var spec = TestWorlds.Small(firms: 600, ticks: 10, parameters: new() { CertificationApplicationRate = 0.5, CertificationLargeRdShare = 0.02 })
            with { Certification = certification };
        var constants = WorldConstants.Derive(spec);
        int n = constants.FirmsPerCluster[cluster];
        Assert.True(leadingSizes.Sum() < n, "the test needs a non-empty last shard");

        var whole = NewShard(spec, constants, cluster, 0, n);
        var parts = new List<FirmShard>();
        long first = 0;
        foreach (int size in leadingSizes.Append(n - leadingSizes.Sum()))
        {
            parts.Add(NewShard(spec, constants, cluster, first, size));
            first += size;
        }
        foreach (var part in parts) AssertSameFirms(whole, part, -1);

        var state = ClusterPhase.Initial(spec, constants, cluster, FirmPhase.Summarize(whole, 0));
        long innovations = 0, adoptions = 0, deaths = 0, births = 0, certified = 0;
        for (int tick = 0; tick < spec.Ticks; tick++)
        {
            int generation = tick / 3; // a new technology generation every third tick, so firms adopt
            var signals = new ClusterSignals
            {
                Tick = tick,
                Cluster = cluster,
                Demand = spec.Clusters[cluster].Revenue * (1 + 0.01 * tick),
                WeightTotal = state.WeightTotal,
                MeanProductivity = state.MeanProductivity,
                Frontier = state.Frontier,
                Firms = state.Firms,
                Opportunity = 1 + 0.1 * tick,
                Generation = generation,
                AdopterShare = generation > 0 && tick % 3 == 0 ? 0 : state.AdopterShare,
                FillRate = 0.9,
                Wage = 200,
                TransformationFunding = 3,
                RdUserCostRatio = 0.95,
            };
            var single = TickPlan.Firms(whole, signals, spec);
            var merged = FirmReport.Merge(cluster, parts.AsEnumerable().Reverse().Select(part => TickPlan.Firms(part, signals, spec)).ToList());

            Assert.True(single.Sums.SameAs(merged.Sums), $"tick {tick}: merged sums differ from the single shard's");
            Assert.Equal(Bits.Of(single.Frontier), Bits.Of(merged.Frontier));
            foreach (var part in parts) AssertSameFirms(whole, part, tick);

            // Entrants continue the cluster's numbering: they go to the end of the single shard and of the last shard.
            var entrants = EntryPhase.Plan(spec, tick, signals, state, spinOffs: 1, deals: 2);
            foreach (var firm in entrants.Firms) { whole.Append(firm); parts[^1].Append(firm); }
            Assert.Equal(whole.NextIndex, parts[^1].NextIndex);
            state = ClusterPhase.Close(state, single, entrants);

            innovations += (long)single.Sums[FirmSums.Innovations];
            adoptions += (long)single.Sums[FirmSums.Adoptions];
            deaths += (long)single.Sums[FirmSums.Deaths];
            births += entrants.Firms.Count;
            certified += (long)single.Sums[FirmSums.Certified];
        }
        Assert.Equal(whole.Count, parts.Sum(p => p.Count));
        // Guard against a vacuous comparison: the ticks exercised innovation, adoption, exit and entry.
        Assert.True(innovations > 0 && adoptions > 0 && deaths > 0 && births > 0,
            $"innovations {innovations}, adoptions {adoptions}, deaths {deaths}, births {births}");
        Assert.Equal(certification, certified > 0);
    }

    [Fact]
    public void Report_merge_is_exact_for_any_grouping()
    {
        var spec = TestWorlds.Small(firms: 300);
        var constants = WorldConstants.Derive(spec);
        int n = constants.FirmsPerCluster[0];
        var reports = Enumerable.Range(0, n).Select(i => FirmPhase.Summarize(NewShard(spec, constants, 0, i, 1), 0)).ToList();
        var all = FirmReport.Merge(0, reports);
        var pairs = FirmReport.Merge(0, reports.Chunk(2).Select(chunk => FirmReport.Merge(0, chunk)).Reverse());
        Assert.True(all.Sums.SameAs(pairs.Sums));
        Assert.Equal(all.Frontier, pairs.Frontier);
        Assert.True(all.Sums.SameAs(FirmPhase.Summarize(NewShard(spec, constants, 0, 0, n), 0).Sums));
        Assert.Equal((double)n, all.Sums[FirmSums.Alive]);
    }

    [Fact]
    public void Empty_report_is_the_identity_of_merge()
    {
        var report = FirmReport.Merge(1, [FirmReport.Empty(1)]);
        Assert.True(report.Sums.SameAs(new SumVector(FirmSums.Count)));
        Assert.Equal(0, report.Frontier);
    }
}
