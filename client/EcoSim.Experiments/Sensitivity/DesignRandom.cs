using EcoSim.Model.Randomness;

namespace EcoSim.Experiments.Sensitivity;

/// <summary>
/// The random numbers of a sensitivity design (scrambling, Morris trajectories, bootstrap resamples):
/// each a pure function of the design's seed, what it is for, and two indices, computed with
/// <see cref="Philox4x32"/> like the model's own streams. Nothing depends on the order in which
/// numbers are asked for, so a design is the same whichever part of it is built first.
/// </summary>
/// <param name="Seed">The design's seed.</param>
internal readonly record struct DesignRandom(ulong Seed)
{
    /// <summary>What a draw is for; part of the counter so that different uses never share numbers.</summary>
    public enum Use : uint
    {
        /// <summary>The linear matrix scrambling of one dimension of the Sobol sequence.</summary>
        ScrambleMatrix = 1,
        /// <summary>The digital shift of one dimension of the Sobol sequence.</summary>
        ScrambleShift = 2,
        /// <summary>A Morris trajectory's starting levels, directions and order.</summary>
        Trajectory = 3,
        /// <summary>The rows drawn for one bootstrap resample.</summary>
        Bootstrap = 4,
        /// <summary>A seed pair's draw of one uncertain parameter (<see cref="ParameterDraws"/>).</summary>
        ParameterDraw = 5,
    }

    /// <summary>32 random bits for (<paramref name="use"/>, <paramref name="first"/>, <paramref name="second"/>).</summary>
    public uint Bits(Use use, int first, int second) =>
        Philox4x32.Block((uint)first, (uint)second, (uint)use, 0x5E45u, (uint)Seed, (uint)(Seed >> 32)).X0;

    /// <summary>A uniform integer in [0, <paramref name="count"/>) for (<paramref name="use"/>, <paramref name="first"/>, <paramref name="second"/>), by multiply-shift (bias below 2^-32 * count).</summary>
    public int Below(int count, Use use, int first, int second) => (int)(((ulong)Bits(use, first, second) * (uint)count) >> 32);
}
