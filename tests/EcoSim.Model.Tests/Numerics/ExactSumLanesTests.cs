using System.Runtime.Intrinsics;
using EcoSim.Model.Numerics;
using EcoSim.Model.Randomness;

namespace EcoSim.Model.Tests.Numerics;

/// <summary>
/// <see cref="ExactSumLanes"/> gives the total of adding each term's <see cref="ExactSum.RawOf"/> one by
/// one, bit for bit: over millions of terms of every sign and magnitude the model's sums see, over the
/// half-way images where rounding ties to even, across the fast path's edge at 2^62, and for bad terms.
/// </summary>
public class ExactSumLanesTests
{
    /// <summary>Adds <paramref name="terms"/> four at a time and returns the lanes' total and the scalar one.</summary>
    private static (Int128 Lanes, Int128 Scalar) Both(double[] terms)
    {
        var lanes = new ExactSumLanes();
        Int128 scalar = 0;
        for (int i = 0; i + 4 <= terms.Length; i += 4) lanes.Add(Vector256.Create<double>(terms.AsSpan(i, 4)));
        for (int i = terms.Length - terms.Length % 4; i < terms.Length; i++) lanes.Add(terms[i]);
        foreach (double t in terms) scalar += ExactSum.RawOf(t);
        return (lanes.Raw, scalar);
    }

    [Theory]
    [InlineData(-12, 7)]    // shares, logs and productivities
    [InlineData(-6, 22.5)]  // money and headcounts up to and past the fast path's 2^22
    [InlineData(-30, 3)]    // terms far below the fixed point's 2^-40
    public void Lanes_total_is_the_scalar_total_over_millions_of_terms(double lowDecade, double highDecade)
    {
        var s = new RandomStream(5, (ulong)(lowDecade * 100 + highDecade), 0, RandomPurpose.FirmInit);
        var terms = new double[1 << 20];
        for (int round = 0; round < 4; round++)
        {
            for (int i = 0; i < terms.Length; i++)
            {
                double magnitude = Math.Pow(10, lowDecade + (highDecade - lowDecade) * s.NextDouble());
                terms[i] = s.NextDouble() < 0.3 ? -magnitude : magnitude;
            }
            var (lanes, scalar) = Both(terms);
            Assert.Equal(scalar, lanes);
        }
    }

    [Fact]
    public void Every_term_alone_gives_its_own_image()
    {
        // One term in one lane at a time: the split into high and low parts must give back the image exactly.
        var s = new RandomStream(6, 1, 0, RandomPurpose.FirmInit);
        for (int i = 0; i < 200_000; i++)
        {
            double magnitude = Math.Pow(2, -45 + 67 * s.NextDouble());
            double term = s.NextDouble() < 0.5 ? -magnitude : magnitude;
            int lane = i % 4;
            var lanes = new ExactSumLanes();
            lanes.Add(Vector256<double>.Zero.WithElement(lane, term));
            Assert.True(ExactSum.RawOf(term) == lanes.Raw, $"term {term:R} in lane {lane}");
        }
    }

    [Fact]
    public void Half_way_images_round_to_even_as_the_scalar_sum()
    {
        var terms = new List<double>();
        for (int k = -2000; k <= 2000; k++)
        {
            terms.Add((k + 0.5) / (1L << 40));          // k + 1/2 units: ties
            terms.Add((k + 0.25) / (1L << 40));
            terms.Add(-(k + 0.5) / (1L << 40) * 1024);  // whole units times 1024: no rounding
        }
        terms.AddRange([0.0, -0.0, double.Epsilon, -double.Epsilon, 1e-300, -1e-300]);
        var (lanes, scalar) = Both([.. terms]);
        Assert.Equal(scalar, lanes);
    }

    [Fact]
    public void Terms_at_and_beyond_the_fast_paths_edge_take_the_wide_path()
    {
        // 2^22 is where images reach 2^62; beyond it each lane goes through ExactSum.RawOf.
        double edge = 1 << 22;
        double[] terms = [edge, -edge, Math.BitDecrement(edge), -Math.BitDecrement(edge), edge * 3, 1e15, -1e20, 7.25,
            Math.BitIncrement(edge), 1.0, 2.0, -3.0];
        var (lanes, scalar) = Both(terms);
        Assert.Equal(scalar, lanes);
        Assert.NotEqual(Int128.Zero, lanes);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(1e30)]
    public void A_bad_term_fails_as_it_does_in_an_exact_sum(double bad)
    {
        var lanes = new ExactSumLanes();
        var error = Assert.Throws<ArithmeticException>(() => lanes.Add(Vector256.Create(1.0, bad, 2.0, 3.0)));
        Assert.Contains("exact sum", error.Message);
    }
}
