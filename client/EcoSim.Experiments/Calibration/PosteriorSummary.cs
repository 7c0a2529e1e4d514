namespace EcoSim.Experiments.Calibration;

/// <summary>
/// A weighted quantile summary of one parameter's posterior next to its prior, and whether the data
/// identify it: the posterior's 90% interval as a share of the prior's. A uniform prior's 90%
/// interval is 0.9 of the range; a share near 1 means the data say little about the parameter.
/// </summary>
/// <param name="Median">Weighted posterior median.</param>
/// <param name="Low">Weighted 5% quantile.</param>
/// <param name="High">Weighted 95% quantile.</param>
/// <param name="PriorLow">Low end of the prior's range.</param>
/// <param name="PriorHigh">High end of the prior's range.</param>
public sealed record PosteriorSummary(double Median, double Low, double High, double PriorLow, double PriorHigh)
{
    /// <summary>Below this share of the prior's 90% interval a parameter counts as identified by the data.</summary>
    public const double IdentifiedShare = 0.5;

    /// <summary>The posterior's 90% interval over the prior's (0.9 of its range).</summary>
    public double WidthShare => (High - Low) / (0.9 * (PriorHigh - PriorLow));

    /// <summary>Whether the data narrow the parameter to under <see cref="IdentifiedShare"/> of its prior interval.</summary>
    public bool Identified => WidthShare < IdentifiedShare;

    /// <summary>The summary of component <paramref name="c"/> of a population.</summary>
    public static PosteriorSummary Of(IReadOnlyList<AbcParticle> particles, int c, double priorLow, double priorHigh) =>
        new(WeightedQuantile(particles, c, 0.5), WeightedQuantile(particles, c, 0.05), WeightedQuantile(particles, c, 0.95), priorLow, priorHigh);

    /// <summary>The smallest value whose cumulative weight reaches <paramref name="q"/> (ties broken by proposal order, so the result is deterministic).</summary>
    public static double WeightedQuantile(IReadOnlyList<AbcParticle> particles, int c, double q) =>
        WeightedQuantile([.. particles.Select(p => (p.Values[c], p.Weight))], q);

    /// <summary>The smallest value whose cumulative weight reaches <paramref name="q"/> of the total.</summary>
    public static double WeightedQuantile(IReadOnlyList<(double Value, double Weight)> items, double q)
    {
        var sorted = items.Select((x, i) => (x.Value, x.Weight, i)).OrderBy(x => x.Value).ThenBy(x => x.i).ToList();
        double total = sorted.Sum(x => x.Weight), cumulative = 0;
        foreach (var x in sorted)
        {
            cumulative += x.Weight;
            if (cumulative >= q * total * (1 - 1e-12)) return x.Value;
        }
        return sorted[^1].Value;
    }
}
