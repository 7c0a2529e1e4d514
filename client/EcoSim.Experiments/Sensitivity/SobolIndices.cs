namespace EcoSim.Experiments.Sensitivity;

/// <summary>One parameter's Sobol indices with their 90% bootstrap intervals.</summary>
/// <param name="First">The first-order index S_i: the share of the output's variance that the parameter explains alone.</param>
/// <param name="Total">The total index ST_i: the share it explains alone and through its interactions with the others.</param>
public sealed record SobolIndex(Interval First, Interval Total);

/// <summary>
/// First-order and total Sobol indices from the outputs at the points of a <see cref="SaltelliDesign"/>.
/// With f_A, f_B and f_ABi the outputs at row j of A, B and AB_i, and V the variance of the 2N outputs
/// of A and B together:
/// S_i = mean(f_B (f_ABi - f_A)) / V (Saltelli et al. 2010, table 2, estimator (b));
/// ST_i = mean((f_A - f_ABi)^2) / (2V) (Jansen, "Analysis of variance designs for model output",
/// Comput. Phys. Commun. 117, 35-43, 1999). Intervals resample the N rows (each row's k + 2 outputs
/// together) by <see cref="Bootstrap"/>. Sums run over the rows in order, so the same outputs give the
/// same bytes.
/// </summary>
public static class SobolIndices
{
    /// <summary>The indices of each parameter of <paramref name="design"/> from <paramref name="outputs"/> (one per point, in the design's order); <paramref name="seed"/> draws the bootstrap resamples.</summary>
    /// <exception cref="ArgumentException">The number of outputs is not the number of points.</exception>
    public static IReadOnlyList<SobolIndex> Estimate(SaltelliDesign design, IReadOnlyList<double> outputs, ulong seed)
    {
        if (outputs.Count != design.Points.Count) throw new ArgumentException($"{outputs.Count} outputs for {design.Points.Count} design points", nameof(outputs));
        int k = design.Parameters;
        var intervals = Bootstrap.Intervals(design.Samples, 2 * k, seed, rows => Indices(design, outputs, rows));
        return [.. Enumerable.Range(0, k).Select(i => new SobolIndex(intervals[i], intervals[k + i]))];
    }

    /// <summary>S_1..S_k then ST_1..ST_k from the listed rows; 0 for all when the output does not vary.</summary>
    private static double[] Indices(SaltelliDesign design, IReadOnlyList<double> outputs, int[] rows)
    {
        int k = design.Parameters;
        double n = rows.Length;
        double sum = 0;
        foreach (int j in rows) sum += outputs[design.IndexOfA(j)] + outputs[design.IndexOfB(j)];
        double mean = sum / (2 * n);
        double squares = 0;
        foreach (int j in rows)
        {
            double a = outputs[design.IndexOfA(j)] - mean, b = outputs[design.IndexOfB(j)] - mean;
            squares += a * a + b * b;
        }
        double variance = squares / (2 * n);
        var result = new double[2 * k];
        if (!(variance > 0)) return result;
        for (int i = 0; i < k; i++)
        {
            double first = 0, total = 0;
            foreach (int j in rows)
            {
                double fa = outputs[design.IndexOfA(j)], fb = outputs[design.IndexOfB(j)], fab = outputs[design.IndexOfAB(i, j)];
                first += fb * (fab - fa);
                total += (fa - fab) * (fa - fab);
            }
            result[i] = first / n / variance;
            result[k + i] = total / (2 * n) / variance;
        }
        return result;
    }
}
