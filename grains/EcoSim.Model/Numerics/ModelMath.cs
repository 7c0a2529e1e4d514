using System.Runtime.CompilerServices;

namespace EcoSim.Model.Numerics;

/// <summary>
/// The model's own exponential, logarithm and power. <see cref="Math.Exp"/> and friends come from the
/// platform's C library, whose last bit may differ between operating systems and library versions, and
/// <c>Vector256.Exp</c> differs from <see cref="Math.Exp"/> in the last bit for many arguments. These
/// functions are plain IEEE arithmetic (add, multiply, divide, and fused multiply-adds, each correctly
/// rounded on every machine), so they give the same bits everywhere; <see cref="ModelMathVector"/>
/// computes them for four lanes at once with exactly the same operations, so both paths agree bit for bit.
/// </summary>
/// <remarks>
/// Error bounds, measured against <see cref="Math.Exp"/> and <see cref="Math.Log(double)"/> over tens of
/// millions of arguments (tests/EcoSim.Model.Tests/Numerics): <see cref="Exp"/> within 1 ulp,
/// <see cref="Log"/> within 1 ulp, <see cref="Pow"/> within 1 + 2 |y ln x| ulp (the logarithm's error and the
/// rounding of y log x are multiplied by |y ln x|; the model's powers keep |y ln x| below about 8, so 17 ulp).
/// Fused multiply-adds appear only in the polynomials' Horner steps and the range reductions, on both
/// paths; .NET computes <see cref="Math.FusedMultiplyAdd"/> correctly rounded even when hardware
/// intrinsics are switched off (it then calls the C library's <c>fma</c>, which IEEE 754 requires to be exact).
/// </remarks>
public static class ModelMath
{
    /// <summary>log2(e), rounded.</summary>
    internal const double Log2E = 1.4426950408889634;
    /// <summary>ln 2 split in two (fdlibm): the high part has 32 significant bits, so n * high is exact for the n used here.</summary>
    internal const double Ln2Hi = 6.93147180369123816490e-01, Ln2Lo = 1.90821492927058770002e-10;
    /// <summary>1.5 * 2^52: adding it rounds a double of magnitude below 2^51 to the nearest integer (ties to even), found in the low bits.</summary>
    internal const double RoundShift = 6755399441055744.0;
    /// <summary>Arguments of at most this magnitude take the fast path of <see cref="Exp"/>: 2^n stays a normal number.</summary>
    internal const double ExpFastLimit = 708.0;

    // Taylor coefficients 1/k! for k = 13 down to 2. With |r| <= ln2/2 the truncation error is below
    // r^14/14! < 5e-18, a thirtieth of an ulp of e^r.
    internal const double E13 = 1.6059043836821613e-10, E12 = 2.08767569878681e-09, E11 = 2.505210838544172e-08,
        E10 = 2.755731922398589e-07, E9 = 2.7557319223985893e-06, E8 = 2.48015873015873e-05, E7 = 1.984126984126984e-04,
        E6 = 1.388888888888889e-03, E5 = 8.333333333333333e-03, E4 = 4.1666666666666664e-02, E3 = 1.6666666666666666e-01, E2 = 0.5;

    // fdlibm's e_log.c minimax coefficients of R(z) = Lg1 z + ... + Lg7 z^7 ~ log((1+s)/(1-s)) - 2s over
    // z = s^2 in [0, 0.1716^2]; the polynomial's own error is below 2^-58.45.
    internal const double Lg1 = 6.666666666666735130e-01, Lg2 = 3.999999999940941908e-01, Lg3 = 2.857142874366239149e-01,
        Lg4 = 2.222219843214978396e-01, Lg5 = 1.818357216161805012e-01, Lg6 = 1.531383769920937332e-01, Lg7 = 1.479819860511658591e-01;

    /// <summary>The bits of sqrt(2)/2: the logarithm reduces its argument to [sqrt(2)/2, sqrt(2)).</summary>
    internal const ulong HalfSqrt2Bits = 0x3FE6A09E667F3BCD;
    /// <summary>Added to a double's bits, carries into the exponent exactly when the mantissa is at least sqrt(2)'s.</summary>
    internal const ulong LogOffset = 0x3FF0000000000000 - HalfSqrt2Bits;
    internal const ulong MantissaMask = 0x000FFFFFFFFFFFFF;
    /// <summary>The bits of 2^52, for turning a small integer into a double exactly.</summary>
    internal const ulong TwoTo52Bits = 0x4330000000000000;
    internal const double TwoTo52PlusBias = 4503599627370496.0 + 1023;
    /// <summary>The smallest positive normal double, 2^-1022.</summary>
    internal const double SmallestNormal = 2.2250738585072014E-308;

    /// <summary>
    /// e^x. Method: x = n ln2 + r with n the nearest integer to x log2(e) and |r| &lt;= ln2/2 (Cody-Waite,
    /// the reduction done with two fused multiply-adds, exactly); e^r by its Taylor polynomial of degree
    /// 13 in Horner form; then scaled by 2^n built from bits. Gives 0 below about -745.13, +infinity above
    /// about 709.78, NaN for NaN, and subnormal results by two exact scalings and one rounding.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double Exp(double x)
    {
        if (!(Math.Abs(x) <= ExpFastLimit)) return ExpWide(x);
        double t = Math.FusedMultiplyAdd(x, Log2E, RoundShift);
        double n = t - RoundShift;
        long k = BitConverter.DoubleToInt64Bits(t) - BitConverter.DoubleToInt64Bits(RoundShift);
        return ExpReduced(x, n) * BitConverter.Int64BitsToDouble((k + 1023) << 52);
    }

