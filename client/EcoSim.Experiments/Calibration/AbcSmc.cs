namespace EcoSim.Experiments.Calibration;

/// <summary>
/// Approximate Bayesian computation by sequential Monte Carlo (Toni et al. 2009, J. R. Soc.
/// Interface 6:187; with the adaptive kernel of Beaumont, Cornuet, Marin and Robert 2009, Biometrika
/// 96:983, and the quantile tolerance schedule of Del Moral, Doucet and Jasra 2012). Generation 0
/// draws N particles from a uniform prior over the ranges and accepts them all. Generation t sets its
/// tolerance to a quantile of generation t-1's distances, then proposes: pick a particle of t-1 by
/// weight, perturb each component with a normal kernel whose variance is twice the population's
/// weighted variance of that component, drop proposals outside the prior's box without simulating
/// them, simulate the rest and accept those within the tolerance, until N are accepted. Accepted
/// particles get the importance weight prior(θ) / Σ_j w_j K(θ | θ_j), normalised.
/// </summary>
/// <remarks>
/// Proposals are numbered and simulated in fixed-size batches; a generation keeps the first N
/// accepted by number. With draws keyed by (generation, proposal, component) the result depends only
/// on the seed, never on how many runs are in flight or in which order they finish.
/// </remarks>
public static class AbcSmc
{
    /// <summary>
    /// Runs the calibration. <paramref name="distances"/> simulates a batch of parameter vectors and
    /// returns each one's distance from the target (non-negative; NaN or infinity is never accepted).
    /// </summary>
    /// <exception cref="AbcStalledException">A generation did not accept N particles within its proposal budget.</exception>
    public static async Task<IReadOnlyList<AbcGeneration>> RunAsync(
        IReadOnlyList<(double Low, double High)> ranges, AbcSettings settings,
        Func<IReadOnlyList<double[]>, CancellationToken, Task<double[]>> distances, CancellationToken cancellation)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.Particles, 2);
        ArgumentOutOfRangeException.ThrowIfNegative(settings.Generations);
        if (ranges.Count == 0 || ranges.Any(r => !(r.Low < r.High))) throw new ArgumentException("every range needs LOW below HIGH", nameof(ranges));
        var random = new CalibrationRandom(settings.Seed);
        int n = settings.Particles;

        var prior = Enumerable.Range(0, n).Select(i => ranges.Select((r, c) => r.Low + random.Uniform(CalibrationRandom.Use.Prior, 0, i, c) * (r.High - r.Low)).ToArray()).ToList();
        var priorDistances = await distances(prior, cancellation);
        var generations = new List<AbcGeneration>
        {
            new(0, double.PositiveInfinity, [.. prior.Select((v, i) => new AbcParticle(v, 1.0 / n, priorDistances[i]))], n),
        };
        for (int t = 1; t <= settings.Generations; t++)
            generations.Add(await NextAsync(t, generations[^1], ranges, settings, random, distances, cancellation));
        return generations;
    }

    private static async Task<AbcGeneration> NextAsync(int t, AbcGeneration previous, IReadOnlyList<(double Low, double High)> ranges, AbcSettings settings,
        CalibrationRandom random, Func<IReadOnlyList<double[]>, CancellationToken, Task<double[]>> distances, CancellationToken cancellation)
    {
        int n = settings.Particles, dims = ranges.Count;
        double tolerance = Quantile(previous.Particles.Select(p => p.Distance), settings.Quantile);
        var sigma = Enumerable.Range(0, dims).Select(c => Math.Sqrt(2 * WeightedVariance(previous.Particles, c))).ToArray();
        var cumulative = Cumulative(previous.Particles);
        var accepted = new List<double[]>();
        var acceptedDistances = new List<double>();
        int proposal = 0, simulated = 0, budget = settings.MaxProposalsPerParticle * n;
        while (accepted.Count < n)
        {
            if (proposal >= budget)
                throw new AbcStalledException(t, tolerance, accepted.Count, n, proposal);
            var batch = new List<double[]>();
            while (batch.Count < settings.Batch && proposal < budget)
            {
                if (Propose(t, proposal++, previous, cumulative, sigma, ranges, random) is { } values) batch.Add(values);
            }
            if (batch.Count == 0) continue;
            simulated += batch.Count;
            var d = await distances(batch, cancellation);
            for (int i = 0; i < batch.Count && accepted.Count < n; i++)
            {
                if (double.IsFinite(d[i]) && d[i] <= tolerance) { accepted.Add(batch[i]); acceptedDistances.Add(d[i]); }
            }
        }
        var raw = accepted.Select(theta => 1 / KernelDensity(theta, previous.Particles, sigma)).ToArray();
        double total = raw.Sum();
        return new AbcGeneration(t, tolerance, [.. accepted.Select((v, i) => new AbcParticle(v, raw[i] / total, acceptedDistances[i]))], simulated);
    }

    /// <summary>A proposal of generation <paramref name="t"/>, or null if it falls outside the prior's box (its prior density is 0: no run needed).</summary>
    private static double[]? Propose(int t, int proposal, AbcGeneration previous, double[] cumulative, double[] sigma, IReadOnlyList<(double Low, double High)> ranges, CalibrationRandom random)
    {
        double u = random.Uniform(CalibrationRandom.Use.Ancestor, t, proposal, 0);
        int ancestor = Array.BinarySearch(cumulative, u);
        ancestor = Math.Min(ancestor < 0 ? ~ancestor : ancestor, cumulative.Length - 1);
        var values = new double[ranges.Count];
        for (int c = 0; c < values.Length; c++)
        {
            values[c] = previous.Particles[ancestor].Values[c] + sigma[c] * random.Normal(t, proposal, c);
            if (values[c] < ranges[c].Low || values[c] > ranges[c].High) return null;
        }
        return values;
    }

    /// <summary>Σ_j w_j Π_c φ((θ_c - θ_jc) / σ_c) / σ_c: the density of the proposal distribution at θ (normalising constants cancel in the weights).</summary>
    private static double KernelDensity(double[] theta, IReadOnlyList<AbcParticle> previous, double[] sigma)
    {
        double sum = 0;
        foreach (var p in previous)
        {
            double exponent = 0;
            for (int c = 0; c < theta.Length; c++) { double z = (theta[c] - p.Values[c]) / sigma[c]; exponent += z * z; }
            sum += p.Weight * Math.Exp(-0.5 * exponent);
        }
        return sum;
    }

    private static double[] Cumulative(IReadOnlyList<AbcParticle> particles)
    {
        var cumulative = new double[particles.Count];
        double sum = 0;
        for (int i = 0; i < particles.Count; i++) cumulative[i] = sum += particles[i].Weight;
        for (int i = 0; i < cumulative.Length; i++) cumulative[i] /= sum;
        return cumulative;
    }

    /// <summary>The population's weighted variance of component <paramref name="c"/>; a floor keeps the kernel from collapsing when every particle shares one value.</summary>
    internal static double WeightedVariance(IReadOnlyList<AbcParticle> particles, int c)
    {
        double mean = particles.Sum(p => p.Weight * p.Values[c]);
        double variance = particles.Sum(p => p.Weight * (p.Values[c] - mean) * (p.Values[c] - mean));
        return Math.Max(variance, 1e-12 * (1 + mean * mean));
    }

    /// <summary>The <paramref name="q"/>-quantile of <paramref name="values"/> (type 7, linear between order statistics); non-finite values count as largest.</summary>
    internal static double Quantile(IEnumerable<double> values, double q)
    {
        var sorted = values.Select(v => double.IsFinite(v) ? v : double.PositiveInfinity).Order().ToArray();
        double h = (sorted.Length - 1) * q;
        int lo = (int)Math.Floor(h);
        int hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] == sorted[hi] ? sorted[lo] : sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}

/// <summary>A generation of <see cref="AbcSmc"/> could not accept its particles within its proposal budget: the tolerance is out of the model's reach.</summary>
public sealed class AbcStalledException(int generation, double tolerance, int accepted, int wanted, int proposals)
    : Exception($"generation {generation} accepted only {accepted} of {wanted} particles within distance {tolerance:G4} after {proposals} proposals; use fewer --generations or a wider range")
{
    /// <summary>The generation that stalled.</summary>
    public int Generation { get; } = generation;
}
