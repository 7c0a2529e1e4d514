using EcoSim.Model.Randomness;

namespace EcoSim.Model.Tests.Randomness;

/// <summary>
/// Moments of every distribution <see cref="RandomStream"/> offers, on 200,000 draws.
///
/// Thresholds: the sample mean of n draws has standard error sqrt(var / n); the sample variance has
/// standard error sqrt((mu4 - var^2) / n), mu4 being the central fourth moment (up to O(1/n) terms).
/// Every check allows 5 standard errors: a correct generator fails one check with probability about
/// 6e-7, so with the ~30 checks below a false alarm is a one-in-50,000 event for a new stream layout,
/// while a wrong formula (e.g. a variance off by 2%) is still caught. The draws are seeded, so a given
/// implementation passes or fails deterministically: these tests are not flaky.
/// </summary>
public class RandomStreamStatisticsTests
{
    private const int N = 200_000;
    private const double Z = 5;

    private static double[] Draw(Func<RandomStream, (double, RandomStream)> draw, RandomPurpose purpose = RandomPurpose.InnovationSize)
    {
        var s = new RandomStream(20240101, EntityIds.Firm(2, 99), 3, purpose);
        var x = new double[N];
        for (int i = 0; i < N; i++) (x[i], s) = draw(s);
        return x;
    }

    private static void AssertMoments(string what, double[] x, double mean, double variance, double mu4)
    {
        double m = x.Average();
        double v = x.Sum(value => (value - m) * (value - m)) / (x.Length - 1);
        double seMean = Math.Sqrt(variance / x.Length);
        double seVariance = Math.Sqrt((mu4 - variance * variance) / x.Length);
        Assert.True(Math.Abs(m - mean) <= Z * seMean, $"{what}: mean {m:G6}, expected {mean:G6} +- {Z * seMean:G3}");
        Assert.True(Math.Abs(v - variance) <= Z * seVariance, $"{what}: variance {v:G6}, expected {variance:G6} +- {Z * seVariance:G3}");
    }

    [Fact]
    public void Uniform_has_mean_one_half_and_variance_one_twelfth()
    {
        // U(0,1): mean 1/2, variance 1/12, mu4 = 1/80.
        AssertMoments("NextDouble", Draw(s => (s.NextDouble(), s)), 0.5, 1.0 / 12, 1.0 / 80);
        AssertMoments("NextDoubleOpenZero", Draw(s => (s.NextDoubleOpenZero(), s)), 0.5, 1.0 / 12, 1.0 / 80);
    }

    [Fact]
    public void Uniform_fills_100_equal_bins_evenly()
    {
        // Each bin count is Binomial(n, 1/100): mean 2000, s.d. sqrt(2000 * 0.99) = 44.5; allow 5 s.d.
        var x = Draw(s => (s.NextDouble(), s));
        var bins = new int[100];
        foreach (double u in x) bins[(int)(u * 100)]++;
        double expected = N / 100.0, sd = Math.Sqrt(N * 0.01 * 0.99);
        for (int b = 0; b < bins.Length; b++)
            Assert.True(Math.Abs(bins[b] - expected) <= Z * sd, $"bin {b}: {bins[b]} draws, expected {expected} +- {Z * sd:F0}");
    }

    [Fact]
    public void First_draws_of_consecutive_entities_are_uniform()
    {
        // How the model uses streams: one stream per firm and tick, a few draws each. The first draw of
        // 200,000 consecutive firm ids must itself be uniform (mean 1/2, variance 1/12).
        var x = new double[N];
        for (int i = 0; i < N; i++) x[i] = new RandomStream(7, EntityIds.Firm(1, i), 0, RandomPurpose.Pipeline).NextDouble();
        AssertMoments("first draw per entity", x, 0.5, 1.0 / 12, 1.0 / 80);
        var y = new double[N];
        for (int t = 0; t < N; t++) y[t] = new RandomStream(7, EntityIds.Firm(1, 5), t, RandomPurpose.Pipeline).NextDouble();
        AssertMoments("first draw per tick", y, 0.5, 1.0 / 12, 1.0 / 80);
    }

