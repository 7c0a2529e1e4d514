using EcoSim.Model.Numerics;
using EcoSim.Model.Phases;
using EcoSim.Model.State;
using EcoSim.Model.Tests.Support;
using EcoSim.Model.World;

namespace EcoSim.Model.Tests.Phases;

/// <summary>
/// The firm phase's width moves no bit: the eight-lane path (<see cref="EightLanes"/>, the one a CPU with AVX-512
/// takes) and the four-lane path (<see cref="FourLanes"/>) step copies of one shard tick after tick in one process, and
/// every column, the sums and the frontier stay bit for bit the same, for shard sizes whose last group is full or short
/// by every count of firms (1 to 40) and for a few hundred firms, with firms dying (dead lanes) along the way. On a CPU
/// without AVX-512 the eight-lane path runs in the runtime's software vectors: slower, and the same bits.
/// </summary>
public class FirmPhaseWidthTests
{
    public static TheoryData<int> Sizes()
    {
        var sizes = new TheoryData<int>();
        for (int n = 1; n <= 40; n++) sizes.Add(n);
        foreach (int n in new[] { 255, 256, 257, 300, 389 }) sizes.Add(n);
        return sizes;
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Eight_lanes_and_four_give_the_same_bits(int firms)
    {
        var spec = TestWorlds.Small(firms: 800, ticks: 12);
        var constants = WorldConstants.Derive(spec);
        const int cluster = 1;
        var eight = new FirmShard(cluster, 0, firms);
        var four = new FirmShard(cluster, 0, firms);
        FirmPhase.Initialize(eight, spec, constants, 0, firms);
        FirmPhase.Initialize(four, spec, constants, 0, firms);
        var state = ClusterPhase.Initial(spec, constants, cluster, FirmPhase.Summarize(four, 0));
        for (int tick = 0; tick < spec.Ticks; tick++)
        {
            int generation = tick / 3;
            var signals = new ClusterSignals
            {
                Tick = tick, Cluster = cluster, Demand = spec.Clusters[cluster].Revenue * (1 + 0.01 * tick),
                WeightTotal = state.WeightTotal, MeanProductivity = state.MeanProductivity, Frontier = state.Frontier, Firms = state.Firms,
                Opportunity = 1 + 0.1 * tick, Generation = generation, AdopterShare = generation > 0 && tick % 3 == 0 ? 0 : state.AdopterShare,
                FillRate = 0.9, Wage = 200, TransformationFunding = 3, RdUserCostRatio = 0.95,
            };
            var a = FirmPhase.Step<EightLanes>(eight, signals, spec);
            var b = FirmPhase.Step<FourLanes>(four, signals, spec);
            Assert.True(a.Sums.SameAs(b.Sums), $"{firms} firms, tick {tick}: sums differ");
            Assert.Equal(Bits.Of(b.Frontier), Bits.Of(a.Frontier));
            for (int i = 0; i < firms; i++)
            {
                var (x, y) = (eight.Read(i), four.Read(i));
                Assert.True(x.Alive == y.Alive && Bits.Of(x.Productivity) == Bits.Of(y.Productivity) && Bits.Of(x.Weight) == Bits.Of(y.Weight)
                            && Bits.Of(x.Revenue) == Bits.Of(y.Revenue) && Bits.Of(x.RdIntensity) == Bits.Of(y.RdIntensity)
                            && Bits.Of(x.RdStock) == Bits.Of(y.RdStock) && Bits.Of(x.Cash) == Bits.Of(y.Cash)
                            && Bits.Of(x.Researchers) == Bits.Of(y.Researchers) && x.Age == y.Age && x.Vintage == y.Vintage
                            && x.CertifiedTick == y.CertifiedTick,
                    $"{firms} firms, tick {tick}, firm {i}: {x} against {y}");
            }
            state = ClusterPhase.Close(state, b, EntryPhase.Plan(spec, tick, signals, state, spinOffs: 0, deals: 0));
        }
    }
}
