using EcoSim.Model.Engine;
using EcoSim.Model.Numerics;
using EcoSim.Model.Phases;
using EcoSim.Model.State;
using EcoSim.Model.Tests.Support;
using EcoSim.Model.World;

namespace EcoSim.Model.Tests.State;

/// <summary>
/// Compaction drops a shard's dead firms and keeps the live ones in order with their indices and state; entrants after
/// it get the indices they would have had; and a compacted shard steps its firms to the bits an uncompacted one gives.
/// </summary>
public class FirmShardCompactionTests
{
    private static FirmRecord Firm(int k, bool alive) => new(1 + k, 2 + k, 3 + k, 0.01 * k, 4 + k, -k, 0.5 * k, k, k % 7, alive, k % 5 == 0 ? k : FirmRecord.NotCertified);

    public static TheoryData<string, bool[]> Deaths => new()
    {
        { "none dead", [true, true, true, true, true] },
        { "dead at the start", [false, false, true, true, true] },
        { "dead in the middle", [true, false, true, false, false, true] },
        { "dead at the end", [true, true, true, false, false] },
        { "all dead", [false, false, false] },
        { "empty", [] },
    };

    [Theory]
    [MemberData(nameof(Deaths))]
    public void Compaction_keeps_the_live_firms_in_order_with_their_indices_and_state(string what, bool[] alive)
    {
        const long first = 100;
        var shard = new FirmShard(3, first, 2);
        for (int k = 0; k < alive.Length; k++) shard.Append(Firm(k, alive[k]));
        int capacity = shard.Capacity;

        int dropped = shard.Compact();

        var live = Enumerable.Range(0, alive.Length).Where(k => alive[k]).ToArray();
        Assert.True(alive.Length - live.Length == dropped, what);
        Assert.Equal(live.Length, shard.Count);
        Assert.Equal(capacity, shard.Capacity);
        for (int slot = 0; slot < live.Length; slot++)
        {
            Assert.Equal(first + live[slot], shard.Index[slot]);
            Assert.Equal(Firm(live[slot], true), shard.Read(slot));
            Assert.Equal(slot, shard.SlotOf(first + live[slot]));
        }
        foreach (int k in Enumerable.Range(0, alive.Length).Where(k => !alive[k])) Assert.Equal(-1, shard.SlotOf(first + k));

        // Entrants continue the numbering as if no firm had left.
        Assert.Equal(first + alive.Length, shard.NextIndex);
        int at = shard.Append(Firm(99, true));
        Assert.Equal(first + alive.Length, shard.Index[at]);
        Assert.Equal(live.Length, at);
    }

    [Fact]
    public void A_shard_that_loses_many_firms_and_takes_no_entrant_shrinks_its_arrays_to_an_eighth_above_them()
    {
        var shard = new FirmShard(1, 8192, 4096);
        for (int k = 0; k < 4096; k++) shard.Append(Firm(k, true));
        void Kill(Func<long, bool> which)
        {
            for (int i = 0; i < shard.Count; i++) if (which(shard.Index[i])) shard.Alive[i] = 0;
            shard.Compact();
        }
        // 800 of 4,096 gone: the room left (800 slots) is within twice a growth step (2 x 412), so the arrays stay.
        Kill(index => (index - 8192) % 5 == 0 && index < 8192 + 4000);
        Assert.Equal(3296, shard.Count);
        Assert.Equal(4096, shard.Capacity);
        // 400 more: the room (1,200) is past twice a step (2 x 362), so the arrays shrink to the live firms and an eighth.
        Kill(index => (index - 8192) % 5 == 1 && index < 8192 + 2000);
        Assert.Equal(2896, shard.Count);
        Assert.Equal(2896 + 2896 / 8, shard.Capacity);
        var expected = Enumerable.Range(0, 4096).Where(k => !(k % 5 == 0 && k < 4000) && !(k % 5 == 1 && k < 2000)).ToArray();
        Assert.Equal(expected.Select(k => 8192L + k), shard.Index.Take(shard.Count));
        for (int slot = 0; slot < shard.Count; slot++) Assert.Equal(Firm(expected[slot], true), shard.Read(slot));
        Assert.Equal(8192 + 4096, shard.NextIndex);
    }