    /// <summary>e^r for the reduced argument r = x - n ln2: the part both paths share.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double ExpReduced(double x, double n)
    {
        double r = Math.FusedMultiplyAdd(-n, Ln2Hi, x);
        r = Math.FusedMultiplyAdd(-n, Ln2Lo, r);
        double p = Math.FusedMultiplyAdd(E13, r, E12);
        p = Math.FusedMultiplyAdd(p, r, E11);
        p = Math.FusedMultiplyAdd(p, r, E10);
        p = Math.FusedMultiplyAdd(p, r, E9);
        p = Math.FusedMultiplyAdd(p, r, E8);
        p = Math.FusedMultiplyAdd(p, r, E7);
        p = Math.FusedMultiplyAdd(p, r, E6);
        p = Math.FusedMultiplyAdd(p, r, E5);
        p = Math.FusedMultiplyAdd(p, r, E4);
        p = Math.FusedMultiplyAdd(p, r, E3);
        p = Math.FusedMultiplyAdd(p, r, E2);
        p = Math.FusedMultiplyAdd(p, r, 1.0);
        return Math.FusedMultiplyAdd(p, r, 1.0);
    }

    /// <summary>e^x beyond the fast path's range: NaN, overflow, underflow and subnormal results.</summary>
    internal static double ExpWide(double x)
    {
        if (double.IsNaN(x)) return x;
        x = Math.Clamp(x, -746.0, 710.0);
        double t = Math.FusedMultiplyAdd(x, Log2E, RoundShift);
        double n = t - RoundShift;
        long k = BitConverter.DoubleToInt64Bits(t) - BitConverter.DoubleToInt64Bits(RoundShift);
        long k1 = k / 2, k2 = k - k1; // both in [-538, 512]: normal powers of two
        double scaled = ExpReduced(x, n) * BitConverter.Int64BitsToDouble((k1 + 1023) << 52);
        return scaled * BitConverter.Int64BitsToDouble((k2 + 1023) << 52);
    }

    /// <summary>
    /// The natural logarithm. Method (fdlibm's e_log.c): x = 2^k m with m in [sqrt(2)/2, sqrt(2)),
    /// found from the bits; f = m - 1, s = f / (2 + f), and log(1 + f) = f - f^2/2 + s (f^2/2 + R(s^2))
    /// with fdlibm's minimax polynomial R; k ln2 added in two parts. Gives NaN below zero and for NaN,
    /// -infinity at zero, +infinity at +infinity; subnormal arguments are scaled by 2^54 first.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double Log(double x)
    {
        if (!(x >= SmallestNormal && x <= double.MaxValue)) return LogSpecial(x);
        return LogNormal(x, 0);
    }

    /// <summary>log x for a positive normal x, minus <paramref name="scaleExponent"/> ln 2.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double LogNormal(double x, double scaleExponent)
    {
        ulong u = BitConverter.DoubleToUInt64Bits(x) + LogOffset;
        double k = BitConverter.UInt64BitsToDouble(TwoTo52Bits | (u >> 52)) - TwoTo52PlusBias - scaleExponent;
        double m = BitConverter.UInt64BitsToDouble((u & MantissaMask) + HalfSqrt2Bits);
        return LogReduced(m - 1.0, k);
    }

    /// <summary>log(1 + f) + k ln 2 for f in [sqrt(2)/2 - 1, sqrt(2) - 1): the part both paths share.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double LogReduced(double f, double k)
    {
        double hfsq = 0.5 * f * f;
        double s = f / (2.0 + f);
        double z = s * s;
        double r = Math.FusedMultiplyAdd(Lg7, z, Lg6);
        r = Math.FusedMultiplyAdd(r, z, Lg5);
        r = Math.FusedMultiplyAdd(r, z, Lg4);
        r = Math.FusedMultiplyAdd(r, z, Lg3);
        r = Math.FusedMultiplyAdd(r, z, Lg2);
        r = Math.FusedMultiplyAdd(r, z, Lg1);
        r *= z;
        return k * Ln2Hi - ((hfsq - (s * (hfsq + r) + k * Ln2Lo)) - f);
    }

    /// <summary>The logarithm of zero, negatives, subnormals, infinity and NaN.</summary>
    internal static double LogSpecial(double x)
    {
        if (double.IsNaN(x) || x < 0) return double.NaN;
        if (x == 0) return double.NegativeInfinity;
        if (double.IsPositiveInfinity(x)) return x;
        return LogNormal(x * 18014398509481984.0, 54); // subnormal: times 2^54
    }

    /// <summary>
    /// x^y as e^(y log x), with x^0 = 1 and 1^y = 1 for every y (NaN included), and NaN for a negative x
    /// (the model raises only positive quantities to powers). The relative error grows with |y ln x|:
    /// within 1 + 2 |y ln x| ulp.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double Pow(double x, double y) => y == 0 || x == 1 ? 1.0 : Exp(y * Log(x));
}
