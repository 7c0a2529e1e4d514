using System.Runtime.CompilerServices;
using System.Globalization;

namespace EcoSim.Model.Numerics;

/// <summary>
/// An exact, order-free sum of doubles: each term is rounded once to a fixed point of 2^-40 and added
/// as a 128-bit integer, so the total is the same whatever the order or grouping of the terms (and so
/// whatever the partitioning of agents into shards or silos). Terms must be finite and below 2^80 in
/// magnitude; that bounds totals far above any money or headcount in the model.
/// </summary>
public readonly struct ExactSum : IEquatable<ExactSum>
{
    /// <summary>Binary digits kept after the point.</summary>
    public const int FractionBits = 40;
    private const double MaxTerm = 1.2089258196146292E+24; // 2^80

    /// <summary>The raw fixed-point total.</summary>
    public Int128 Raw { get; }

    /// <summary>Wraps a raw fixed-point total.</summary>
    public ExactSum(Int128 raw) => Raw = raw;

    /// <summary>The fixed-point image of one term.</summary>
    /// <exception cref="ArithmeticException">The term is NaN, infinite or too large.</exception>
    public static ExactSum Of(double term) => new(RawOf(term));

    /// <summary>
    /// The raw fixed-point image of one term: round(term * 2^40), half to even. Terms below 2^22 in
    /// magnitude (every money or headcount of one agent) take a fast path through a 64-bit integer; the
    /// value is the same either way, since the rounded double is a whole number held exactly.
    /// </summary>
    /// <exception cref="ArithmeticException">The term is NaN, infinite or too large.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot: full optimisation from the first call (docs/PERFORMANCE.md, "JIT tiering")
    public static Int128 RawOf(double term)
    {
        double scaled = Math.Round(Math.ScaleB(term, FractionBits), MidpointRounding.ToEven);
        if (Math.Abs(scaled) < 4.6116860184273879E+18) return (long)scaled; // 2^62
        if (!double.IsFinite(term) || Math.Abs(term) >= MaxTerm)
            throw new ArithmeticException($"cannot add {term.ToString(CultureInfo.InvariantCulture)} to an exact sum: terms must be finite and below 2^80");
        return (Int128)scaled;
    }

    /// <summary>The total as the nearest double.</summary>
    public double Value => Math.ScaleB((double)Raw, -FractionBits);

    /// <summary>Adds two sums exactly.</summary>
    /// <exception cref="OverflowException">The total leaves the 128-bit range.</exception>
    public static ExactSum operator +(ExactSum a, ExactSum b) => new(checked(a.Raw + b.Raw));

    /// <summary>Adds a term to this sum.</summary>
    public ExactSum Add(double term) => this + Of(term);

    /// <inheritdoc/>
    public bool Equals(ExactSum other) => Raw == other.Raw;
    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is ExactSum s && Equals(s);
    /// <inheritdoc/>
    public override int GetHashCode() => Raw.GetHashCode();
    /// <inheritdoc/>
    public override string ToString() => Value.ToString("R", CultureInfo.InvariantCulture);
}
