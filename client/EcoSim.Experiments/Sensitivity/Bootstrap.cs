using EcoSim.Experiments.Ensembles;

namespace EcoSim.Experiments.Sensitivity;

/// <summary>
/// Percentile bootstrap over the independent units of a design (Saltelli rows, Morris trajectories):
/// each resample draws <c>units</c> of them with replacement from <see cref="DesignRandom"/>, so the
/// intervals are the same bytes on every run with the same seed.
/// </summary>
internal static class Bootstrap
{
    /// <summary>
    /// For each of <paramref name="statistics"/> statistics, the estimate from all <paramref name="units"/>
    /// units and its 90% interval over <see cref="SensitivityLimits.Resamples"/> resamples.
    /// <paramref name="estimate"/> computes every statistic from a list of unit indices (repeats allowed).
    /// </summary>
    public static Interval[] Intervals(int units, int statistics, ulong seed, Func<int[], double[]> estimate)
    {
        var whole = estimate([.. Enumerable.Range(0, units)]);
        var random = new DesignRandom(seed);
        var resampled = new double[statistics][];
        for (int s = 0; s < statistics; s++) resampled[s] = new double[SensitivityLimits.Resamples];
        var drawn = new int[units];
        for (int r = 0; r < SensitivityLimits.Resamples; r++)
        {
            for (int u = 0; u < units; u++) drawn[u] = random.Below(units, DesignRandom.Use.Bootstrap, r, u);
            var values = estimate(drawn);
            for (int s = 0; s < statistics; s++) resampled[s][r] = values[s];
        }
        return [.. Enumerable.Range(0, statistics).Select(s => new Interval(whole[s], Quantiles.Of(resampled[s], 0.05), Quantiles.Of(resampled[s], 0.95)))];
    }
}
