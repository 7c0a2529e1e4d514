namespace EcoSim.Experiments.Sensitivity;

/// <summary>One index of one parameter for one output, as indices.csv writes it.</summary>
/// <param name="Parameter">The parameter's name.</param>
/// <param name="Name">The index: <c>S1</c> and <c>ST</c> (Sobol), <c>mu_star</c>, <c>mu</c> and <c>sigma</c> (Morris).</param>
/// <param name="Estimate">Its value.</param>
/// <param name="Band">Its 90% bootstrap interval, for the indices that have one (S1, ST, mu_star).</param>
public sealed record SensitivityIndex(string Parameter, string Name, double Estimate, Interval? Band);

/// <summary>
/// A sensitivity design over named parameter ranges: a <see cref="MorrisDesign"/> of r trajectories or a
/// <see cref="SaltelliDesign"/> of base sample N, its points mapped from the unit cube onto the ranges,
/// and the estimators that turn one output per point into indices. The design's seed draws the
/// trajectories or the scramble and the bootstrap resamples.
/// </summary>
public sealed class SensitivityDesign
{
    /// <summary>Index that ranks the parameters: total Sobol index, or Morris's mu*.</summary>
    public string RankingIndex => Method == SensitivityMethod.Sobol ? "ST" : "mu_star";

    private readonly MorrisDesign? _morris;
    private readonly SaltelliDesign? _saltelli;

    /// <summary>The design of <paramref name="method"/> over <paramref name="ranges"/>, <paramref name="size"/> trajectories (Morris) or base samples (Sobol), drawn with <paramref name="seed"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A size the method does not accept (see <see cref="SizeProblem"/>).</exception>
    public SensitivityDesign(SensitivityMethod method, IReadOnlyList<SensitivityRange> ranges, int size, ulong seed)
    {
        (Method, Ranges, Size, Seed) = (method, ranges, size, seed);
        IReadOnlyList<double[]> unit;
        if (method == SensitivityMethod.Morris) unit = (_morris = new MorrisDesign(ranges.Count, size, seed)).Points;
        else unit = (_saltelli = new SaltelliDesign(ranges.Count, size, seed)).Points;
        Points = [.. unit.Select(u => (IReadOnlyList<double>)[.. u.Select((x, i) => ranges[i].At(x))])];
    }

    /// <summary>The method.</summary>
    public SensitivityMethod Method { get; }

    /// <summary>The parameters and their ranges, in the design's order.</summary>
    public IReadOnlyList<SensitivityRange> Ranges { get; }

    /// <summary>Trajectories (Morris) or base samples N (Sobol).</summary>
    public int Size { get; }

    /// <summary>The design's seed.</summary>
    public ulong Seed { get; }

    /// <summary>Each point's parameter values, in the order of <see cref="Ranges"/>.</summary>
    public IReadOnlyList<IReadOnlyList<double>> Points { get; }

    /// <summary>The size a method takes unless told: 10 Morris trajectories, or a Sobol base sample of 64.</summary>
    public static int DefaultSize(SensitivityMethod method) => method == SensitivityMethod.Morris ? 10 : 64;

    /// <summary>What is wrong with <paramref name="size"/> for <paramref name="method"/>, or null.</summary>
    public static string? SizeProblem(SensitivityMethod method, int size) => method == SensitivityMethod.Morris
        ? size < 2 || size > SensitivityLimits.MaxTrajectories ? $"--samples {size}: Morris needs 2 to {SensitivityLimits.MaxTrajectories} trajectories" : null
        : SaltelliDesign.IsValidSamples(size) ? null : $"--samples {size}: Sobol's base sample N must be a power of two from 2 to {SensitivityLimits.MaxSamples} (e.g. 64, 128, 256)";

    /// <summary>The number of design points a method makes for <paramref name="parameters"/> parameters: r (k + 1) or N (k + 2).</summary>
    public static long PointCount(SensitivityMethod method, int parameters, int size) => (long)size * (parameters + (method == SensitivityMethod.Morris ? 1 : 2));

    /// <summary>Every index of every parameter from <paramref name="outputs"/> (one per point, in order).</summary>
    public IReadOnlyList<SensitivityIndex> Estimate(IReadOnlyList<double> outputs)
    {
        var names = Ranges.Select(r => r.Parameter.Name).ToList();
        if (_morris is not null)
            return [.. MorrisEffects.Estimate(_morris, outputs, Seed).SelectMany((e, i) => new[]
            {
                new SensitivityIndex(names[i], "mu_star", e.MuStar.Estimate, e.MuStar),
                new SensitivityIndex(names[i], "mu", e.Mu, null),
                new SensitivityIndex(names[i], "sigma", e.Sigma, null),
            })];
        return [.. SobolIndices.Estimate(_saltelli!, outputs, Seed).SelectMany((s, i) => new[]
        {
            new SensitivityIndex(names[i], "S1", s.First.Estimate, s.First),
            new SensitivityIndex(names[i], "ST", s.Total.Estimate, s.Total),
        })];
    }
}
