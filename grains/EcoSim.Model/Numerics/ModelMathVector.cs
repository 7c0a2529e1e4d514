using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using static EcoSim.Model.Numerics.ModelMath;

namespace EcoSim.Model.Numerics;

/// <summary>
/// <see cref="ModelMath"/>'s functions on four or eight lanes at once (<see cref="ILanes{TSelf}"/>), with the same operations in the same order,
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
    public static Vector256<double> Exp(Vector256<double> x) => Exp(new FourLanes(x)).Value;

    /// <summary>The natural logarithm in each lane (<see cref="ModelMath.Log"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Log(Vector256<double> x) => Log(new FourLanes(x)).Value;

    /// <summary>x^y in each lane (<see cref="ModelMath.Pow"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Vector256<double> Pow(Vector256<double> x, Vector256<double> y) => Pow(new FourLanes(x), new FourLanes(y)).Value;

    /// <summary>e^x in each lane (<see cref="ModelMath.Exp"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TLanes Exp<TLanes>(TLanes x) where TLanes : struct, ILanes<TLanes>
    {
        if (!TLanes.LessThanOrEqualAll(TLanes.Abs(x), TLanes.Create(ExpFastLimit))) return ExpByLane(x);
        var shift = TLanes.Create(RoundShift);
        var t = TLanes.FusedMultiplyAdd(x, TLanes.Create(Log2E), shift);
        var n = t - shift;
        var k = TLanes.SubtractBits(t, shift);
        var scale = TLanes.ShiftLeftBits(TLanes.AddBits(k, TLanes.CreateBits(1023)), 52);
        return ExpReduced(x, n) * scale;
    }

    /// <summary>e^x lane by lane through <see cref="ModelMath.Exp"/>: some lane is outside the fast path.</summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)] // optimised from the first call: at tier 0 every lane operation would be a call
    private static TLanes ExpByLane<TLanes>(TLanes x) where TLanes : struct, ILanes<TLanes>
    {
        var e = x;
        for (int lane = 0; lane < TLanes.Count; lane++) e = TLanes.WithElement(e, lane, ModelMath.Exp(TLanes.GetElement(x, lane)));
        return e;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TLanes ExpReduced<TLanes>(TLanes x, TLanes n) where TLanes : struct, ILanes<TLanes>
    {
        var r = TLanes.FusedMultiplyAdd(-n, TLanes.Create(Ln2Hi), x);
        r = TLanes.FusedMultiplyAdd(-n, TLanes.Create(Ln2Lo), r);
        var p = TLanes.FusedMultiplyAdd(TLanes.Create(E13), r, TLanes.Create(E12));
        p = TLanes.FusedMultiplyAdd(p, r, TLanes.Create(E11));
        p = TLanes.FusedMultiplyAdd(p, r, TLanes.Create(E10));
        p = TLanes.FusedMultiplyAdd(p, r, TLanes.Create(E9));
        p = TLanes.FusedMultiplyAdd(p, r, TLanes.Create(E8));
        p = TLanes.FusedMultiplyAdd(p, r, TLanes.Create(E7));
        p = TLanes.FusedMultiplyAdd(p, r, TLanes.Create(E6));
        p = TLanes.FusedMultiplyAdd(p, r, TLanes.Create(E5));
        p = TLanes.FusedMultiplyAdd(p, r, TLanes.Create(E4));
        p = TLanes.FusedMultiplyAdd(p, r, TLanes.Create(E3));
        p = TLanes.FusedMultiplyAdd(p, r, TLanes.Create(E2));
        var one = TLanes.One;
        p = TLanes.FusedMultiplyAdd(p, r, one);
        return TLanes.FusedMultiplyAdd(p, r, one);
    }

    /// <summary>The natural logarithm in each lane (<see cref="ModelMath.Log"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TLanes Log<TLanes>(TLanes x) where TLanes : struct, ILanes<TLanes>
    {
        if (!(TLanes.GreaterThanOrEqualAll(x, TLanes.Create(SmallestNormal)) && TLanes.LessThanOrEqualAll(x, TLanes.Create(double.MaxValue))))
            return LogByLane(x);
        var u = TLanes.AddBits(x, TLanes.CreateBits(LogOffset));
        var k = (TLanes.CreateBits(TwoTo52Bits) | TLanes.ShiftRightLogicalBits(u, 52)) - TLanes.Create(TwoTo52PlusBias);
        var m = TLanes.AddBits(u & TLanes.CreateBits(MantissaMask), TLanes.CreateBits(HalfSqrt2Bits));
        var f = m - TLanes.One;
        var hfsq = TLanes.Create(0.5) * f * f;
        var s = f / (TLanes.Create(2.0) + f);
        var z = s * s;
        var r = TLanes.FusedMultiplyAdd(TLanes.Create(Lg7), z, TLanes.Create(Lg6));
        r = TLanes.FusedMultiplyAdd(r, z, TLanes.Create(Lg5));
        r = TLanes.FusedMultiplyAdd(r, z, TLanes.Create(Lg4));
        r = TLanes.FusedMultiplyAdd(r, z, TLanes.Create(Lg3));
        r = TLanes.FusedMultiplyAdd(r, z, TLanes.Create(Lg2));
        r = TLanes.FusedMultiplyAdd(r, z, TLanes.Create(Lg1));
        r *= z;
        return k * TLanes.Create(Ln2Hi) - ((hfsq - (s * (hfsq + r) + k * TLanes.Create(Ln2Lo))) - f);
    }

    /// <summary>The logarithm lane by lane through <see cref="ModelMath.Log"/>: some lane is outside the fast path.</summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)] // optimised from the first call: at tier 0 every lane operation would be a call
    private static TLanes LogByLane<TLanes>(TLanes x) where TLanes : struct, ILanes<TLanes>
    {
        var l = x;
        for (int lane = 0; lane < TLanes.Count; lane++) l = TLanes.WithElement(l, lane, ModelMath.Log(TLanes.GetElement(x, lane)));
        return l;
    }

    /// <summary>x^y in each lane (<see cref="ModelMath.Pow"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TLanes Pow<TLanes>(TLanes x, TLanes y) where TLanes : struct, ILanes<TLanes>
    {
        var one = TLanes.One;
        var trivial = TLanes.Equals(y, TLanes.Zero) | TLanes.Equals(x, one);
        return TLanes.ConditionalSelect(trivial, one, Exp(y * Log(x)));
    }
}
