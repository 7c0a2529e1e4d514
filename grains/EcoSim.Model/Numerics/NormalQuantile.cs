using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace EcoSim.Model.Numerics;

/// <summary>
/// The standard normal quantile function (inverse distribution function), Wichura's algorithm AS 241
/// (PPND16, Applied Statistics 37, 1988): relative error about 1e-16. One uniform in gives one normal
/// out, so a normal draw takes a fixed place in a random stream, and the 85% of draws with
/// |p - 1/2| &lt;= 0.425 need no transcendental function at all (a rational function of degree 7/7);
/// the tails take one <see cref="ModelMath.Log"/> and one square root (correctly rounded everywhere).
/// <see cref="Of{TLanes}(TLanes)"/> gives the same bits lane by lane, on four or eight lanes.
/// </summary>
public static class NormalQuantile
{
    private const double Split1 = 0.425, Split2 = 5.0, Const1 = 0.180625, Const2 = 1.6;

    private const double A0 = 3.3871328727963666080e0, A1 = 1.3314166789178437745e+2, A2 = 1.9715909503065514427e+3,
        A3 = 1.3731693765509461125e+4, A4 = 4.5921953931549871457e+4, A5 = 6.7265770927008700853e+4,
        A6 = 3.3430575583588128105e+4, A7 = 2.5090809287301226727e+3;
    private const double B1 = 4.2313330701600911252e+1, B2 = 6.8718700749205790830e+2, B3 = 5.3941960214247511077e+3,
        B4 = 2.1213794301586595867e+4, B5 = 3.9307895800092710610e+4, B6 = 2.8729085735721942674e+4, B7 = 5.2264952788528545610e+3;
    private const double C0 = 1.42343711074968357734e0, C1 = 4.63033784615654529590e0, C2 = 5.76949722146069140550e0,
        C3 = 3.64784832476320460504e0, C4 = 1.27045825245236838258e0, C5 = 2.41780725177450611770e-1,
        C6 = 2.27238449892691845833e-2, C7 = 7.74545014278341407640e-4;
    private const double D1 = 2.05319162663775882187e0, D2 = 1.67638483018380384940e0, D3 = 6.89767334985100004550e-1,
        D4 = 1.48103976427480074590e-1, D5 = 1.51986665636164571966e-2, D6 = 5.47593808499534494600e-4, D7 = 1.05075007164441684324e-9;
    private const double E0 = 6.65790464350110377720e0, E1 = 5.46378491116411436990e0, E2 = 1.78482653991729133580e0,
        E3 = 2.96560571828504891230e-1, E4 = 2.65321895265761230930e-2, E5 = 1.24266094738807843860e-3,
        E6 = 2.71155556874348757815e-5, E7 = 2.01033439929228813265e-7;
    private const double F1 = 5.99832206555887937690e-1, F2 = 1.36929880922735805310e-1, F3 = 1.48753612908506148525e-2,
        F4 = 7.86869131145613259100e-4, F5 = 1.84631831751005468180e-5, F6 = 1.42151175831644588870e-7, F7 = 2.04426310338993978564e-15;

