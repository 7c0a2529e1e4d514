namespace EcoSim.Model.Numerics;

/// <summary>
/// The lane arithmetic the firm kernel is written in, for one vector width: <see cref="FourLanes"/> (256 bits) or
/// <see cref="EightLanes"/> (512 bits, where the CPU has AVX-512). Every member is one IEEE operation in each lane
/// (a fused multiply-add stays one), so code written once against this interface gives each lane the same bits at
/// either width; only how many firms share an instruction changes. The "bits" members read the same lanes as
/// 64-bit integers (the random words, the exponent tricks of <see cref="ModelMathVector"/>, the exact sums).
/// </summary>
/// <typeparam name="TSelf">The width's own type.</typeparam>
public interface ILanes<TSelf> where TSelf : struct, ILanes<TSelf>
{
    /// <summary>How many lanes: 4 or 8.</summary>
    static abstract int Count { get; }
    /// <summary>Zero in every lane.</summary>
    static abstract TSelf Zero { get; }
    /// <summary>One in every lane.</summary>
    static abstract TSelf One { get; }
    /// <summary>0, 1, 2, ... in the lanes.</summary>
    static abstract TSelf Ramp { get; }

    /// <summary><paramref name="value"/> in every lane.</summary>
    static abstract TSelf Create(double value);
    /// <summary>The 64-bit pattern <paramref name="bits"/> in every lane.</summary>
    static abstract TSelf CreateBits(ulong bits);
    /// <summary>The first <see cref="Count"/> values of <paramref name="values"/>.</summary>
    static abstract TSelf Load(ReadOnlySpan<double> values);
    /// <summary>The first <see cref="Count"/> values of <paramref name="values"/>, as bits.</summary>
    static abstract TSelf LoadBits(ReadOnlySpan<long> values);
    /// <summary>table[indices[k]] in lane k (every index in range).</summary>
    static abstract TSelf Gather(ReadOnlySpan<double> table, ReadOnlySpan<int> indices);
    // The members that read or write single lanes are static and take their vector by value: an instance call would
    // take the address of the caller's local and keep it in memory for its whole life (docs/PERFORMANCE.md, section 27).
    /// <summary>Writes the lanes of <paramref name="lanes"/> to the first <see cref="Count"/> slots of <paramref name="destination"/>.</summary>
    static abstract void Store(TSelf lanes, Span<double> destination);
    /// <summary>Lane <paramref name="lane"/> of <paramref name="lanes"/>.</summary>
    static abstract double GetElement(TSelf lanes, int lane);
    /// <summary>Lane <paramref name="lane"/> of <paramref name="lanes"/> as bits.</summary>
    static abstract ulong GetBits(TSelf lanes, int lane);
    /// <summary>A copy of <paramref name="lanes"/> with lane <paramref name="lane"/> replaced by <paramref name="value"/>.</summary>
    static abstract TSelf WithElement(TSelf lanes, int lane, double value);

    /// <summary>Lane-wise sum.</summary>
    static abstract TSelf operator +(TSelf a, TSelf b);
    /// <summary>Lane-wise difference.</summary>
    static abstract TSelf operator -(TSelf a, TSelf b);
    /// <summary>Lane-wise product.</summary>
    static abstract TSelf operator *(TSelf a, TSelf b);
    /// <summary>Lane-wise quotient.</summary>
    static abstract TSelf operator /(TSelf a, TSelf b);
    /// <summary>Lane-wise negation.</summary>
    static abstract TSelf operator -(TSelf a);
    /// <summary>Bitwise and.</summary>
    static abstract TSelf operator &(TSelf a, TSelf b);
    /// <summary>Bitwise or.</summary>
    static abstract TSelf operator |(TSelf a, TSelf b);
    /// <summary>Bitwise exclusive or.</summary>
    static abstract TSelf operator ^(TSelf a, TSelf b);

