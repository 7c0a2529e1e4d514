namespace EcoSim.Client.Tests.Sensitivity;

/// <summary>
/// Test functions whose Sobol indices are known in closed form, with those indices derived here from
/// the functions' variance decompositions (Saltelli et al., "Global Sensitivity Analysis: The Primer",
/// 2008, sections 3.3 and 4.2; Sobol' and Levitan 1999 for the g-function).
/// </summary>
internal static class AnalyticFunctions
{
    /// <summary>Ishigami's a.</summary>
    public const double A = 7;
    /// <summary>Ishigami's b.</summary>
    public const double B = 0.1;

    /// <summary>f(x) = sin x1 + a sin^2 x2 + b x3^4 sin x1, each x_i uniform on [-pi, pi]; <paramref name="unit"/> is in [0, 1]^3.</summary>
    public static double Ishigami(double[] unit)
    {
        double x1 = -Math.PI + 2 * Math.PI * unit[0], x2 = -Math.PI + 2 * Math.PI * unit[1], x3 = -Math.PI + 2 * Math.PI * unit[2];
        return Math.Sin(x1) + A * Math.Sin(x2) * Math.Sin(x2) + B * Math.Pow(x3, 4) * Math.Sin(x1);
    }

    /// <summary>Ishigami's first-order indices: V1 = (1 + b pi^4 / 5)^2 / 2, V2 = a^2 / 8, V3 = 0, over V = V1 + V2 + V13.</summary>
    public static double[] IshigamiFirst => [IshigamiV1 / IshigamiV, A * A / 8 / IshigamiV, 0];

    /// <summary>Ishigami's total indices: x1 and x3 interact, V13 = 8 b^2 pi^8 / 225; x2 acts alone.</summary>
    public static double[] IshigamiTotal => [(IshigamiV1 + IshigamiV13) / IshigamiV, A * A / 8 / IshigamiV, IshigamiV13 / IshigamiV];

    private static double IshigamiV1 => 0.5 * Math.Pow(1 + B * Math.Pow(Math.PI, 4) / 5, 2);
    private static double IshigamiV13 => 8 * B * B * Math.Pow(Math.PI, 8) / 225;
    private static double IshigamiV => IshigamiV1 + A * A / 8 + IshigamiV13;

    /// <summary>The g-function's coefficients: a small a_i makes x_i important, 99 makes it almost irrelevant.</summary>
    public static readonly double[] G = [0, 1, 4.5, 9, 99, 99, 99, 99];

    /// <summary>Sobol's g-function, the product of (|4 x_i - 2| + a_i) / (1 + a_i), x uniform on [0, 1]^8.</summary>
    public static double GFunction(double[] unit)
    {
        double product = 1;
        for (int i = 0; i < G.Length; i++) product *= (Math.Abs(4 * unit[i] - 2) + G[i]) / (1 + G[i]);
        return product;
    }

    /// <summary>The g-function's first-order indices: V_i = 1 / (3 (1 + a_i)^2), V = prod(1 + V_i) - 1.</summary>
    public static double[] GFirst => [.. GPartial.Select(v => v / GVariance)];

    /// <summary>The g-function's total indices: V_i prod_{j != i}(1 + V_j) / V.</summary>
    public static double[] GTotal => [.. GPartial.Select(v => v * GPartial.Aggregate(1.0, (p, w) => p * (1 + w)) / (1 + v) / GVariance)];

    private static double[] GPartial => [.. G.Select(a => 1 / (3 * (1 + a) * (1 + a)))];
    private static double GVariance => GPartial.Aggregate(1.0, (p, v) => p * (1 + v)) - 1;
}
