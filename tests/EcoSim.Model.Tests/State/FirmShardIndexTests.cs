using EcoSim.Model.Engine;
using EcoSim.Model.Numerics;
using EcoSim.Model.Phases;
using EcoSim.Model.State;
using EcoSim.Model.Tests.Support;
using EcoSim.Model.World;

namespace EcoSim.Model.Tests.State;

/// <summary>
/// A firm's random streams are keyed by the index stored beside its state, not by its slot: a shard holding some of a
/// cluster's firms, with gaps between their indices, steps each of them to the very bits the whole shard gives it.
/// </summary>
public class FirmShardIndexTests
{
    private static FirmRecord Firm(int k) => new(1 + k, 2 + k, 3 + k, 0.01 * k, 4 + k, -k, 0.5 * k, k, 0, true);

    [Fact]
    public void Append_gives_the_next_index_or_the_one_asked_and_refuses_one_out_of_order()
    {
        var shard = new FirmShard(1, 40, 2);
        Assert.Equal(40, shard.NextIndex);
        shard.Append(Firm(0));
        shard.Append(Firm(1), 45);
        shard.Append(Firm(2));
        Assert.Equal([40L, 45, 46], shard.Index[..shard.Count]);
        Assert.Equal(47, shard.NextIndex);
        Assert.Equal(1, shard.SlotOf(45));
        Assert.Equal(-1, shard.SlotOf(41));
        Assert.Equal(-1, shard.SlotOf(47));
        var refused = Assert.Throws<ArgumentOutOfRangeException>(() => shard.Append(Firm(3), 46));
        Assert.Contains("46", refused.Message);
        Assert.Equal(3, shard.Count);
    }

    [Fact]
    public void A_shard_with_gaps_in_its_indices_draws_what_the_whole_shard_draws_for_each_firm()
    {
        var spec = TestWorlds.Small(firms: 600, ticks: 8, parameters: new() { CertificationApplicationRate = 0.5, CertificationLargeRdShare = 0.02 })
            with { Certification = true };
        var constants = WorldConstants.Derive(spec);
        const int cluster = 0;
        int n = constants.FirmsPerCluster[cluster];
        var whole = new FirmShard(cluster, 0, n);
        FirmPhase.Initialize(whole, spec, constants, 0, n);

        // Gaps at the start, in the middle (runs of one and of several) and at the end; an odd count, so the padded tail runs too.
        var kept = Enumerable.Range(0, n).Where(i => i >= 3 && i < n - 2 && (i % 3 != 0 || i % 7 == 0) && !(i >= 50 && i < 61)).ToArray();
        if (kept.Length % 4 == 0) kept = kept[1..];
        var gapped = new FirmShard(cluster, kept[0], kept.Length);
        foreach (int i in kept) gapped.Append(whole.Read(i), i);
        // The same firms numbered by their slots: what the draws would be if the index were not the column's.
        var renumbered = new FirmShard(cluster, 0, kept.Length);
        foreach (int i in kept) renumbered.Append(whole.Read(i));

        var state = ClusterPhase.Initial(spec, constants, cluster, FirmPhase.Summarize(whole, 0));
        double innovations = 0, deaths = 0;
        bool renumberedDiffers = false;
        for (int tick = 0; tick < spec.Ticks; tick++)
        {
            var signals = new ClusterSignals
            {
                Tick = tick, Cluster = cluster, Demand = spec.Clusters[cluster].Revenue, WeightTotal = state.WeightTotal,
                MeanProductivity = state.MeanProductivity, Frontier = state.Frontier, Firms = state.Firms, Opportunity = 1.5,
                Generation = tick / 3, AdopterShare = state.AdopterShare, FillRate = 0.9, Wage = 200, TransformationFunding = 3, RdUserCostRatio = 0.95,
            };
            var report = TickPlan.Firms(whole, signals, spec);
            var part = TickPlan.Firms(gapped, signals, spec);
            TickPlan.Firms(renumbered, signals, spec);
            innovations += part.Sums[FirmSums.Innovations];
            deaths += part.Sums[FirmSums.Deaths];
            for (int k = 0; k < kept.Length; k++)
            {
                // The step drops exited firms from the slots, so firms are found by index.
                var (a, b) = (whole.Find(kept[k])!.Value, gapped.Find(kept[k])!.Value);
                Assert.True(Same(a, b), $"tick {tick}, firm {kept[k]}: {b} against {a}");
                renumberedDiffers |= !Same(a, renumbered.Find(renumbered.FirstIndex + k)!.Value);
            }
            state = ClusterPhase.Close(state, report, EntryPhase.Plan(spec, tick, signals, state, spinOffs: 0, deals: 0));
        }
        Assert.True(innovations > 0 && deaths > 0, $"innovations {innovations}, deaths {deaths}: the ticks must exercise the draws");
        Assert.True(renumberedDiffers, "the same firms numbered by their slots should draw other numbers");
    }

    private static bool Same(FirmRecord a, FirmRecord b) =>
        Bits.Of(a.Productivity) == Bits.Of(b.Productivity) && Bits.Of(a.Weight) == Bits.Of(b.Weight) && Bits.Of(a.Revenue) == Bits.Of(b.Revenue)
        && Bits.Of(a.RdIntensity) == Bits.Of(b.RdIntensity) && Bits.Of(a.RdStock) == Bits.Of(b.RdStock) && Bits.Of(a.Cash) == Bits.Of(b.Cash)
        && Bits.Of(a.Researchers) == Bits.Of(b.Researchers) && a.Age == b.Age && a.Vintage == b.Vintage && a.Alive == b.Alive
        && a.CertifiedTick == b.CertifiedTick;
}
