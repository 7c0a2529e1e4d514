namespace EcoSim.Experiments.Calibration;

/// <summary>One particle of an ABC-SMC population.</summary>
/// <param name="Values">The parameters' values, in the order of the calibration's ranges.</param>
/// <param name="Weight">Normalised importance weight; a population's weights sum to 1.</param>
/// <param name="Distance">Its simulated series' distance from the target.</param>
public sealed record AbcParticle(IReadOnlyList<double> Values, double Weight, double Distance);

/// <summary>One generation of an ABC-SMC run.</summary>
/// <param name="Index">0 for the prior population, then 1, 2, ...</param>
/// <param name="Tolerance">The largest distance accepted; infinity for the prior population.</param>
/// <param name="Particles">The accepted population, in proposal order.</param>
/// <param name="Proposals">Proposals simulated to fill it (including those of a last batch beyond the N-th acceptance).</param>
public sealed record AbcGeneration(int Index, double Tolerance, IReadOnlyList<AbcParticle> Particles, int Proposals)
{
    /// <summary>Accepted over simulated.</summary>
    public double AcceptanceRate => (double)Particles.Count / Proposals;

    /// <summary>Effective sample size of the weights, 1 / sum w^2 (Liu 2001): how many equally weighted particles the population is worth.</summary>
    public double EffectiveSampleSize => 1 / Particles.Sum(p => p.Weight * p.Weight);
}