    [Fact]
    public void Standard_normal_has_mean_zero_and_unit_variance()
    {
        // N(0,1): mu4 = 3. Also P(Z < -1.96) = 0.025: a binomial proportion with s.e. sqrt(p(1-p)/n).
        var x = Draw(s => (s.StandardNormal(), s));
        AssertMoments("StandardNormal", x, 0, 1, 3);
        double tail = x.Count(z => z < -1.959964) / (double)N;
        Assert.True(Math.Abs(tail - 0.025) <= Z * Math.Sqrt(0.025 * 0.975 / N), $"lower 2.5% tail holds {tail:P3}");
    }

    [Fact]
    public void Standard_exponential_has_unit_mean_and_variance()
    {
        // Exp(1): mean 1, variance 1, mu4 = 9.
        var x = Draw(s => (s.StandardExponential(), s));
        Assert.All(x, e => Assert.True(e >= 0 && double.IsFinite(e)));
        AssertMoments("StandardExponential", x, 1, 1, 9);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(3.0)]
    public void Gamma_has_mean_and_variance_equal_to_its_shape(double shape)
    {
        // Gamma(k, 1): mean k, variance k, mu4 = 3k^2 + 6k (k = 0.5 uses the U^(1/k) boost).
        var x = Draw(s => (s.Gamma(shape), s));
        Assert.All(x, g => Assert.True(g > 0 && double.IsFinite(g)));
        AssertMoments($"Gamma({shape})", x, shape, shape, 3 * shape * shape + 6 * shape);
    }

    [Fact]
    public void Beta_3_3_has_mean_one_half_and_variance_one_28th()
    {
        // Beta(a,b): mean a/(a+b) = 1/2, variance ab/((a+b)^2 (a+b+1)) = 9/(36*7) = 1/28; excess kurtosis
        // 6[(a-b)^2(a+b+1) - ab(a+b+2)] / [ab(a+b+2)(a+b+3)] = -432/648 = -2/3, so mu4 = (3 - 2/3) / 28^2.
        var x = Draw(s => (s.Beta(3, 3), s));
        Assert.All(x, b => Assert.True(b > 0 && b < 1));
        AssertMoments("Beta(3,3)", x, 0.5, 1.0 / 28, (7.0 / 3) / (28.0 * 28));
    }

    [Theory]
    [InlineData(0.7)]
    [InlineData(12.0)]
    [InlineData(80.0)]
    public void Poisson_has_mean_and_variance_equal_to_its_mean(double mean)
    {
        // Poisson(l): mean l, variance l, mu4 = l + 3 l^2. Means of 30 and above use the rounded normal
        // approximation; its rounding adds 1/12 to the variance (0.1% at 80), far inside 5 s.e. (1.27).
        var x = Draw(s => (s.Poisson(mean), s));
        Assert.All(x, k => Assert.True(k >= 0));
        AssertMoments($"Poisson({mean})", x, mean, mean, mean + 3 * mean * mean);
    }

    [Fact]
    public void Poisson_below_30_has_the_exact_probability_of_zero()
    {
        // P(X = 0) = exp(-0.7) = 0.49659: a binomial proportion, s.e. sqrt(p(1-p)/n) = 0.00112.
        var x = Draw(s => (s.Poisson(0.7), s));
        double p = Math.Exp(-0.7), zero = x.Count(k => k == 0) / (double)N;
        Assert.True(Math.Abs(zero - p) <= Z * Math.Sqrt(p * (1 - p) / N), $"P(X=0) = {zero:F5}, expected {p:F5}");
    }

    [Theory]
    [InlineData(0.03)]
    [InlineData(0.5)]
    [InlineData(0.9)]
    public void Bernoulli_frequency_matches_its_probability(double p)
    {
        // Frequency of n Bernoulli(p) draws: mean p, s.e. sqrt(p(1-p)/n); at p = 0.03 that is 0.00038.
        var x = Draw(s => (s.Bernoulli(p) ? 1.0 : 0.0, s), RandomPurpose.SpinOff);
        double frequency = x.Average();
        Assert.True(Math.Abs(frequency - p) <= Z * Math.Sqrt(p * (1 - p) / N), $"Bernoulli({p}) frequency {frequency:F5}");
    }
}
