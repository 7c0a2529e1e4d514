using System.Runtime.CompilerServices;
using EcoSim.Model.Numerics;
namespace EcoSim.Model.Randomness;

/// <summary>
/// A stream of random numbers for one (seed, entity, tick, purpose). Each value is a pure function of
/// those four keys and its position in the stream, computed with <see cref="Philox4x32"/>; no state is
/// shared between streams, so results do not depend on the order in which entities are visited.
/// </summary>
public struct RandomStream
{
    private readonly uint _k0, _k1, _c0, _c1, _c2, _purpose;
    private uint _block;
    private ulong _a, _b;
    private int _left;

    /// <summary>Opens the stream for one entity, tick and purpose.</summary>
    /// <param name="seed">The run's seed.</param>
    /// <param name="entity">A globally unique entity id (see <see cref="EntityIds"/>).</param>
    /// <param name="tick">The tick.</param>
    /// <param name="purpose">What the numbers are for.</param>
    public RandomStream(ulong seed, ulong entity, int tick, RandomPurpose purpose)
    {
        _k0 = (uint)seed; _k1 = (uint)(seed >> 32);
        _c0 = (uint)entity; _c1 = (uint)(entity >> 32);
        _c2 = unchecked((uint)tick);
        _purpose = (uint)purpose << 24;
        _block = 0; _a = 0; _b = 0; _left = 0;
    }

    /// <summary>The next 64 random bits. Inlined: the second value of a block is a field read; the first takes <see cref="NextBlock"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong NextUInt64()
    {
        if (_left == 0) return NextBlock();
        _left--;
        return _b;
    }

    /// <summary>Computes the next block, keeps its second value and returns its first.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot: full optimisation from the first call (docs/PERFORMANCE.md, "JIT tiering")
    private ulong NextBlock()
    {
        if (_block >= 1u << 24) throw new InvalidOperationException("random stream exhausted (more than 2^25 draws for one entity, tick and purpose)");
        var (x0, x1, x2, x3) = Philox4x32.Block(_c0, _c1, _c2, _purpose | _block, _k0, _k1);
        _block++;
        _a = ((ulong)x1 << 32) | x0;
        _b = ((ulong)x3 << 32) | x2;
        _left = 1;
        return _a;
    }

    /// <summary>A uniform double in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A uniform double in (0, 1]: safe to take the logarithm of.</summary>
    public double NextDoubleOpenZero() => ((NextUInt64() >> 11) + 1) * (1.0 / (1UL << 53));

    /// <summary>
    /// A uniform double in the open interval (0, 1): one of the 2^52 midpoints (k + 1/2) 2^-52, a set
    /// symmetric about 1/2 that contains neither 0 nor 1 (52 random bits: with 53, the largest midpoint
    /// would round to 1), so its normal quantile is always finite.
    /// </summary>
    public double NextDoubleOpen() => ((NextUInt64() >> 12) + 0.5) * (1.0 / (1UL << 52));

    /// <summary>True with probability <paramref name="p"/>.</summary>
    public bool Bernoulli(double p) => NextDouble() < p;

    /// <summary>
    /// A standard normal draw by inversion: the normal quantile (<see cref="NormalQuantile"/>, AS 241) of
    /// an open uniform. It takes two places in the stream, as the Box-Muller draw it replaced did, so the
    /// positions of every later draw stay where they were; the second word is not used.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot: full optimisation from the first call (docs/PERFORMANCE.md, "JIT tiering")
    public double StandardNormal()
    {
        double u = NextDoubleOpen();
        NextUInt64();
        return NormalQuantile.Of(u);
    }

    /// <summary>An exponential draw with rate 1.</summary>
    public double StandardExponential() => -ModelMath.Log(NextDoubleOpenZero());

    /// <summary>
    /// A Gamma(shape, 1) draw by Marsaglia and Tsang's method (ACM TOMS 2000); shapes below one use the
    /// boost Gamma(a) = Gamma(a+1) * U^(1/a).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot: full optimisation from the first call (docs/PERFORMANCE.md, "JIT tiering")
    public double Gamma(double shape)
    {
        if (!(shape > 0)) throw new ArgumentOutOfRangeException(nameof(shape), shape, "gamma shape must be > 0");
        if (shape < 1.0)
        {
            double g = Gamma(shape + 1.0);
            return g * ModelMath.Pow(NextDoubleOpenZero(), 1.0 / shape);
        }
        double d = shape - 1.0 / 3.0, c = 1.0 / Math.Sqrt(9.0 * d);
        while (true)
        {
            double x = StandardNormal();
            double v = 1.0 + c * x;
            if (v <= 0) continue;
            v = v * v * v;
            double u = NextDoubleOpenZero();
            if (ModelMath.Log(u) < 0.5 * x * x + d - d * v + d * ModelMath.Log(v)) return d * v;
        }
    }

    /// <summary>A Beta(a, b) draw from two Gamma draws.</summary>
    public double Beta(double a, double b)
    {
        double x = Gamma(a);
        double y = Gamma(b);
        return x / (x + y);
    }

    /// <summary>
    /// A Poisson draw: exact inversion for means below 30, otherwise the rounded normal approximation
    /// (relative error of the variance below 2% there), which keeps the cost of a draw bounded.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot: full optimisation from the first call (docs/PERFORMANCE.md, "JIT tiering")
    public int Poisson(double mean)
    {
        if (!(mean >= 0) || double.IsInfinity(mean)) throw new ArgumentOutOfRangeException(nameof(mean), mean, "Poisson mean must be finite and >= 0");
        if (mean == 0) return 0;
        if (mean < 30)
        {
            double limit = ModelMath.Exp(-mean), product = NextDouble();
            int k = 0;
            while (product > limit) { product *= NextDouble(); k++; }
            return k;
        }
        return (int)Math.Max(0, Math.Round(mean + Math.Sqrt(mean) * StandardNormal()));
    }
}
