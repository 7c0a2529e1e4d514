namespace EcoSim.Experiments.Ensembles;

/// <summary>Order statistics of a sample, by linear interpolation between order statistics (R's type 7).</summary>
internal static class Quantiles
{
    /// <summary>The <paramref name="q"/>-quantile of <paramref name="values"/> (any order; not changed).</summary>
    public static double Of(IReadOnlyList<double> values, double q)
    {
        if (values.Count == 0) return double.NaN;
        var sorted = values.ToArray();
        Array.Sort(sorted);
        double position = q * (sorted.Length - 1);
        int lower = (int)Math.Floor(position);
        int upper = Math.Min(lower + 1, sorted.Length - 1);
        return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - lower);
    }
}

/// <summary>The median and the 5-95% band of a sample.</summary>
/// <param name="P05">5% quantile.</param>
/// <param name="Median">Median.</param>
/// <param name="P95">95% quantile.</param>
public readonly record struct Band(double P05, double Median, double P95)
{
    /// <summary>The band of <paramref name="values"/> (any order).</summary>
    public static Band Of(IReadOnlyList<double> values) => new(Quantiles.Of(values, 0.05), Quantiles.Of(values, 0.5), Quantiles.Of(values, 0.95));
}
