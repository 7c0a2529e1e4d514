using EcoSim.Model.Numerics;
using System.Runtime.Intrinsics;
using EcoSim.Model.Phases;
using EcoSim.Model.Randomness;
using EcoSim.Model.Tests.Support;

namespace EcoSim.Model.Tests.Phases;

/// <summary>
/// The innovation size's Beta draw in lanes is the scalar stream's draw, bit for bit, in every lane it
/// claims (both Gammas accepted on their first try), and it leaves the other lanes to the scalar draw.
/// </summary>
public class FirmInnovationSizesTests
{
    [Theory]
    [InlineData(3.0, 3.0, 42UL, 0)]
    [InlineData(1.0, 7.5, 7UL, 5)]
    [InlineData(2.2, 1.3, ulong.MaxValue, 19)]
    public void Claimed_lanes_have_the_scalar_beta_and_the_rest_are_left_to_it(double a, double b, ulong seed, int cluster)
    {
        ClaimedLanesHaveTheScalarBeta<FourLanes>(a, b, seed, cluster);
        ClaimedLanesHaveTheScalarBeta<EightLanes>(a, b, seed, cluster);
    }

    private static void ClaimedLanesHaveTheScalarBeta<TLanes>(double a, double b, ulong seed, int cluster) where TLanes : struct, ILanes<TLanes>
    {
        const int tick = 11, firms = 40_000;
        int width = TLanes.Count;
        var sizes = new FirmInnovationSizes(a, b, seed, cluster, tick);
        Assert.True(sizes.InLanes);
        int claimed = 0;
        for (int first = 0; first < firms; first += width)
        {
            var beta = sizes.FirstTry(TLanes.AddBits(TLanes.CreateBits((ulong)first), LaneNumbers<TLanes>()), out uint drawn);
            for (int lane = 0; lane < width; lane++)
            {
                if ((drawn >> lane & 1) == 0) continue;
                claimed++;
                var stream = new RandomStream(seed, EntityIds.Firm(cluster, first + lane), tick, RandomPurpose.InnovationSize);
                double scalar = stream.Beta(a, b);
                Assert.True(Bits.Of(scalar) == Bits.Of(TLanes.GetElement(beta, lane)), $"{width} lanes, firm {first + lane}: lanes {TLanes.GetElement(beta, lane):R}, scalar {scalar:R}");
            }
        }
        // Marsaglia and Tsang accept about 95-99% of first tries at these shapes: most lanes are claimed, not all.
        Assert.InRange(claimed, firms * 0.85, firms - 1);
    }

    /// <summary>0, 1, 2, ... as 64-bit integers in the lanes.</summary>
    private static TLanes LaneNumbers<TLanes>() where TLanes : struct, ILanes<TLanes> =>
        TLanes.LoadBits(Enumerable.Range(0, TLanes.Count).Select(k => (long)k).ToArray());

    [Theory]
    [InlineData(0.5, 3.0)]
    [InlineData(3.0, 0.99)]
    public void Shapes_below_one_are_left_to_the_scalar_draw(double a, double b) =>
        Assert.False(new FirmInnovationSizes(a, b, 1, 0, 0).InLanes);
}
