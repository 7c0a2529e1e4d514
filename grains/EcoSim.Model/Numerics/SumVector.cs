namespace EcoSim.Model.Numerics;

/// <summary>
/// A fixed-length vector of <see cref="ExactSum"/>s, the shape of every report that partitions of
/// agents send up to be merged. Merging is exact, associative and commutative.
/// </summary>
public sealed class SumVector
{
    private readonly Int128[] _raw;

    /// <summary>A zero vector of <paramref name="length"/> sums.</summary>
    public SumVector(int length) => _raw = new Int128[length];

    /// <summary>Wraps raw fixed-point totals (used by serializers).</summary>
    public SumVector(Int128[] raw) => _raw = raw;

    /// <summary>Number of sums.</summary>
    public int Length => _raw.Length;

    /// <summary>The raw fixed-point totals (used by serializers).</summary>
    public ReadOnlySpan<Int128> Raw => _raw;

    /// <summary>Adds a term to sum <paramref name="slot"/>.</summary>
    public void Add(int slot, double term) => _raw[slot] = checked(_raw[slot] + ExactSum.RawOf(term));

    /// <summary>Adds a raw fixed-point total to sum <paramref name="slot"/>.</summary>
    public void AddRaw(int slot, Int128 raw) => _raw[slot] = checked(_raw[slot] + raw);

    /// <summary>Adds a whole number to sum <paramref name="slot"/>.</summary>
    public void AddCount(int slot, long count) => _raw[slot] = checked(_raw[slot] + ((Int128)count << ExactSum.FractionBits));

    /// <summary>The total of sum <paramref name="slot"/> as the nearest double.</summary>
    public double this[int slot] => new ExactSum(_raw[slot]).Value;

    /// <summary>Adds every sum of <paramref name="other"/> into this vector.</summary>
    public void Merge(SumVector other)
    {
        if (other._raw.Length != _raw.Length) throw new ArgumentException("sum vectors differ in length", nameof(other));
        for (int i = 0; i < _raw.Length; i++) _raw[i] = checked(_raw[i] + other._raw[i]);
    }

    /// <summary>True when both vectors hold the same totals.</summary>
    public bool SameAs(SumVector other) => _raw.AsSpan().SequenceEqual(other._raw);
}
