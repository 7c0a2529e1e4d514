using System.Numerics;
using EcoSim.Model.Numerics;
using EcoSim.Model.Randomness;

namespace EcoSim.Model.Tests.Numerics;

/// <summary>
/// <see cref="ExactSum"/> and <see cref="SumVector"/>: order- and grouping-free totals, checked against an
/// exact BigInteger oracle.
/// </summary>
public class ExactSumTests
{
    private const int Terms = 10_000;
    /// <summary>Oracle scale: every test term (|x| >= 1e-6 > 2^-20, 53-bit mantissa) is a whole multiple of 2^-73.</summary>
    private const int OracleBits = 80;

    /// <summary>10,000 doubles with magnitudes log-uniform over 1e-6..1e12 and random signs.</summary>
    private static double[] MixedTerms(ulong seed = 11)
    {
        var s = new RandomStream(seed, 1, 0, RandomPurpose.FirmInit);
        var x = new double[Terms];
        for (int i = 0; i < Terms; i++)
        {
            double magnitude = Math.Pow(10, -6 + 18 * s.NextDouble());
            x[i] = s.NextDouble() < 0.5 ? -magnitude : magnitude;
        }
        return x;
    }

    private static void Shuffle<T>(T[] items, ulong seed)
    {
        var s = new RandomStream(seed, 2, 0, RandomPurpose.Entry);
        for (int i = items.Length - 1; i > 0; i--)
        {
            int j = (int)(s.NextUInt64() % (ulong)(i + 1));
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    /// <summary>x * 2^bits as an exact integer; fails if x is not a whole multiple of 2^-bits.</summary>
    private static BigInteger Scaled(double x, int bits)
    {
        long raw = BitConverter.DoubleToInt64Bits(x);
        int exponent = (int)((raw >> 52) & 0x7FF);
        long mantissa = raw & 0xFFFFFFFFFFFFFL;
        if (exponent == 0) exponent = 1; else mantissa |= 1L << 52;
        int shift = exponent - 1075 + bits; // x = mantissa * 2^(exponent - 1075)
        BigInteger value = mantissa;
        if (shift >= 0) value <<= shift;
        else
        {
            Assert.True((value & ((BigInteger.One << -shift) - 1)).IsZero, $"{x:R} is not a multiple of 2^-{bits}");
            value >>= -shift;
        }
        return raw < 0 ? -value : value;
    }

    /// <summary>Round(v / 2^shift), ties to even.</summary>
    private static BigInteger RoundHalfEven(BigInteger v, int shift)
    {
        var divisor = BigInteger.One << shift;
        var quotient = BigInteger.DivRem(BigInteger.Abs(v), divisor, out var remainder);
        var twice = remainder * 2;
        if (twice > divisor || (twice == divisor && !quotient.IsEven)) quotient += 1;
        return v.Sign < 0 ? -quotient : quotient;
    }

    private static ExactSum SumOf(IEnumerable<double> terms)
    {
        var sum = new ExactSum(0);
        foreach (double t in terms) sum = sum.Add(t);
        return sum;
    }

    [Fact]
    public void Raw_total_is_the_exact_sum_of_each_term_rounded_once_to_2_to_the_minus_40()
    {
        var x = MixedTerms();
        BigInteger expected = 0;
        foreach (double t in x) expected += RoundHalfEven(Scaled(t, OracleBits), OracleBits - ExactSum.FractionBits);
        Assert.Equal(expected, (BigInteger)SumOf(x).Raw);
    }

    [Fact]
    public void Total_is_identical_in_forward_reverse_and_shuffled_order()
    {
        var x = MixedTerms();
        // Guard: on these terms plain double summation does depend on the order.
        double forwardNaive = 0, reverseNaive = 0;
        foreach (double t in x) forwardNaive += t;
        foreach (double t in x.Reverse()) reverseNaive += t;
        Assert.NotEqual(forwardNaive, reverseNaive);

        var forward = SumOf(x);
        Assert.Equal(forward.Raw, SumOf(x.Reverse()).Raw);
        for (ulong seed = 1; seed <= 5; seed++)
        {
            var shuffled = (double[])x.Clone();
            Shuffle(shuffled, seed);
            Assert.Equal(forward.Raw, SumOf(shuffled).Raw);
            Assert.Equal(BitConverter.DoubleToInt64Bits(forward.Value), BitConverter.DoubleToInt64Bits(SumOf(shuffled).Value));
        }
    }

    [Fact]
    public void Total_is_identical_for_any_split_into_partial_sums_merged_in_any_order()
    {
        var x = MixedTerms();
        var whole = SumOf(x);
        var vector = new SumVector(3);
        foreach (double t in x) { vector.Add(0, t); vector.Add(2, -t); }
        for (ulong seed = 1; seed <= 8; seed++)
        {
            var s = new RandomStream(seed, 3, 0, RandomPurpose.Entry);
            // Random cut points give parts of random, uneven sizes (some may be empty).
            int parts = 2 + (int)(s.NextUInt64() % 30);
            var cuts = Enumerable.Range(0, parts - 1).Select(_ => (int)(s.NextUInt64() % (Terms + 1))).Append(0).Append(Terms).Order().ToArray();
            var partials = new List<ExactSum>();
            var vectors = new List<SumVector>();
            for (int k = 0; k + 1 < cuts.Length; k++)
            {
                var slice = x[cuts[k]..cuts[k + 1]];
                partials.Add(SumOf(slice));
                var v = new SumVector(3);
                foreach (double t in slice) { v.Add(0, t); v.Add(2, -t); }
                vectors.Add(v);
            }
            var order = Enumerable.Range(0, partials.Count).ToArray();
            Shuffle(order, seed + 100);
            var merged = new ExactSum(0);
            var mergedVector = new SumVector(3);
            foreach (int k in order) { merged += partials[k]; mergedVector.Merge(vectors[k]); }
            Assert.Equal(whole, merged);
            Assert.True(mergedVector.SameAs(vector), $"split {seed}: merged vector differs");
            Assert.Equal(whole.Raw, mergedVector.Raw[0]);
            Assert.Equal(-whole.Raw, mergedVector.Raw[2]);
            Assert.Equal(Int128.Zero, mergedVector.Raw[1]);
        }
    }

    [Fact]
    public void Value_is_within_2_to_the_minus_41_per_term_of_the_true_sum_plus_one_final_rounding()
    {
        var x = MixedTerms();
        var sum = SumOf(x);
        BigInteger truth = 0;
        foreach (double t in x) truth += Scaled(t, OracleBits);

        // Fixed point: each term is rounded once to the nearest 2^-40, an error of at most 2^-41,
        // so |Raw 2^-40 - true| <= n 2^-41 (in units of 2^-80: n 2^39).
        BigInteger fixedPointError = BigInteger.Abs(((BigInteger)sum.Raw << (OracleBits - ExactSum.FractionBits)) - truth);
        Assert.True(fixedPointError <= (BigInteger)Terms << 39, $"fixed-point error {fixedPointError} / 2^80");

        // Value: the raw total rounded once to the nearest double (error <= half an ulp of Value).
        double value = sum.Value;
        BigInteger halfUlp = (Scaled(Math.BitIncrement(Math.Abs(value)), OracleBits) - Scaled(Math.Abs(value), OracleBits)) / 2;
        BigInteger roundingError = BigInteger.Abs(Scaled(value, OracleBits) - ((BigInteger)sum.Raw << (OracleBits - ExactSum.FractionBits)));
        Assert.True(roundingError <= halfUlp, $"Value {value:R} is not the double nearest to the raw total");
        Assert.True(BigInteger.Abs(Scaled(value, OracleBits) - truth) <= ((BigInteger)Terms << 39) + halfUlp);
    }

    [Fact]
    public void Cancelling_terms_leave_exactly_the_small_remainder()
    {
        // x and -x round to exact opposites, so 10,000 large terms and their negatives cancel exactly,
        // leaving the sum of 100 small terms; the total is then small and Value is within n 2^-40 of it.
        var x = MixedTerms();
        var s = new RandomStream(5, 4, 0, RandomPurpose.Entry);
        var small = Enumerable.Range(0, 100).Select(_ => s.NextDouble() * 1e-3).ToArray();
        var all = x.Concat(x.Select(t => -t)).Concat(small).ToArray();
        Shuffle(all, 77);
        var total = SumOf(all);
        Assert.Equal(SumOf(small), total);
        double truth = 0;
        foreach (double t in small) truth += t; // 100 terms of <= 1e-3: double error ~1e-17, far below the bound
        Assert.True(Math.Abs(total.Value - truth) <= all.Length * Math.ScaleB(1, -40), $"{total.Value:R} vs {truth:R}");
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    [InlineData(1.2089258196146292E+24)]  // 2^80
    [InlineData(-1.2089258196146292E+24)] // -2^80
    [InlineData(1e30)]
    [InlineData(double.MaxValue)]
    public void NaN_infinite_and_too_large_terms_throw_ArithmeticException(double bad)
    {
        Assert.Throws<ArithmeticException>(() => ExactSum.Of(bad));
        Assert.Throws<ArithmeticException>(() => new ExactSum(0).Add(bad));
        var vector = new SumVector(1);
        Assert.Throws<ArithmeticException>(() => vector.Add(0, bad));
        Assert.Equal(Int128.Zero, vector.Raw[0]);
    }

    [Fact]
    public void Largest_allowed_term_is_exact()
    {
        double largest = Math.BitDecrement(Math.ScaleB(1, 80));
        Assert.Equal((BigInteger)largest << ExactSum.FractionBits, (BigInteger)ExactSum.Of(largest).Raw);
        Assert.Equal(largest, ExactSum.Of(largest).Value);
        Assert.Equal(-largest, ExactSum.Of(-largest).Value);
    }

    [Fact]
    public void Rounding_to_the_fixed_point_is_half_to_even()
    {
        double quantum = Math.ScaleB(1, -ExactSum.FractionBits);
        Assert.Equal(Int128.Zero, ExactSum.Of(0.5 * quantum).Raw);   // 0.5 -> 0
        Assert.Equal((Int128)2, ExactSum.Of(1.5 * quantum).Raw);     // 1.5 -> 2
        Assert.Equal((Int128)2, ExactSum.Of(2.5 * quantum).Raw);     // 2.5 -> 2
        Assert.Equal((Int128)(-2), ExactSum.Of(-2.5 * quantum).Raw); // -2.5 -> -2
        Assert.Equal(Int128.Zero, ExactSum.Of(1e-300).Raw);
    }

    [Fact]
    public void AddCount_equals_adding_the_same_whole_number()
    {
        var a = new SumVector(2);
        var b = new SumVector(2);
        a.AddCount(1, 123_456_789);
        b.Add(1, 123_456_789.0);
        Assert.True(a.SameAs(b));
        Assert.Equal(123_456_789.0, a[1]);
        Assert.Equal(0.0, a[0]);
    }

    [Fact]
    public void Merging_vectors_of_different_lengths_throws()
    {
        Assert.Throws<ArgumentException>(() => new SumVector(3).Merge(new SumVector(4)));
        Assert.False(new SumVector(3).SameAs(new SumVector(4)));
    }

    [Fact]
    public void Total_that_overflows_the_fixed_point_throws_rather_than_wrapping()
    {
        // Each term is below the documented 2^80 limit, but 200 of them total 2e26 * 2^40 = 2.2e38 > Int128.MaxValue (1.7e38).
        double term = 1e24;
        var sum = new ExactSum(0);
        var vector = new SumVector(1);
        bool threw = false;
        try
        {
            for (int i = 0; i < 200; i++) { sum = sum.Add(term); vector.Add(0, term); }
        }
        catch (ArithmeticException) { threw = true; }
        if (!threw)
        {
            // No exception: then the totals must be right.
            Assert.Equal(2e26, sum.Value, 2e26 * 1e-12);
            Assert.Equal(2e26, vector[0], 2e26 * 1e-12);
        }
    }
}
