namespace EcoSim.Experiments.Sensitivity;

/// <summary>
/// Saltelli's design for first-order and total Sobol indices (Saltelli et al., "Variance based
/// sensitivity analysis of model output", Comput. Phys. Commun. 181, 259-270, 2010): two N x k matrices
/// A and B, the first and last k coordinates of the first N points of a 2k-dimensional scrambled
/// <see cref="SobolSequence"/>, and for each parameter i the matrix AB_i, which is A with column i taken
/// from B. N (k + 2) points in the unit cube, listed block by block: A, B, AB_1, ..., AB_k; the caller
/// maps each coordinate onto its parameter's range. N must be a power of two so that the points keep the
/// sequence's balance.
/// </summary>
public sealed class SaltelliDesign
{
    /// <summary>The design for <paramref name="parameters"/> parameters and base sample <paramref name="samples"/>, scrambled with <paramref name="seed"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Too few or too many parameters, or N not a power of two in range.</exception>
    public SaltelliDesign(int parameters, int samples, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(parameters, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(parameters, SensitivityLimits.MaxParameters);
        if (!IsValidSamples(samples)) throw new ArgumentOutOfRangeException(nameof(samples), samples, $"N must be a power of two from 2 to {SensitivityLimits.MaxSamples}");
        (Parameters, Samples, Seed) = (parameters, samples, seed);
        var sobol = new SobolSequence(2 * parameters, seed).Points(samples);
        var points = new double[samples * (parameters + 2)][];
        for (int j = 0; j < samples; j++)
        {
            var a = sobol[j][..parameters];
            var b = sobol[j][parameters..];
            points[j] = a;
            points[samples + j] = b;
            for (int i = 0; i < parameters; i++)
            {
                var ab = (double[])a.Clone();
                ab[i] = b[i];
                points[(2 + i) * samples + j] = ab;
            }
        }
        Points = points;
    }

    /// <summary>Whether <paramref name="samples"/> is a base sample the design accepts: a power of two from 2 to <see cref="SensitivityLimits.MaxSamples"/>.</summary>
    public static bool IsValidSamples(int samples) => samples >= 2 && samples <= SensitivityLimits.MaxSamples && (samples & (samples - 1)) == 0;

    /// <summary>The number of parameters, k.</summary>
    public int Parameters { get; }

    /// <summary>The base sample, N.</summary>
    public int Samples { get; }

    /// <summary>The scrambling seed.</summary>
    public ulong Seed { get; }

    /// <summary>All N (k + 2) points in the unit cube, in the order A, B, AB_1, ..., AB_k.</summary>
    public IReadOnlyList<double[]> Points { get; }

    /// <summary>The index in <see cref="Points"/> of row <paramref name="row"/> of A.</summary>
    public int IndexOfA(int row) => row;

    /// <summary>The index in <see cref="Points"/> of row <paramref name="row"/> of B.</summary>
    public int IndexOfB(int row) => Samples + row;

    /// <summary>The index in <see cref="Points"/> of row <paramref name="row"/> of AB_<paramref name="parameter"/> (from 0).</summary>
    public int IndexOfAB(int parameter, int row) => (2 + parameter) * Samples + row;
}
