using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using EcoSim.Model.Numerics;

namespace EcoSim.Bench;

/// <summary>
/// Two exponentials that are NOT the model's, kept here only to measure what a future change of the
/// kernel would buy (docs/PERFORMANCE.md, section 21): <see cref="EightLanes"/>, the model's own
/// <see cref="ModelMathVector.Exp"/> operation for operation on eight lanes of AVX-512 (the same bits,
/// checked by <see cref="ExpBenchmarks"/>), and <see cref="Table64"/>, a shorter method whose bits differ
/// from the model's, so that using it would mean a re-baseline: x = (64 m + j) ln2 / 64 + r with
/// |r| &lt;= ln2 / 128, e^x = 2^m 2^(j/64) e^r, 2^(j/64) from a table of 64 doubles and e^r - 1 by its
/// Taylor polynomial of degree 5 (truncation below r^6 / 720 &lt; 4e-17).
/// </summary>
internal static unsafe class ExpPrototypes
{
    private const double Log2E = 1.4426950408889634, Ln2Hi = 6.93147180369123816490e-01, Ln2Lo = 1.90821492927058770002e-10;
    private const double RoundShift = 6755399441055744.0;
    private const double E13 = 1.6059043836821613e-10, E12 = 2.08767569878681e-09, E11 = 2.505210838544172e-08,
        E10 = 2.755731922398589e-07, E9 = 2.7557319223985893e-06, E8 = 2.48015873015873e-05, E7 = 1.984126984126984e-04,
        E6 = 1.388888888888889e-03, E5 = 8.333333333333333e-03, E4 = 4.1666666666666664e-02, E3 = 1.6666666666666666e-01, E2 = 0.5;

    /// <summary>2^(j/64) for j = 0..63, as the platform's pow gives it (a prototype: a real table would be checked to be correctly rounded).</summary>
    private static readonly double[] TwoToJOver64 = [.. Enumerable.Range(0, 64).Select(j => Math.Pow(2, j / 64.0))];

    /// <summary><see cref="ModelMathVector.Exp"/>'s fast path on eight lanes (arguments of magnitude at most 708).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> EightLanes(Vector512<double> x)
    {
        var shift = Vector512.Create(RoundShift);
        var t = Vector512.FusedMultiplyAdd(x, Vector512.Create(Log2E), shift);
        var n = t - shift;
        var k = t.AsInt64() - shift.AsInt64();
        var scale = Vector512.ShiftLeft(k + Vector512.Create(1023L), 52).AsDouble();
        var r = Vector512.FusedMultiplyAdd(-n, Vector512.Create(Ln2Hi), x);
        r = Vector512.FusedMultiplyAdd(-n, Vector512.Create(Ln2Lo), r);
        var p = Vector512.FusedMultiplyAdd(Vector512.Create(E13), r, Vector512.Create(E12));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(E11));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(E10));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(E9));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(E8));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(E7));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(E6));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(E5));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(E4));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(E3));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(E2));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512<double>.One);
        return Vector512.FusedMultiplyAdd(p, r, Vector512<double>.One) * scale;
    }

    /// <summary><see cref="ModelMathVector.Exp"/>'s fast path on four lanes, without its range check and the call it guards.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> FourLanesUnchecked(Vector256<double> x)
    {
        var shift = Vector256.Create(RoundShift);
        var t = Vector256.FusedMultiplyAdd(x, Vector256.Create(Log2E), shift);
        var n = t - shift;
        var k = t.AsInt64() - shift.AsInt64();
        var scale = Vector256.ShiftLeft(k + Vector256.Create(1023L), 52).AsDouble();
        return Reduced(x, n) * scale;
    }

    /// <summary>
    /// <see cref="ModelMath.Exp"/> on four lanes without a branch: every lane takes <c>ExpWide</c>'s path (the argument
    /// clamped to [-746, 710], 2^k applied in two halves), which gives the fast path's bits wherever the result is normal,
    /// and a NaN lane returns its argument.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> FourLanesBranchFree(Vector256<double> x)
    {
        var clamped = Vector256.Min(Vector256.Max(x, Vector256.Create(-746.0)), Vector256.Create(710.0));
        var shift = Vector256.Create(RoundShift);
        var t = Vector256.FusedMultiplyAdd(clamped, Vector256.Create(Log2E), shift);
        var n = t - shift;
        var k = t.AsInt64() - shift.AsInt64();
        var k1 = Vector256.ShiftRightArithmetic(k + Vector256.ShiftRightLogical(k, 63).AsInt64(), 1); // k / 2, toward zero
        var k2 = k - k1;
        var bias = Vector256.Create(1023L);
        var scaled = Reduced(clamped, n) * Vector256.ShiftLeft(k1 + bias, 52).AsDouble() * Vector256.ShiftLeft(k2 + bias, 52).AsDouble();
        return Vector256.ConditionalSelect(Vector256.Equals(x, x), scaled, x);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Reduced(Vector256<double> x, Vector256<double> n)
    {
        var r = Vector256.FusedMultiplyAdd(-n, Vector256.Create(Ln2Hi), x);
        r = Vector256.FusedMultiplyAdd(-n, Vector256.Create(Ln2Lo), r);
        var p = Vector256.FusedMultiplyAdd(Vector256.Create(E13), r, Vector256.Create(E12));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(E11));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(E10));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(E9));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(E8));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(E7));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(E6));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(E5));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(E4));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(E3));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(E2));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256<double>.One);
        return Vector256.FusedMultiplyAdd(p, r, Vector256<double>.One);
    }

    /// <summary>The table method on four lanes (arguments of magnitude at most 708): 9 dependent steps and a gather instead of 17 steps.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Table64(Vector256<double> x)
    {
        var shift = Vector256.Create(RoundShift);
        var t = Vector256.FusedMultiplyAdd(x, Vector256.Create(64 * Log2E), shift);
        var n = t - shift;
        var k = t.AsInt64() - shift.AsInt64();
        var j = k & Vector256.Create(63L);
        var scale = Vector256.ShiftLeft(Vector256.ShiftRightArithmetic(k, 6) + Vector256.Create(1023L), 52).AsDouble();
        var r = Vector256.FusedMultiplyAdd(-n, Vector256.Create(Ln2Hi / 64), x);
        r = Vector256.FusedMultiplyAdd(-n, Vector256.Create(Ln2Lo / 64), r);
        var q = Vector256.FusedMultiplyAdd(Vector256.Create(1.0 / 120), r, Vector256.Create(1.0 / 24));
        q = Vector256.FusedMultiplyAdd(q, r, Vector256.Create(1.0 / 6));
        q = Vector256.FusedMultiplyAdd(q, r, Vector256.Create(0.5));
        q = Vector256.FusedMultiplyAdd(q, r, Vector256<double>.One);
        q *= r;
        Vector256<double> table;
        fixed (double* entries = TwoToJOver64)
            table = Avx2.IsSupported ? Avx2.GatherVector256(entries, j, 8)
                : Vector256.Create(entries[j.GetElement(0)], entries[j.GetElement(1)], entries[j.GetElement(2)], entries[j.GetElement(3)]);
        return Vector256.FusedMultiplyAdd(table, q, table) * scale;
    }
}
