using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace EcoSim.Model.Numerics;

/// <summary>
/// Four lanes of 256 bits (AVX2 where the CPU has it, the runtime's software vectors otherwise): the width every CPU runs.
/// </summary>
public struct FourLanes : ILanes<FourLanes>
{
    /// <summary>The lanes. Each operation is one small inlinee that reinterprets its result in place (no constructor
    /// call), so the kernel's large methods stay within the JIT's inlining budget (docs/PERFORMANCE.md, section 27).</summary>
    public Vector256<double> Value;

    /// <summary>Wraps <paramref name="value"/>.</summary>
    public FourLanes(Vector256<double> value) => Value = value;

    /// <summary>The lanes of <paramref name="value"/> as this type: a reinterpretation the JIT expands in place.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static FourLanes Of(Vector256<double> value) => Unsafe.BitCast<Vector256<double>, FourLanes>(value);

    /// <inheritdoc/>
    public static int Count => 4;
    /// <inheritdoc/>
    public static FourLanes Zero => Of(Vector256<double>.Zero);
    /// <inheritdoc/>
    public static FourLanes One => Of(Vector256<double>.One);
    /// <inheritdoc/>
    public static FourLanes Ramp => Of(Vector256.Create(0.0, 1, 2, 3));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static FourLanes Create(double value) => Of(Vector256.Create(value));
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static FourLanes CreateBits(ulong bits) => Of(Vector256.Create(bits).AsDouble());
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static FourLanes Load(ReadOnlySpan<double> values) => Of(Vector256.Create<double>(values));
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static FourLanes LoadBits(ReadOnlySpan<long> values) => Of(Vector256.Create<long>(values).AsDouble());
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static FourLanes Gather(ReadOnlySpan<double> table, ReadOnlySpan<int> indices) =>
        Of(Vector256.Create(table[indices[0]], table[indices[1]], table[indices[2]], table[indices[3]]));
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static void Store(FourLanes lanes, Span<double> destination) => Unsafe.BitCast<FourLanes, Vector256<double>>(lanes).CopyTo(destination);
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static double GetElement(FourLanes lanes, int lane) => Unsafe.BitCast<FourLanes, Vector256<double>>(lanes).GetElement(lane);
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static ulong GetBits(FourLanes lanes, int lane) => Unsafe.BitCast<FourLanes, Vector256<double>>(lanes).AsUInt64().GetElement(lane);
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static FourLanes WithElement(FourLanes lanes, int lane, double value) => Of(Unsafe.BitCast<FourLanes, Vector256<double>>(lanes).WithElement(lane, value));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static FourLanes operator +(FourLanes a, FourLanes b) => Of(Unsafe.BitCast<FourLanes, Vector256<double>>(a) + Unsafe.BitCast<FourLanes, Vector256<double>>(b));
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static FourLanes operator -(FourLanes a, FourLanes b) => Of(Unsafe.BitCast<FourLanes, Vector256<double>>(a) - Unsafe.BitCast<FourLanes, Vector256<double>>(b));
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static FourLanes operator *(FourLanes a, FourLanes b) => Of(Unsafe.BitCast<FourLanes, Vector256<double>>(a) * Unsafe.BitCast<FourLanes, Vector256<double>>(b));
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static FourLanes operator /(FourLanes a, FourLanes b) => Of(Unsafe.BitCast<FourLanes, Vector256<double>>(a) / Unsafe.BitCast<FourLanes, Vector256<double>>(b));
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static FourLanes operator -(FourLanes a) => Of(-Unsafe.BitCast<FourLanes, Vector256<double>>(a));
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static FourLanes operator &(FourLanes a, FourLanes b) => Of(Unsafe.BitCast<FourLanes, Vector256<double>>(a) & Unsafe.BitCast<FourLanes, Vector256<double>>(b));
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static FourLanes operator |(FourLanes a, FourLanes b) => Of(Unsafe.BitCast<FourLanes, Vector256<double>>(a) | Unsafe.BitCast<FourLanes, Vector256<double>>(b));
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static FourLanes operator ^(FourLanes a, FourLanes b) => Of(Unsafe.BitCast<FourLanes, Vector256<double>>(a) ^ Unsafe.BitCast<FourLanes, Vector256<double>>(b));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static FourLanes FusedMultiplyAdd(FourLanes a, FourLanes b, FourLanes c) => Of(Vector256.FusedMultiplyAdd(Unsafe.BitCast<FourLanes, Vector256<double>>(a), Unsafe.BitCast<FourLanes, Vector256<double>>(b), Unsafe.BitCast<FourLanes, Vector256<double>>(c)));
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static FourLanes Max(FourLanes a, FourLanes b) => Of(Vector256.Max(Unsafe.BitCast<FourLanes, Vector256<double>>(a), Unsafe.BitCast<FourLanes, Vector256<double>>(b)));
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static FourLanes MaxNative(FourLanes a, FourLanes b) => Of(Vector256.MaxNative(Unsafe.BitCast<FourLanes, Vector256<double>>(a), Unsafe.BitCast<FourLanes, Vector256<double>>(b)));
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static FourLanes Abs(FourLanes a) => Of(Vector256.Abs(Unsafe.BitCast<FourLanes, Vector256<double>>(a)));
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static FourLanes Round(FourLanes a) => Of(Vector256.Round(Unsafe.BitCast<FourLanes, Vector256<double>>(a)));
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static FourLanes Floor(FourLanes a) => Of(Vector256.Floor(Unsafe.BitCast<FourLanes, Vector256<double>>(a)));
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static FourLanes Sqrt(FourLanes a) => Of(Vector256.Sqrt(Unsafe.BitCast<FourLanes, Vector256<double>>(a)));
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static FourLanes ConditionalSelect(FourLanes mask, FourLanes whereSet, FourLanes otherwise) => Of(Vector256.ConditionalSelect(Unsafe.BitCast<FourLanes, Vector256<double>>(mask), Unsafe.BitCast<FourLanes, Vector256<double>>(whereSet), Unsafe.BitCast<FourLanes, Vector256<double>>(otherwise)));
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static FourLanes AndNot(FourLanes a, FourLanes b) => Of(Vector256.AndNot(Unsafe.BitCast<FourLanes, Vector256<double>>(a), Unsafe.BitCast<FourLanes, Vector256<double>>(b)));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static FourLanes Equals(FourLanes a, FourLanes b) => Of(Vector256.Equals(Unsafe.BitCast<FourLanes, Vector256<double>>(a), Unsafe.BitCast<FourLanes, Vector256<double>>(b)));
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static FourLanes LessThan(FourLanes a, FourLanes b) => Of(Vector256.LessThan(Unsafe.BitCast<FourLanes, Vector256<double>>(a), Unsafe.BitCast<FourLanes, Vector256<double>>(b)));
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static FourLanes LessThanOrEqual(FourLanes a, FourLanes b) => Of(Vector256.LessThanOrEqual(Unsafe.BitCast<FourLanes, Vector256<double>>(a), Unsafe.BitCast<FourLanes, Vector256<double>>(b)));
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static FourLanes GreaterThan(FourLanes a, FourLanes b) => Of(Vector256.GreaterThan(Unsafe.BitCast<FourLanes, Vector256<double>>(a), Unsafe.BitCast<FourLanes, Vector256<double>>(b)));
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static FourLanes GreaterThanOrEqual(FourLanes a, FourLanes b) => Of(Vector256.GreaterThanOrEqual(Unsafe.BitCast<FourLanes, Vector256<double>>(a), Unsafe.BitCast<FourLanes, Vector256<double>>(b)));
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static bool EqualsAll(FourLanes a, FourLanes b) => Vector256.EqualsAll(Unsafe.BitCast<FourLanes, Vector256<double>>(a), Unsafe.BitCast<FourLanes, Vector256<double>>(b));
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static bool LessThanAll(FourLanes a, FourLanes b) => Vector256.LessThanAll(Unsafe.BitCast<FourLanes, Vector256<double>>(a), Unsafe.BitCast<FourLanes, Vector256<double>>(b));
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static bool LessThanOrEqualAll(FourLanes a, FourLanes b) => Vector256.LessThanOrEqualAll(Unsafe.BitCast<FourLanes, Vector256<double>>(a), Unsafe.BitCast<FourLanes, Vector256<double>>(b));
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static bool GreaterThanAll(FourLanes a, FourLanes b) => Vector256.GreaterThanAll(Unsafe.BitCast<FourLanes, Vector256<double>>(a), Unsafe.BitCast<FourLanes, Vector256<double>>(b));
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static bool GreaterThanOrEqualAll(FourLanes a, FourLanes b) => Vector256.GreaterThanOrEqualAll(Unsafe.BitCast<FourLanes, Vector256<double>>(a), Unsafe.BitCast<FourLanes, Vector256<double>>(b));
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static uint MostSignificantBits(FourLanes a) => (uint)Unsafe.BitCast<FourLanes, Vector256<double>>(a).ExtractMostSignificantBits();
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static FourLanes Mask(uint bits)
    {
        var lanes = Vector256.Create(1L, 2, 4, 8);
        return Of(Vector256.Equals(Vector256.Create((long)bits) & lanes, lanes).AsDouble());
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static FourLanes AddBits(FourLanes a, FourLanes b) => Of((Unsafe.BitCast<FourLanes, Vector256<double>>(a).AsUInt64() + Unsafe.BitCast<FourLanes, Vector256<double>>(b).AsUInt64()).AsDouble());
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static FourLanes SubtractBits(FourLanes a, FourLanes b) => Of((Unsafe.BitCast<FourLanes, Vector256<double>>(a).AsUInt64() - Unsafe.BitCast<FourLanes, Vector256<double>>(b).AsUInt64()).AsDouble());
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static FourLanes ShiftLeftBits(FourLanes a, int count) => Of(Vector256.ShiftLeft(Unsafe.BitCast<FourLanes, Vector256<double>>(a).AsUInt64(), count).AsDouble());
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static FourLanes ShiftRightLogicalBits(FourLanes a, int count) => Of(Vector256.ShiftRightLogical(Unsafe.BitCast<FourLanes, Vector256<double>>(a).AsUInt64(), count).AsDouble());
    /// <summary>
    /// One ISA instruction where the CPU has it (it reads only the lower halves), otherwise the 64-bit multiply of the
    /// masked lanes, exact because both factors are below 2^32.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static FourLanes Multiply32(uint m, FourLanes b) => Of((Avx2.IsSupported ? Avx2.Multiply(Vector256.Create((ulong)m).AsUInt32(), Unsafe.BitCast<FourLanes, Vector256<double>>(b).AsUInt32()) : Vector256.Create((ulong)m) * (Unsafe.BitCast<FourLanes, Vector256<double>>(b).AsUInt64() & Vector256.Create(0xFFFF_FFFFUL))).AsDouble());
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static FourLanes ConvertBitsToDouble(FourLanes a) => Of(Vector256.ConvertToDouble(Unsafe.BitCast<FourLanes, Vector256<double>>(a).AsUInt64()));
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<long> FoldBitsToFour(FourLanes a) => Unsafe.BitCast<FourLanes, Vector256<double>>(a).AsInt64();

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Below(ReadOnlySpan<int> values, int bound) => (uint)Vector128.LessThan(Vector128.Create<int>(values), Vector128.Create(bound)).ExtractMostSignificantBits();
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint EqualTo(ReadOnlySpan<int> values, int value) => (uint)Vector128.Equals(Vector128.Create<int>(values), Vector128.Create(value)).ExtractMostSignificantBits();
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Increment(Span<int> values, uint bits)
    {
        var lanes = Vector128.Create(1, 2, 4, 8);
        (Vector128.Create<int>(values) - Vector128.Equals(Vector128.Create((int)bits) & lanes, lanes)).CopyTo(values); // minus -1 where set
    }
}
