using System.Runtime.Intrinsics;
using EcoSim.Model.Numerics;
using EcoSim.Model.Randomness;

namespace EcoSim.Model.Tests.Numerics;

/// <summary>
/// <see cref="NormalQuantile"/>: known quantiles, symmetry, the vector path's bits, and the moments and
/// tail frequencies of normals drawn by inversion of the Philox stream. Thresholds allow 5 standard
/// errors (see <c>RandomStreamStatisticsTests</c>); the draws are seeded, so the tests are not flaky.
/// </summary>
public class NormalQuantileTests
{
    [Theory]
    [InlineData(0.5, 0.0)]
    [InlineData(0.8, 0.8416212335729143)]
    [InlineData(0.975, 1.959963984540054)]
    [InlineData(0.999, 3.090232306167814)]
    [InlineData(1e-10, -6.361340902404056)]
    [InlineData(1e-20, -9.262340089798408)]
    public void Matches_published_quantiles(double p, double z)
    {
        double got = NormalQuantile.Of(p);
        Assert.True(Math.Abs(got - z) <= 4e-15 * Math.Max(1, Math.Abs(z)), $"quantile({p:R}) = {got:R}, expected {z:R}");
    }

    [Fact]
    public void Is_odd_about_one_half_increasing_and_nan_outside_the_open_interval()
    {
        var draws = new RandomStream(7, 1, 0, RandomPurpose.FirmInit);
        for (int i = 0; i < 100_000; i++)
        {
            // Multiples of 2^-53, so that 1 - u is exact.
            double u = draws.NextDouble();
            if (u == 0) continue;
            Assert.Equal(-NormalQuantile.Of(u), NormalQuantile.Of(1 - u));
        }
        double previous = double.NegativeInfinity;
        for (double p = 1e-12; p < 1; p += 1.0 / 4099)
        {
            double z = NormalQuantile.Of(p);
            Assert.True(z > previous, $"not increasing at {p:R}");
            previous = z;
        }
        foreach (double p in new[] { 0.0, 1.0, -0.1, 1.1, double.NaN })
            Assert.True(double.IsNaN(NormalQuantile.Of(p)), $"quantile({p:R})");
        double smallest = NormalQuantile.Of(0.5 / (1UL << 52)), largest = NormalQuantile.Of(1 - 0.5 / (1UL << 52));
        Assert.True(smallest is > -8.3 and < -8.2, $"{smallest:R}");
        Assert.Equal(-smallest, largest);
    }

    [Fact]
    public void The_vector_path_has_the_scalar_bits_in_the_centre_and_both_tails()
    {
        var draws = new RandomStream(7, 2, 0, RandomPurpose.FirmInit);
        for (int i = 0; i < 1_000_000; i++)
        {
            // Every fourth quadruple is all central, to cover the vector path's early return as well.
            var p = i % 4 == 0
                ? Vector256.Create(0.3 + 0.4 * draws.NextDouble(), 0.3 + 0.4 * draws.NextDouble(), 0.3 + 0.4 * draws.NextDouble(), 0.3 + 0.4 * draws.NextDouble())
                : Vector256.Create(draws.NextDoubleOpen(), Math.Pow(10, -300 * draws.NextDouble()), 1 - Math.Pow(10, -16 * draws.NextDouble()), draws.NextDoubleOpen());
            var z = NormalQuantile.Of(p);
            for (int lane = 0; lane < 4; lane++)
                Assert.Equal(BitConverter.DoubleToInt64Bits(NormalQuantile.Of(p[lane])), BitConverter.DoubleToInt64Bits(z[lane]));
        }
    }

    [Fact]
    public void Normals_by_inversion_have_the_moments_and_tails_of_the_standard_normal()
    {
        const int n = 4_000_000;
        var draws = new RandomStream(20240101, EntityIds.Firm(2, 99), 3, RandomPurpose.FirmTick);
        double s1 = 0, s2 = 0, s3 = 0, s4 = 0;
        int above3 = 0, below4 = 0, above4p5 = 0;
        for (int i = 0; i < n; i++)
        {
            double z = NormalQuantile.Of(draws.NextDoubleOpen());
            double z2 = z * z;
            s1 += z; s2 += z2; s3 += z2 * z; s4 += z2 * z2;
            if (z > 3) above3++;
            if (z < -4) below4++;
            if (z > 4.5) above4p5++;
        }
        // Raw moments E z^k = 0, 1, 0, 3 with variances of z^k of 1, 2, 15, 96 (E z^2k - (E z^k)^2).
        AssertNear("mean", s1 / n, 0, Math.Sqrt(1.0 / n));
        AssertNear("second moment", s2 / n, 1, Math.Sqrt(2.0 / n));
        AssertNear("third moment", s3 / n, 0, Math.Sqrt(15.0 / n));
        AssertNear("fourth moment", s4 / n, 3, Math.Sqrt(96.0 / n));
        // Tail counts are binomial: P(Z > 3) = 1.3499e-3, P(Z < -4) = 3.1671e-5, P(Z > 4.5) = 3.3977e-6.
        AssertCount("z > 3", above3, n, 1.3498980316301e-3);
        AssertCount("z < -4", below4, n, 3.167124183311998e-5);
        AssertCount("z > 4.5", above4p5, n, 3.397673124730062e-6);
    }

    private static void AssertNear(string what, double value, double expected, double standardError) =>
        Assert.True(Math.Abs(value - expected) <= 5 * standardError, $"{what}: {value:G6}, expected {expected} +- {5 * standardError:G3}");

    private static void AssertCount(string what, int count, int n, double p)
    {
        double mean = n * p, sd = Math.Sqrt(n * p * (1 - p));
        Assert.True(Math.Abs(count - mean) <= 5 * sd + 1, $"{what}: {count} of {n}, expected {mean:F1} +- {5 * sd:F1}");
    }
}
