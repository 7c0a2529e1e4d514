namespace EcoSim.Experiments.Calibration;

/// <summary>One observation's fit: the observed value beside the posterior's simulated ones.</summary>
/// <param name="Point">The observation.</param>
/// <param name="Median">Weighted median over the last generation's particles of their simulated value.</param>
/// <param name="Low">Weighted 5% quantile.</param>
/// <param name="High">Weighted 95% quantile.</param>
/// <param name="Best">The best particle's simulated value.</param>
public sealed record FitPoint(TargetPoint Point, double Median, double Low, double High, double Best);

/// <summary>What a calibration found.</summary>
/// <param name="Generations">Every generation, the prior's first.</param>
/// <param name="Posterior">Each parameter's posterior summary (last generation), in the calibration's order.</param>
/// <param name="Best">The last generation's particle nearest the target: the calibrated scenario's values.</param>
/// <param name="Fit">The fit, observation by observation in target order.</param>
public sealed record CalibrationResult(IReadOnlyList<AbcGeneration> Generations, IReadOnlyList<PosteriorSummary> Posterior, AbcParticle Best, IReadOnlyList<FitPoint> Fit)
{
    /// <summary>The best particle's RMS percentage error over the target, in per cent (its distance).</summary>
    public double BestRmsPercent => Best.Distance;

    /// <summary>
    /// Summarises the last generation: posterior intervals, the best particle (lowest distance, the
    /// first in proposal order on a tie) and the fit, from each particle's simulated values
    /// (<paramref name="simulated"/>, target order).
    /// </summary>
    public static CalibrationResult Of(IReadOnlyList<AbcGeneration> generations, IReadOnlyList<(double Low, double High)> priors,
        IReadOnlyList<TargetPoint> target, Func<AbcParticle, IReadOnlyList<double>> simulated)
    {
        var last = generations[^1].Particles;
        var posterior = priors.Select((p, c) => PosteriorSummary.Of(last, c, p.Low, p.High)).ToList();
        var best = last.Select((p, i) => (p, i)).OrderBy(x => x.p.Distance).ThenBy(x => x.i).First().p;
        var fit = target.Select((point, o) =>
        {
            var values = last.Select(p => (simulated(p)[o], p.Weight)).ToList();
            return new FitPoint(point, PosteriorSummary.WeightedQuantile(values, 0.5), PosteriorSummary.WeightedQuantile(values, 0.05),
                PosteriorSummary.WeightedQuantile(values, 0.95), simulated(best)[o]);
        }).ToList();
        return new CalibrationResult(generations, posterior, best, fit);
    }
}