    /// <summary>The z with P(Z &lt;= z) = <paramref name="p"/>, for p in (0, 1); NaN outside.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double Of(double p)
    {
        if (!(p > 0 && p < 1)) return double.NaN;
        double q = p - 0.5;
        if (Math.Abs(q) <= Split1) return Central(q);
        double tail = Tail(Math.Sqrt(-ModelMath.Log(q < 0 ? p : 1.0 - p)));
        return q < 0 ? -tail : tail;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Central(double q)
    {
        double r = Const1 - q * q;
        return q * Horner(r, A7, A6, A5, A4, A3, A2, A1, A0) / Horner(r, B7, B6, B5, B4, B3, B2, B1, 1.0);
    }

    /// <summary>The magnitude of the quantile from r = sqrt(-log(min(p, 1 - p))).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Tail(double r)
    {
        if (r <= Split2)
        {
            r -= Const2;
            return Horner(r, C7, C6, C5, C4, C3, C2, C1, C0) / Horner(r, D7, D6, D5, D4, D3, D2, D1, 1.0);
        }
        r -= Split2;
        return Horner(r, E7, E6, E5, E4, E3, E2, E1, E0) / Horner(r, F7, F6, F5, F4, F3, F2, F1, 1.0);
    }

    /// <summary>c7 r^7 + ... + c0 by Horner's rule with fused multiply-adds.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Horner(double r, double c7, double c6, double c5, double c4, double c3, double c2, double c1, double c0)
    {
        double v = Math.FusedMultiplyAdd(c7, r, c6);
        v = Math.FusedMultiplyAdd(v, r, c5);
        v = Math.FusedMultiplyAdd(v, r, c4);
        v = Math.FusedMultiplyAdd(v, r, c3);
        v = Math.FusedMultiplyAdd(v, r, c2);
        v = Math.FusedMultiplyAdd(v, r, c1);
        return Math.FusedMultiplyAdd(v, r, c0);
    }

    /// <summary>The quantile in each lane, with the bits of <see cref="Of(double)"/>; every p must be in (0, 1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Of(Vector256<double> p) => Of(new FourLanes(p)).Value;

    /// <summary>
    /// The quantile in each lane, with the bits of <see cref="Of(double)"/>; every p must be in (0, 1).
    /// Inlined for the common case of central lanes only; a group with a tail lane takes <see cref="WithTails"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TLanes Of<TLanes>(TLanes p) where TLanes : struct, ILanes<TLanes>
    {
        var q = p - TLanes.Create(0.5);
        if (TLanes.LessThanOrEqualAll(TLanes.Abs(q), TLanes.Create(Split1))) return Central(q); // then p is in (0, 1)
        return WithTails(p);
    }

    /// <summary><see cref="Of{TLanes}(TLanes)"/> for a group with a lane in a tail or outside (0, 1).</summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)] // optimised from the first call: at tier 0 every lane operation would be a call
    private static TLanes WithTails<TLanes>(TLanes p) where TLanes : struct, ILanes<TLanes>
    {
        var half = TLanes.Create(0.5);
        var q = p - half;
        var inCentre = TLanes.LessThanOrEqual(TLanes.Abs(q), TLanes.Create(Split1));
        if (!(TLanes.GreaterThanAll(p, TLanes.Zero) && TLanes.LessThanAll(p, TLanes.One)))
        {
            var byLane = p;
            for (int lane = 0; lane < TLanes.Count; lane++) byLane = TLanes.WithElement(byLane, lane, Of(TLanes.GetElement(p, lane)));
            return byLane;
        }
        var central = Central(q);

        var below = TLanes.LessThan(q, TLanes.Zero);
        var smaller = TLanes.ConditionalSelect(below, p, TLanes.One - p);
        var r = TLanes.Sqrt(-ModelMathVector.Log(smaller));
        var near = TLanes.LessThanOrEqual(r, TLanes.Create(Split2));
        var nearTail = Near(r - TLanes.Create(Const2));
        // The far tail (p below e^-25, about 1e-11) is computed only for a group that has a lane in it.
        var tail = TLanes.MostSignificantBits(near) == (1u << TLanes.Count) - 1 ? nearTail
            : TLanes.ConditionalSelect(near, nearTail, Far(r - TLanes.Create(Split2)));
        tail = TLanes.ConditionalSelect(below, -tail, tail);
        return TLanes.ConditionalSelect(inCentre, central, tail);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TLanes Central<TLanes>(TLanes q) where TLanes : struct, ILanes<TLanes>
    {
        var r = TLanes.Create(Const1) - q * q;
        var a = Horner(r, A7, A6, A5, A4, A3, A2, A1, A0);
        var b = Horner(r, B7, B6, B5, B4, B3, B2, B1, 1.0);
        return q * a / b;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TLanes Near<TLanes>(TLanes r) where TLanes : struct, ILanes<TLanes> =>
        Horner(r, C7, C6, C5, C4, C3, C2, C1, C0) / Horner(r, D7, D6, D5, D4, D3, D2, D1, 1.0);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TLanes Far<TLanes>(TLanes r) where TLanes : struct, ILanes<TLanes> =>
        Horner(r, E7, E6, E5, E4, E3, E2, E1, E0) / Horner(r, F7, F6, F5, F4, F3, F2, F1, 1.0);

    /// <summary>c7 r^7 + ... + c0 by Horner's rule with fused multiply-adds, in the scalar path's order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TLanes Horner<TLanes>(TLanes r, double c7, double c6, double c5, double c4, double c3, double c2, double c1, double c0)
        where TLanes : struct, ILanes<TLanes>
    {
        var v = TLanes.FusedMultiplyAdd(TLanes.Create(c7), r, TLanes.Create(c6));
        v = TLanes.FusedMultiplyAdd(v, r, TLanes.Create(c5));
        v = TLanes.FusedMultiplyAdd(v, r, TLanes.Create(c4));
        v = TLanes.FusedMultiplyAdd(v, r, TLanes.Create(c3));
        v = TLanes.FusedMultiplyAdd(v, r, TLanes.Create(c2));
        v = TLanes.FusedMultiplyAdd(v, r, TLanes.Create(c1));
        return TLanes.FusedMultiplyAdd(v, r, TLanes.Create(c0));
    }
}
