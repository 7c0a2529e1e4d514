namespace EcoSim.Experiments.Validation;

/// <summary>The few descriptive statistics the stylized-facts checks need, written out so that each check says exactly what it measures.</summary>
internal static class FactStatistics
{
    public static double Mean(IReadOnlyList<double> x)
    {
        double sum = 0;
        foreach (double v in x) sum += v;
        return sum / x.Count;
    }

    /// <summary>Population (1/n) standard deviation.</summary>
    public static double StandardDeviation(IReadOnlyList<double> x)
    {
        double m = Mean(x), sum = 0;
        foreach (double v in x) sum += (v - m) * (v - m);
        return Math.Sqrt(sum / x.Count);
    }

    /// <summary>Moment skewness m3 / m2^1.5.</summary>
    public static double Skewness(IReadOnlyList<double> x)
    {
        double m = Mean(x), m2 = 0, m3 = 0;
        foreach (double v in x) { double d = v - m; m2 += d * d; m3 += d * d * d; }
        m2 /= x.Count;
        m3 /= x.Count;
        return m3 / Math.Pow(m2, 1.5);
    }

    /// <summary>Excess kurtosis m4 / m2^2 - 3: 0 for a normal, 3 for a Laplace.</summary>
    public static double ExcessKurtosis(IReadOnlyList<double> x)
    {
        double m = Mean(x), m2 = 0, m4 = 0;
        foreach (double v in x) { double d = v - m; m2 += d * d; m4 += d * d * d * d; }
        m2 /= x.Count;
        m4 /= x.Count;
        return m4 / (m2 * m2) - 3;
    }

    /// <summary>Quantile of sorted data by linear interpolation between order statistics.</summary>
    public static double Quantile(IReadOnlyList<double> sorted, double q)
    {
        double position = q * (sorted.Count - 1);
        int below = (int)Math.Floor(position);
        if (below + 1 >= sorted.Count) return sorted[^1];
        double fraction = position - below;
        return sorted[below] * (1 - fraction) + sorted[below + 1] * fraction;
    }

    /// <summary>Ordinary least squares slope of y on x.</summary>
    public static double Slope(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        double mx = Mean(x), my = Mean(y), sxy = 0, sxx = 0;
        for (int i = 0; i < x.Count; i++) { sxy += (x[i] - mx) * (y[i] - my); sxx += (x[i] - mx) * (x[i] - mx); }
        return sxy / sxx;
    }

    /// <summary>Mean log-likelihood per observation of a normal fitted by maximum likelihood (mean, 1/n variance).</summary>
    public static double NormalLogLikelihood(IReadOnlyList<double> x)
    {
        double sd = StandardDeviation(x);
        return -0.5 * Math.Log(2 * Math.PI * sd * sd) - 0.5;
    }

    /// <summary>Mean log-likelihood per observation of a Laplace fitted by maximum likelihood (median, mean absolute deviation from it).</summary>
    public static double LaplaceLogLikelihood(IReadOnlyList<double> x)
    {
        var sorted = x.Order().ToArray();
        double median = Quantile(sorted, 0.5), scale = 0;
        foreach (double v in x) scale += Math.Abs(v - median);
        scale /= x.Count;
        return -Math.Log(2 * scale) - 1;
    }
}
