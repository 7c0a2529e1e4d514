using System.Globalization;
using System.Numerics;

namespace EcoSim.Model.Numerics;

/// <summary>
/// An exact fraction of two big integers, for the few sums and products whose inputs are decimal
/// figures from a scenario (budget levels, growth rates, shares, weights). Doing that arithmetic in
/// doubles rounds at every step: 100 grown by 1.06 a year drifts away from the decimal 100 × 1.06^y
/// by a unit or more in the last place from the fifth year on, and shares renormalised in doubles do not keep
/// a constant share constant. Here every intermediate is exact and <see cref="ToDouble"/> rounds once,
/// to the double nearest the exact value.
/// </summary>
public readonly struct DecimalRational
{
    private readonly BigInteger _numerator;
    private readonly BigInteger _denominator; // positive; default(DecimalRational) has 0 and reads as 0

    private DecimalRational(BigInteger numerator, BigInteger denominator)
    {
        if (denominator.Sign < 0) (numerator, denominator) = (-numerator, -denominator);
        var gcd = BigInteger.GreatestCommonDivisor(numerator, denominator);
        if (!gcd.IsZero && !gcd.IsOne) (numerator, denominator) = (numerator / gcd, denominator / gcd);
        _numerator = numerator;
        _denominator = denominator;
    }

    private BigInteger Denominator => _denominator.IsZero ? BigInteger.One : _denominator;

    /// <summary>Zero.</summary>
    public static DecimalRational Zero => new(BigInteger.Zero, BigInteger.One);

    /// <summary>One.</summary>
    public static DecimalRational One => new(BigInteger.One, BigInteger.One);

    /// <summary>
    /// The decimal figure a double was read from: the shortest decimal text that reads back as
    /// <paramref name="value"/> (so 0.06 is six hundredths, not the binary fraction nearest to it).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is NaN or infinite.</exception>
    public static DecimalRational FromDecimal(double value)
    {
        if (!double.IsFinite(value)) throw new ArgumentOutOfRangeException(nameof(value), value, "only finite values have a decimal figure");
        string text = value.ToString("R", CultureInfo.InvariantCulture);
        int e = text.IndexOfAny(['E', 'e']);
        int exponent = e < 0 ? 0 : int.Parse(text.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        string mantissa = e < 0 ? text : text[..e];
        int point = mantissa.IndexOf('.');
        if (point >= 0)
        {
            exponent -= mantissa.Length - point - 1;
            mantissa = mantissa.Remove(point, 1);
        }
        var digits = BigInteger.Parse(mantissa, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        return exponent >= 0 ? new(digits * BigInteger.Pow(10, exponent), BigInteger.One) : new(digits, BigInteger.Pow(10, -exponent));
    }

    /// <summary>Whether the value is zero.</summary>
    public bool IsZero => _numerator.IsZero;

    /// <summary>Exact sum.</summary>
    public static DecimalRational operator +(DecimalRational a, DecimalRational b) =>
        new(a._numerator * b.Denominator + b._numerator * a.Denominator, a.Denominator * b.Denominator);

    /// <summary>Exact difference.</summary>
    public static DecimalRational operator -(DecimalRational a, DecimalRational b) =>
        new(a._numerator * b.Denominator - b._numerator * a.Denominator, a.Denominator * b.Denominator);

    /// <summary>Exact product.</summary>
    public static DecimalRational operator *(DecimalRational a, DecimalRational b) =>
        new(a._numerator * b._numerator, a.Denominator * b.Denominator);

    /// <summary>Exact quotient.</summary>
    /// <exception cref="DivideByZeroException"><paramref name="b"/> is zero.</exception>
    public static DecimalRational operator /(DecimalRational a, DecimalRational b) =>
        b.IsZero ? throw new DivideByZeroException() : new(a._numerator * b.Denominator, a.Denominator * b._numerator);

    /// <summary>
    /// The double nearest the exact value (ties to even), for values in the normal range of doubles;
    /// beyond it the result overflows to infinity like any double arithmetic.
    /// </summary>
    public double ToDouble()
    {
        if (_numerator.IsZero) return 0;
        var a = BigInteger.Abs(_numerator);
        var b = Denominator;
        // Scale so that the integer quotient has 55 or 56 bits: 53 for the significand, the rest to round on.
        long shift = 55 - (a.GetBitLength() - b.GetBitLength());
        if (shift >= 0) a <<= (int)shift; else b <<= (int)-shift;
        var quotient = BigInteger.DivRem(a, b, out var remainder);
        int extra = (int)quotient.GetBitLength() - 53;
        var significand = quotient >> extra;
        var dropped = quotient - (significand << extra);
        var half = BigInteger.One << (extra - 1);
        int vsHalf = dropped.CompareTo(half);
        if (vsHalf > 0 || (vsHalf == 0 && (!remainder.IsZero || !significand.IsEven))) significand += 1;
        double magnitude = Math.ScaleB((double)significand, (int)(extra - shift));
        return _numerator.Sign < 0 ? -magnitude : magnitude;
    }

    /// <inheritdoc/>
    public override string ToString() => $"{_numerator}/{Denominator}";
}
