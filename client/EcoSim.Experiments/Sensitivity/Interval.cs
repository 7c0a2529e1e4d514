namespace EcoSim.Experiments.Sensitivity;

/// <summary>An estimate with its 90% bootstrap interval (the 5% and 95% quantiles of the resampled estimates).</summary>
/// <param name="Estimate">The estimate from the whole sample.</param>
/// <param name="Low">The 5% quantile of the bootstrap estimates.</param>
/// <param name="High">The 95% quantile of the bootstrap estimates.</param>
public readonly record struct Interval(double Estimate, double Low, double High)
{
    /// <summary>Whether <paramref name="value"/> lies within the interval, ends included.</summary>
    public bool Contains(double value) => value >= Low && value <= High;
}
