using System.Numerics;

namespace EcoSim.Experiments.Sensitivity;

/// <summary>
/// A scrambled Sobol low-discrepancy sequence in [0, 1)^d with 32-bit digits, the direction numbers
/// from <see cref="JoeKuoDirectionNumbers"/>. Point i is the XOR of the direction numbers picked by the
/// bits of i's Gray code, so any point is computed directly, without stepping through the ones before.
/// Scrambling is Matoušek's linear matrix scramble with a digital shift (as in SciPy's
/// <c>scipy.stats.qmc.Sobol</c>): per dimension, a random lower-triangular binary matrix with a unit
/// diagonal multiplies every direction number and a random 32-bit word is XORed onto every point. It
/// keeps the sequence's balance (each of the first 2^m points still falls once into each of 2^m
/// elementary intervals per dimension) and removes the unscrambled sequence's artefacts (its first point
/// at the origin, the alignment of early dimensions), and makes estimates from it unbiased. The
/// scramble is drawn from <see cref="DesignRandom"/>, so the same seed gives the same points.
/// </summary>
public sealed class SobolSequence
{
    private const int Bits = 32;
    private readonly uint[][] _directions;
    private readonly uint[] _shifts;

    /// <summary>The sequence in <paramref name="dimensions"/> dimensions, scrambled with <paramref name="seed"/>, or unscrambled when <paramref name="seed"/> is null.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Fewer than 1 or more than <see cref="MaxDimensions"/> dimensions.</exception>
    public SobolSequence(int dimensions, ulong? seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(dimensions, MaxDimensions);
        Dimensions = dimensions;
        _directions = [.. Enumerable.Range(0, dimensions).Select(DirectionNumbers)];
        _shifts = new uint[dimensions];
        if (seed is not { } s) return;
        var random = new DesignRandom(s);
        for (int d = 0; d < dimensions; d++)
        {
            _directions[d] = Scramble(_directions[d], random, d);
            _shifts[d] = random.Bits(DesignRandom.Use.ScrambleShift, d, 0);
        }
    }

    /// <summary>Most dimensions the direction-number table covers.</summary>
    public static int MaxDimensions => JoeKuoDirectionNumbers.Dimensions;

    /// <summary>The number of coordinates of each point.</summary>
    public int Dimensions { get; }

    /// <summary>Point <paramref name="index"/> (from 0), written into <paramref name="point"/> (length <see cref="Dimensions"/>).</summary>
    public void Point(uint index, Span<double> point)
    {
        uint gray = index ^ (index >> 1);
        for (int d = 0; d < Dimensions; d++)
        {
            uint x = _shifts[d];
            for (uint g = gray; g != 0; g &= g - 1) x ^= _directions[d][BitOperations.TrailingZeroCount(g)];
            point[d] = x * (1.0 / 4294967296.0);
        }
    }

    /// <summary>The first <paramref name="count"/> points, one row each.</summary>
    public double[][] Points(int count)
    {
        var rows = new double[count][];
        for (int i = 0; i < count; i++) Point((uint)i, rows[i] = new double[Dimensions]);
        return rows;
    }

    /// <summary>The 32 direction numbers v_1..v_32 of dimension <paramref name="dimension"/> (from 0), as 32-bit binary fractions.</summary>
    private static uint[] DirectionNumbers(int dimension)
    {
        var v = new uint[Bits];
        if (dimension == 0)
        {
            for (int j = 0; j < Bits; j++) v[j] = 1u << (Bits - 1 - j);
            return v;
        }
        var (a, m) = (JoeKuoDirectionNumbers.Rows[dimension - 1].A, JoeKuoDirectionNumbers.Rows[dimension - 1].M);
        int s = m.Length;
        for (int j = 0; j < Math.Min(s, Bits); j++) v[j] = m[j] << (Bits - 1 - j);
        for (int j = s; j < Bits; j++)
        {
            uint next = v[j - s] ^ (v[j - s] >> s);
            for (int k = 1; k < s; k++)
                if (((a >> (s - 1 - k)) & 1) != 0) next ^= v[j - k];
            v[j] = next;
        }
        return v;
    }

    /// <summary>
    /// Multiplies each direction number, a column of 32 binary digits (the most significant first), by a
    /// random lower-triangular matrix with a unit diagonal: output digit r is digit r plus a random
    /// combination of the digits before it, modulo 2.
    /// </summary>
    private static uint[] Scramble(uint[] directions, DesignRandom random, int dimension)
    {
        var rows = new uint[Bits];
        for (int r = 0; r < Bits; r++)
        {
            uint diagonal = 1u << (Bits - 1 - r);
            uint above = r == 0 ? 0 : ~((diagonal << 1) - 1);
            rows[r] = diagonal | (random.Bits(DesignRandom.Use.ScrambleMatrix, dimension, r) & above);
        }
        var scrambled = new uint[Bits];
        for (int j = 0; j < Bits; j++)
        {
            uint x = 0;
            for (int r = 0; r < Bits; r++)
                if ((BitOperations.PopCount(rows[r] & directions[j]) & 1) != 0) x |= 1u << (Bits - 1 - r);
            scrambled[j] = x;
        }
        return scrambled;
    }
}
