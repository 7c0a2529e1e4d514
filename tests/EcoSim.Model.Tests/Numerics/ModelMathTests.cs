using System.Runtime.Intrinsics;
using EcoSim.Model.Numerics;
using EcoSim.Model.Randomness;

namespace EcoSim.Model.Tests.Numerics;

/// <summary>
/// <see cref="ModelMath"/> and <see cref="ModelMathVector"/>: the error against the platform's
/// <see cref="Math"/> over millions of arguments in the ranges the model uses and over the whole domain,
/// the vector path's bits against the scalar path's, and the special values. Setting
/// ECOSIM_MATH_SWEEP=1 multiplies every sweep by 25 (about a minute).
/// </summary>
public class ModelMathTests
{
    private static readonly int Scale = Environment.GetEnvironmentVariable("ECOSIM_MATH_SWEEP") == "1" ? 25 : 1;

    /// <summary>Distance in units in the last place between two finite doubles of the same sign.</summary>
    internal static long Ulps(double a, double b) =>
        a == b ? 0 : Math.Abs(BitConverter.DoubleToInt64Bits(a) - BitConverter.DoubleToInt64Bits(b));

    /// <summary>
    /// Checks <paramref name="count"/> arguments drawn by <paramref name="argument"/>: the scalar function
    /// within <paramref name="maxUlps"/> of the reference, and the vector function equal to the scalar
    /// bit for bit; returns the largest error seen.
    /// </summary>
    private static long Sweep(string what, int count, Func<double, double> argument, Func<double, double> scalar,
        Func<Vector256<double>, Vector256<double>> vector, Func<double, double> reference, long maxUlps)
    {
        var draws = new RandomStream(15, (ulong)what.GetHashCode(StringComparison.Ordinal), 0, RandomPurpose.FirmInit);
        long worst = 0;
        double worstAt = double.NaN;
        Span<double> x = stackalloc double[4];
        for (int i = 0; i < count; i += 4)
        {
            for (int lane = 0; lane < 4; lane++) x[lane] = argument(draws.NextDouble());
            var v = vector(Vector256.Create(x[0], x[1], x[2], x[3]));
            for (int lane = 0; lane < 4; lane++)
            {
                double mine = scalar(x[lane]);
                if (BitConverter.DoubleToInt64Bits(mine) != BitConverter.DoubleToInt64Bits(v.GetElement(lane)))
                    Assert.Fail($"{what}({x[lane]:R}): scalar {mine:R}, vector {v.GetElement(lane):R}");
                long error = Ulps(mine, reference(x[lane]));
                if (error > worst) (worst, worstAt) = (error, x[lane]);
            }
        }
        Assert.True(worst <= maxUlps, $"{what}: {worst} ulp at {worstAt:R} (scalar {scalar(worstAt):R}, reference {reference(worstAt):R})");
        return worst;
    }

    [Fact]
    public void Exp_is_within_one_ulp_of_Math_Exp_and_the_vector_path_has_the_scalar_bits()
    {
        // The model's arguments: hazards times dt, size powers, shock terms (|x| below about 40).
        Sweep("exp model range", 4_000_000 * Scale, u => -40 + 80 * u, ModelMath.Exp, ModelMathVector.Exp, Math.Exp, 1);
        Sweep("exp small", 1_000_000 * Scale, u => (u - 0.5) * 1e-3, ModelMath.Exp, ModelMathVector.Exp, Math.Exp, 1);
        Sweep("exp whole range", 1_000_000 * Scale, u => -708 + 1417.7 * u, ModelMath.Exp, ModelMathVector.Exp, Math.Exp, 1);
    }

    [Fact]
    public void Exp_gives_subnormals_infinity_and_zero_where_Math_Exp_does()
    {
        Sweep("exp subnormal", 200_000 * Scale, u => -745 + 37 * u, ModelMath.Exp, ModelMathVector.Exp, Math.Exp, 1);
        Assert.Equal(1.0, ModelMath.Exp(0.0));
        Assert.Equal(1.0, ModelMath.Exp(-0.0));
        Assert.Equal(double.PositiveInfinity, ModelMath.Exp(709.8));
        Assert.Equal(double.PositiveInfinity, ModelMath.Exp(double.PositiveInfinity));
        Assert.Equal(0.0, ModelMath.Exp(-745.2));
        Assert.Equal(0.0, ModelMath.Exp(double.NegativeInfinity));
        Assert.True(double.IsNaN(ModelMath.Exp(double.NaN)));
        Assert.True(ModelMath.Exp(709.78) is > 1.7e308 and < double.PositiveInfinity);
        var v = ModelMathVector.Exp(Vector256.Create(double.NaN, 1000, -1000, 1));
        Assert.True(double.IsNaN(v[0]));
        Assert.Equal(double.PositiveInfinity, v[1]);
        Assert.Equal(0.0, v[2]);
        Assert.Equal(ModelMath.Exp(1), v[3]);
    }

