namespace EcoSim.Experiments.Calibration;

/// <summary>How an ABC-SMC calibration runs (<see cref="AbcSmc"/>).</summary>
/// <param name="Particles">Particles per generation, N.</param>
/// <param name="Generations">Generations after the prior one: each shrinks the tolerance to a quantile of the previous distances.</param>
/// <param name="Seed">Seed of the calibration's own draws (<see cref="CalibrationRandom"/>).</param>
public sealed record AbcSettings(int Particles, int Generations, ulong Seed)
{
    /// <summary>
    /// The quantile of the previous generation's distances that becomes the next tolerance (Beaumont
    /// et al. 2009 and Del Moral et al. 2012 use the median; smaller shrinks faster and accepts less).
    /// </summary>
    public double Quantile { get; init; } = 0.5;

    /// <summary>Proposals made at once: a batch runs as one experiment, so its runs spread over the engine's silos. At least <see cref="Particles"/>.</summary>
    public int BatchSize { get; init; }

    /// <summary>A generation gives up after this many proposals per particle, so a tolerance the model cannot reach ends the run instead of looping.</summary>
    public int MaxProposalsPerParticle { get; init; } = 50;

    /// <summary>The batch size in use: <see cref="BatchSize"/> or, unset, <see cref="Particles"/>.</summary>
    public int Batch => Math.Max(BatchSize, Particles);
}
