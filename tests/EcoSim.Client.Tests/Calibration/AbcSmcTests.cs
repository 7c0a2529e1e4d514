using EcoSim.Experiments.Calibration;

namespace EcoSim.Client.Tests.Calibration;

/// <summary>
/// ABC-SMC against a model whose posterior is known: 100 observations of a normal distribution with
/// mean 3 and standard deviation 2, summarised by their mean and standard deviation. With a flat
/// prior the posterior of the mean is about normal around the sample mean with standard error
/// s / sqrt(100) = 0.2, and that of the standard deviation about normal around s with standard error
/// s / sqrt(200) = 0.14; ABC's tolerance widens both a little.
/// </summary>
public sealed class AbcSmcTests
{
    private const int Observations = 100;
    private static readonly double[] Observed = Sample(3, 2, seed: 7);
    private static readonly (double Low, double High)[] Prior = [(-10, 10), (0.1, 10)];

    [Fact]
    public async Task It_recovers_a_normal_mean_and_standard_deviation()
    {
        var generations = await AbcSmc.RunAsync(Prior, new AbcSettings(300, 8, 11), Batch(Distance), CancellationToken.None);
        var last = generations[^1].Particles;
        var mean = PosteriorSummary.Of(last, 0, -10, 10);
        var sd = PosteriorSummary.Of(last, 1, 0.1, 10);
        double sampleMean = Observed.Average(), sampleSd = StandardDeviation(Observed);
        // Stated tolerance: the posterior median within 0.25 (mean) and 0.2 (sd) of the sample's, the
        // 90% interval containing it and narrower than 1.0, a twentieth of the prior's (the exact posterior's are about 0.66 and 0.47).
        Assert.InRange(mean.Median, sampleMean - 0.25, sampleMean + 0.25);
        Assert.InRange(sd.Median, sampleSd - 0.2, sampleSd + 0.2);
        Assert.InRange(sampleMean, mean.Low, mean.High);
        Assert.InRange(sampleSd, sd.Low, sd.High);
        Assert.True(mean.High - mean.Low < 1.0, $"mean's 90% interval {mean.Low:0.000}..{mean.High:0.000}");
        Assert.True(sd.High - sd.Low < 1.0, $"sd's 90% interval {sd.Low:0.000}..{sd.High:0.000}");
        Assert.True(mean.Identified && sd.Identified);
    }

    [Fact]
    public async Task Tolerances_shrink_and_weights_are_normalised()
    {
        var generations = await AbcSmc.RunAsync(Prior, new AbcSettings(100, 4, 3), Batch(Distance), CancellationToken.None);
        Assert.Equal(5, generations.Count);
        Assert.True(double.IsPositiveInfinity(generations[0].Tolerance));
        for (int t = 2; t < generations.Count; t++) Assert.True(generations[t].Tolerance < generations[t - 1].Tolerance);
        foreach (var g in generations)
        {
            Assert.Equal(100, g.Particles.Count);
            Assert.Equal(1, g.Particles.Sum(p => p.Weight), 1e-9);
            Assert.All(g.Particles, p => Assert.True(p.Distance <= g.Tolerance));
            Assert.All(g.Particles, p => { Assert.InRange(p.Values[0], -10, 10); Assert.InRange(p.Values[1], 0.1, 10); });
        }
    }

    [Fact]
    public async Task A_parameter_the_distance_ignores_stays_as_wide_as_its_prior()
    {
        (double, double)[] prior = [(-10, 10), (0.1, 10), (0, 1)];
        var generations = await AbcSmc.RunAsync(prior, new AbcSettings(200, 4, 5), Batch(v => Distance([v[0], v[1]])), CancellationToken.None);
        var last = generations[^1].Particles;
        var ignored = PosteriorSummary.Of(last, 2, 0, 1);
        Assert.False(ignored.Identified, $"the ignored parameter's 90% interval is {ignored.WidthShare:P0} of its prior's");
        Assert.True(PosteriorSummary.Of(last, 0, -10, 10).Identified);
    }

    [Fact]
    public async Task The_result_depends_on_the_seed_only_not_on_the_batch_size()
    {
        var one = await AbcSmc.RunAsync(Prior, new AbcSettings(50, 3, 9), Batch(Distance), CancellationToken.None);
        var other = await AbcSmc.RunAsync(Prior, new AbcSettings(50, 3, 9) { BatchSize = 137 }, Batch(Distance), CancellationToken.None);
        var reseeded = await AbcSmc.RunAsync(Prior, new AbcSettings(50, 3, 10), Batch(Distance), CancellationToken.None);
        Assert.Equal(Flatten(one), Flatten(other));
        Assert.NotEqual(Flatten(one), Flatten(reseeded));
    }

    [Fact]
    public async Task An_unreachable_tolerance_stops_with_a_clear_error()
    {
        // Each simulation returns a larger distance than every one before it, so no proposal of
        // generation 1 can fall within the median of the prior's distances.
        int calls = 0;
        var settings = new AbcSettings(10, 2, 1) { MaxProposalsPerParticle = 5 };
        var error = await Assert.ThrowsAsync<AbcStalledException>(() => AbcSmc.RunAsync(Prior, settings,
            (batch, _) => Task.FromResult(batch.Select(_ => (double)(++calls)).ToArray()), CancellationToken.None));
        Assert.Equal(1, error.Generation);
        Assert.Contains("generation 1 accepted only", error.Message);
    }

    private static double[] Flatten(IReadOnlyList<AbcGeneration> generations) =>
        [.. generations.SelectMany(g => g.Particles.SelectMany(p => p.Values.Append(p.Weight).Append(p.Distance)))];

    private static Func<IReadOnlyList<double[]>, CancellationToken, Task<double[]>> Batch(Func<double[], double> distance) =>
        (batch, _) => Task.FromResult(batch.Select(distance).ToArray());

    /// <summary>Euclidean distance between the summaries (mean, sd) of a simulated sample and the observed one; the sample's noise is keyed by the parameters, so a proposal always gives the same distance.</summary>
    private static double Distance(double[] theta)
    {
        var simulated = Sample(theta[0], theta[1], seed: Key(theta[0], theta[1]));
        double dm = simulated.Average() - Observed.Average(), ds = StandardDeviation(simulated) - StandardDeviation(Observed);
        return Math.Sqrt(dm * dm + ds * ds);
    }

    /// <summary>A seed from the parameters' bits (HashCode is randomised per process, so not used).</summary>
    private static int Key(double a, double b)
    {
        ulong h = (ulong)BitConverter.DoubleToInt64Bits(a) * 0x9E3779B97F4A7C15UL ^ (ulong)BitConverter.DoubleToInt64Bits(b);
        return (int)(h ^ (h >> 32));
    }

    private static double[] Sample(double mean, double sd, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, Observations).Select(_ => mean + sd * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()))];
    }

    private static double StandardDeviation(double[] x)
    {
        double m = x.Average();
        return Math.Sqrt(x.Sum(v => (v - m) * (v - m)) / (x.Length - 1));
    }
}