    [Fact]
    public void A_steady_population_reuses_the_freed_slots_instead_of_growing()
    {
        var shard = new FirmShard(0, 0, 64);
        for (int k = 0; k < 64; k++) shard.Append(Firm(k, true));
        for (int round = 0; round < 100; round++)
        {
            for (int i = 0; i < 8; i++) shard.Alive[(round * 7 + i * 5) % shard.Count] = 0;
            int dropped = shard.Compact();
            for (int e = 0; e < dropped; e++) shard.Append(Firm(e, true));
        }
        Assert.Equal(64, shard.Count);
        Assert.Equal(64, shard.Capacity);
        Assert.True(shard.NextIndex > 64 * 5, $"next index {shard.NextIndex}: the rounds should have replaced many firms");
        Assert.True(shard.Index.Take(shard.Count).Zip(shard.Index.Skip(1).Take(shard.Count - 1)).All(p => p.First < p.Second), "indices increase slot by slot");
    }

    [Fact]
    public void A_shard_compacted_every_tick_steps_its_firms_as_the_uncompacted_shard_does()
    {
        var spec = TestWorlds.Small(firms: 600, ticks: 12, parameters: new() { CertificationApplicationRate = 0.5, CertificationLargeRdShare = 0.02 })
            with { Certification = true };
        var constants = WorldConstants.Derive(spec);
        const int cluster = 0;
        int n = constants.FirmsPerCluster[cluster];
        var (whole, compacted) = (new FirmShard(cluster, 0, n), new FirmShard(cluster, 0, n));
        FirmPhase.Initialize(whole, spec, constants, 0, n);
        FirmPhase.Initialize(compacted, spec, constants, 0, n);

        var state = ClusterPhase.Initial(spec, constants, cluster, FirmPhase.Summarize(whole, 0));
        long dropped = 0, entered = 0;
        for (int tick = 0; tick < spec.Ticks; tick++)
        {
            dropped += compacted.Compact();
            var signals = new ClusterSignals
            {
                Tick = tick, Cluster = cluster, Demand = spec.Clusters[cluster].Revenue, WeightTotal = state.WeightTotal,
                MeanProductivity = state.MeanProductivity, Frontier = state.Frontier, Firms = state.Firms, Opportunity = 1.5,
                Generation = tick / 3, AdopterShare = state.AdopterShare, FillRate = 0.9, Wage = 200, TransformationFunding = 3, RdUserCostRatio = 0.95,
            };
            var report = Uncompacted(whole, signals, spec);
            var fromCompacted = TickPlan.Firms(compacted, signals, spec);
            Assert.True(report.Sums.SameAs(fromCompacted.Sums), $"tick {tick}: the compacted shard's sums differ");
            Assert.Equal(Bits.Of(report.Frontier), Bits.Of(fromCompacted.Frontier));
            for (int slot = 0; slot < compacted.Count; slot++)
            {
                long index = compacted.Index[slot];
                Assert.True(whole.Read((int)index) == compacted.Read(slot), $"tick {tick}, firm {index}");
            }
            Assert.Equal(Enumerable.Range(0, whole.Count).Count(i => whole.Alive[i] != 0), Enumerable.Range(0, compacted.Count).Count(i => compacted.Alive[i] != 0));

            var entrants = EntryPhase.Plan(spec, tick, signals, state, spinOffs: 1, deals: 2);
            foreach (var firm in entrants.Firms) { whole.Append(firm); compacted.Append(firm); }
            Assert.Equal(whole.NextIndex, compacted.NextIndex);
            entered += entrants.Firms.Count;
            state = ClusterPhase.Close(state, report, entrants);
        }
        Assert.True(dropped > 0 && entered > 0, $"dropped {dropped}, entered {entered}: the ticks must exercise exit and entry");
        Assert.True(compacted.Count < whole.Count);
        Assert.Equal(0, whole.ExitedCount);
    }

    // The firm step without the compaction the tick starts with (TickPlan.Firms), so the shard keeps every slot.
    private static FirmReport Uncompacted(FirmShard shard, ClusterSignals signals, WorldSpec spec)
    {
        var report = FirmPhase.Step(shard, signals, spec);
        if (spec.Certification) report.Sums.AddCount(FirmSums.Certified, CertificationPhase.Review(shard, signals, spec));
        return report;
    }
}