    /// <summary>a * b + c rounded once.</summary>
    static abstract TSelf FusedMultiplyAdd(TSelf a, TSelf b, TSelf c);
    /// <summary>The larger, as <see cref="Math.Max(double, double)"/> (NaN propagates, +0 above -0).</summary>
    static abstract TSelf Max(TSelf a, TSelf b);
    /// <summary>The instruction set's own maximum (may differ from <see cref="Max"/> only for NaN and signed zeros).</summary>
    static abstract TSelf MaxNative(TSelf a, TSelf b);
    /// <summary>Magnitude.</summary>
    static abstract TSelf Abs(TSelf a);
    /// <summary>Round half to even.</summary>
    static abstract TSelf Round(TSelf a);
    /// <summary>Round down.</summary>
    static abstract TSelf Floor(TSelf a);
    /// <summary>Correctly rounded square root.</summary>
    static abstract TSelf Sqrt(TSelf a);
    /// <summary>Bits of <paramref name="whereSet"/> where <paramref name="mask"/> is set, else of <paramref name="otherwise"/>.</summary>
    static abstract TSelf ConditionalSelect(TSelf mask, TSelf whereSet, TSelf otherwise);
    /// <summary>a and not b.</summary>
    static abstract TSelf AndNot(TSelf a, TSelf b);

    /// <summary>All ones where a == b.</summary>
    static abstract TSelf Equals(TSelf a, TSelf b);
    /// <summary>All ones where a &lt; b.</summary>
    static abstract TSelf LessThan(TSelf a, TSelf b);
    /// <summary>All ones where a &lt;= b.</summary>
    static abstract TSelf LessThanOrEqual(TSelf a, TSelf b);
    /// <summary>All ones where a &gt; b.</summary>
    static abstract TSelf GreaterThan(TSelf a, TSelf b);
    /// <summary>All ones where a &gt;= b.</summary>
    static abstract TSelf GreaterThanOrEqual(TSelf a, TSelf b);
    /// <summary>a == b in every lane.</summary>
    static abstract bool EqualsAll(TSelf a, TSelf b);
    /// <summary>a &lt; b in every lane.</summary>
    static abstract bool LessThanAll(TSelf a, TSelf b);
    /// <summary>a &lt;= b in every lane.</summary>
    static abstract bool LessThanOrEqualAll(TSelf a, TSelf b);
    /// <summary>a &gt; b in every lane.</summary>
    static abstract bool GreaterThanAll(TSelf a, TSelf b);
    /// <summary>a &gt;= b in every lane.</summary>
    static abstract bool GreaterThanOrEqualAll(TSelf a, TSelf b);
    /// <summary>Bit k set where lane k's sign bit is (a mask's lanes, one bit each).</summary>
    static abstract uint MostSignificantBits(TSelf a);
    /// <summary>All ones in lane k where bit k of <paramref name="bits"/> is set.</summary>
    static abstract TSelf Mask(uint bits);

    /// <summary>64-bit integer sum of the bits (wrapping).</summary>
    static abstract TSelf AddBits(TSelf a, TSelf b);
    /// <summary>64-bit integer difference of the bits (wrapping).</summary>
    static abstract TSelf SubtractBits(TSelf a, TSelf b);
    /// <summary>The bits shifted left by <paramref name="count"/>.</summary>
    static abstract TSelf ShiftLeftBits(TSelf a, int count);
    /// <summary>The bits shifted right by <paramref name="count"/>, zeros in.</summary>
    static abstract TSelf ShiftRightLogicalBits(TSelf a, int count);
    /// <summary>The 64-bit product of <paramref name="m"/> and each lane's lower 32 bits (exact).</summary>
    static abstract TSelf Multiply32(uint m, TSelf b);
    /// <summary>Each lane's bits read as an unsigned integer, converted to the nearest double.</summary>
    static abstract TSelf ConvertBitsToDouble(TSelf a);
    /// <summary>The lanes' bits as 64-bit integers folded onto four lanes by integer addition (exact, for the order-free sums).</summary>
    static abstract System.Runtime.Intrinsics.Vector256<long> FoldBitsToFour(TSelf a);

    /// <summary>Bit k set where int k of <paramref name="values"/> is below <paramref name="bound"/>.</summary>
    static abstract uint Below(ReadOnlySpan<int> values, int bound);
    /// <summary>Bit k set where int k of <paramref name="values"/> equals <paramref name="value"/>.</summary>
    static abstract uint EqualTo(ReadOnlySpan<int> values, int value);
    /// <summary>Adds one to int k of <paramref name="values"/> where bit k of <paramref name="bits"/> is set.</summary>
    static abstract void Increment(Span<int> values, uint bits);
}
