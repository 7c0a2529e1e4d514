using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using static EcoSim.Model.Numerics.ModelMath;

namespace EcoSim.Model.Numerics;

/// <summary>
/// <see cref="ModelMath"/>'s functions on four lanes at once, with the same operations in the same order,
/// so each lane has the bits the scalar function gives. Lanes outside the fast path (NaN, zero,
/// negatives, subnormals, huge arguments) are handed to the scalar function one by one: rare in the
/// model, and the one definition of those cases stays in <see cref="ModelMath"/>.
/// </summary>
/// <remarks>
/// The fast paths are inlined into their callers: a call would pass and return each vector through
/// memory, nine times a group of four firms in the firm kernel (docs/PERFORMANCE.md, section 21). The
/// rare lanes go through methods that are never inlined, so the callers stay small.
/// </remarks>
public static class ModelMathVector
{
    /// <summary>e^x in each lane (<see cref="ModelMath.Exp"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Exp(Vector256<double> x)
    {
        if (!Vector256.LessThanOrEqualAll(Vector256.Abs(x), Vector256.Create(ExpFastLimit))) return ExpByLane(x);
        var shift = Vector256.Create(RoundShift);
        var t = Vector256.FusedMultiplyAdd(x, Vector256.Create(Log2E), shift);
        var n = t - shift;
        var k = t.AsInt64() - shift.AsInt64();
        var scale = Vector256.ShiftLeft(k + Vector256.Create(1023L), 52).AsDouble();
        return ExpReduced(x, n) * scale;
    }

    /// <summary>e^x lane by lane through <see cref="ModelMath.Exp"/>: some lane is outside the fast path.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Vector256<double> ExpByLane(Vector256<double> x) =>
        Vector256.Create(ModelMath.Exp(x.GetElement(0)), ModelMath.Exp(x.GetElement(1)), ModelMath.Exp(x.GetElement(2)), ModelMath.Exp(x.GetElement(3)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> ExpReduced(Vector256<double> x, Vector256<double> n)
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
        var one = Vector256<double>.One;
        p = Vector256.FusedMultiplyAdd(p, r, one);
        return Vector256.FusedMultiplyAdd(p, r, one);
    }

    /// <summary>The natural logarithm in each lane (<see cref="ModelMath.Log"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Log(Vector256<double> x)
    {
        if (!(Vector256.GreaterThanOrEqualAll(x, Vector256.Create(SmallestNormal)) && Vector256.LessThanOrEqualAll(x, Vector256.Create(double.MaxValue))))
            return LogByLane(x);
        var u = x.AsUInt64() + Vector256.Create(LogOffset);
        var k = (Vector256.Create(TwoTo52Bits) | Vector256.ShiftRightLogical(u, 52)).AsDouble() - Vector256.Create(TwoTo52PlusBias);
        var m = ((u & Vector256.Create(MantissaMask)) + Vector256.Create(HalfSqrt2Bits)).AsDouble();
        var f = m - Vector256<double>.One;
        var hfsq = Vector256.Create(0.5) * f * f;
        var s = f / (Vector256.Create(2.0) + f);
        var z = s * s;
        var r = Vector256.FusedMultiplyAdd(Vector256.Create(Lg7), z, Vector256.Create(Lg6));
        r = Vector256.FusedMultiplyAdd(r, z, Vector256.Create(Lg5));
        r = Vector256.FusedMultiplyAdd(r, z, Vector256.Create(Lg4));
        r = Vector256.FusedMultiplyAdd(r, z, Vector256.Create(Lg3));
        r = Vector256.FusedMultiplyAdd(r, z, Vector256.Create(Lg2));
        r = Vector256.FusedMultiplyAdd(r, z, Vector256.Create(Lg1));
        r *= z;
        return k * Vector256.Create(Ln2Hi) - ((hfsq - (s * (hfsq + r) + k * Vector256.Create(Ln2Lo))) - f);
    }

    /// <summary>The logarithm lane by lane through <see cref="ModelMath.Log"/>: some lane is outside the fast path.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Vector256<double> LogByLane(Vector256<double> x) =>
        Vector256.Create(ModelMath.Log(x.GetElement(0)), ModelMath.Log(x.GetElement(1)), ModelMath.Log(x.GetElement(2)), ModelMath.Log(x.GetElement(3)));

    /// <summary>x^y in each lane (<see cref="ModelMath.Pow"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Vector256<double> Pow(Vector256<double> x, Vector256<double> y)
    {
        var one = Vector256<double>.One;
        var trivial = Vector256.Equals(y, Vector256<double>.Zero) | Vector256.Equals(x, one);
        return Vector256.ConditionalSelect(trivial, one, Exp(y * Log(x)));
    }
}
