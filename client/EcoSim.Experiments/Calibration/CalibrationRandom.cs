using EcoSim.Model.Randomness;

namespace EcoSim.Experiments.Calibration;

/// <summary>
/// The random numbers of an ABC-SMC calibration (prior draws, the choice of the particle to perturb,
/// the perturbation itself): each a pure function of the calibration's seed, what it is for, the
/// generation, the proposal and a component, computed with <see cref="Philox4x32"/> like the model's
/// own streams. Proposals are numbered, so the population a generation accepts does not depend on
/// the order in which their distances come back from the engine.
/// </summary>
/// <param name="Seed">The calibration's seed.</param>
internal readonly record struct CalibrationRandom(ulong Seed)
{
    /// <summary>What a draw is for; part of the counter so that different uses never share numbers.</summary>
    public enum Use : uint
    {
        /// <summary>A component of a particle drawn from the prior (generation 0).</summary>
        Prior = 1,
        /// <summary>The choice of the previous generation's particle a proposal starts from.</summary>
        Ancestor = 2,
        /// <summary>The first uniform of a Box-Muller pair for a component's perturbation.</summary>
        KernelFirst = 3,
        /// <summary>The second uniform of that pair.</summary>
        KernelSecond = 4,
    }

    /// <summary>A uniform number in (0, 1) for (<paramref name="use"/>, <paramref name="generation"/>, <paramref name="proposal"/>, <paramref name="component"/>); never exactly 0 or 1, so logarithms stay finite.</summary>
    public double Uniform(Use use, int generation, int proposal, int component)
    {
        var block = Philox4x32.Block((uint)proposal, (uint)component, (uint)generation, 0xCA1Bu | ((uint)use << 16), (uint)Seed, (uint)(Seed >> 32));
        ulong bits = ((ulong)block.X0 << 21) ^ block.X1;           // 53 bits
        return ((bits & ((1UL << 53) - 1)) + 0.5) / (1UL << 53);
    }

    /// <summary>A standard normal number for a proposal's component (Box-Muller, cosine branch).</summary>
    public double Normal(int generation, int proposal, int component)
    {
        double u1 = Uniform(Use.KernelFirst, generation, proposal, component), u2 = Uniform(Use.KernelSecond, generation, proposal, component);
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