    [Fact]
    public void Log_is_within_one_ulp_of_Math_Log_and_the_vector_path_has_the_scalar_bits()
    {
        // The model's arguments: relative sizes from 1e-6 up, uniforms in (0, 1], productivities.
        Sweep("log model range", 4_000_000 * Scale, u => Math.Pow(10, -7 + 14 * u), ModelMath.Log, ModelMathVector.Log, Math.Log, 1);
        Sweep("log near one", 1_000_000 * Scale, u => 0.9 + 0.2 * u, ModelMath.Log, ModelMathVector.Log, Math.Log, 1);
        Sweep("log whole range", 1_000_000 * Scale, u => Math.Pow(2, -1022 + 2046 * u), ModelMath.Log, ModelMathVector.Log, Math.Log, 1);
    }

    [Fact]
    public void Log_of_special_values()
    {
        Assert.Equal(0.0, ModelMath.Log(1.0));
        Assert.Equal(double.NegativeInfinity, ModelMath.Log(0.0));
        Assert.Equal(double.NegativeInfinity, ModelMath.Log(-0.0));
        Assert.True(double.IsNaN(ModelMath.Log(-1e-300)));
        Assert.True(double.IsNaN(ModelMath.Log(double.NaN)));
        Assert.Equal(double.PositiveInfinity, ModelMath.Log(double.PositiveInfinity));
        Assert.True(Ulps(ModelMath.Log(double.MaxValue), Math.Log(double.MaxValue)) <= 1);
        foreach (double subnormal in new[] { double.Epsilon, 1e-310, 2e-308 })
            Assert.True(Ulps(ModelMath.Log(subnormal), Math.Log(subnormal)) <= 1, $"log({subnormal:R})");
        var v = ModelMathVector.Log(Vector256.Create(0.0, -1, double.Epsilon, 2));
        Assert.Equal(double.NegativeInfinity, v[0]);
        Assert.True(double.IsNaN(v[1]));
        Assert.Equal(ModelMath.Log(double.Epsilon), v[2]);
        Assert.Equal(ModelMath.Log(2), v[3]);
    }

    [Fact]
    public void Pow_is_within_its_bound_over_the_models_bases_and_exponents()
    {
        // Bases: cost ratios, opportunities, 1 + growth, relative sizes; exponents up to about 30 in size
        // (years of growth): |y ln x| stays below about 8, so the bound is 1 + 2 * 8 = 17 ulp.
        var draws = new RandomStream(15, 3, 0, RandomPurpose.FirmInit);
        long worst = 0;
        for (int i = 0; i < 1_000_000 * Scale; i += 4)
        {
            var x = new double[4];
            var y = new double[4];
            for (int lane = 0; lane < 4; lane++)
            {
                x[lane] = Math.Pow(10, -2 + 3 * draws.NextDouble());
                y[lane] = -30 + 60 * draws.NextDouble();
                if (Math.Abs(y[lane] * Math.Log(x[lane])) > 8) y[lane] *= 8 / Math.Abs(y[lane] * Math.Log(x[lane]));
            }
            var v = ModelMathVector.Pow(Vector256.Create(x), Vector256.Create(y));
            for (int lane = 0; lane < 4; lane++)
            {
                double mine = ModelMath.Pow(x[lane], y[lane]);
                Assert.Equal(BitConverter.DoubleToInt64Bits(mine), BitConverter.DoubleToInt64Bits(v[lane]));
                worst = Math.Max(worst, Ulps(mine, Math.Pow(x[lane], y[lane])));
            }
        }
        Assert.True(worst <= 17, $"pow: {worst} ulp");
    }

    [Fact]
    public void Pow_of_special_values()
    {
        Assert.Equal(1.0, ModelMath.Pow(0, 0));
        Assert.Equal(1.0, ModelMath.Pow(double.NaN, 0));
        Assert.Equal(1.0, ModelMath.Pow(1, double.NaN));
        Assert.Equal(1.0, ModelMath.Pow(1, double.PositiveInfinity));
        Assert.Equal(0.0, ModelMath.Pow(0, 2.5));
        Assert.Equal(double.PositiveInfinity, ModelMath.Pow(0, -0.5));
        Assert.True(double.IsNaN(ModelMath.Pow(-2, 0.5)));
        Assert.Equal(8.0, ModelMath.Pow(2, 3), 14);
        Assert.Equal(1.05 * 1.05, ModelMath.Pow(1.05, 2), 15);
        var v = ModelMathVector.Pow(Vector256.Create(0.0, 1, 2, 0), Vector256.Create(0.0, double.NaN, 0.5, 2));
        Assert.Equal(Vector256.Create(1.0, 1, ModelMath.Pow(2, 0.5), 0), v);
    }
}
