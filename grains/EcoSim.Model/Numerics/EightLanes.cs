using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace EcoSim.Model.Numerics;

/// <summary>
/// Eight lanes of 512 bits, for CPUs with AVX-512 (<see cref="Vector512.IsHardwareAccelerated"/>): the same operations as <see cref="FourLanes"/> on twice the firms.
/// </summary>
public struct EightLanes : ILanes<EightLanes>
{
    /// <summary>The lanes. Each operation is one small inlinee that reinterprets its result in place (no constructor
    /// call), so the kernel's large methods stay within the JIT's inlining budget (docs/PERFORMANCE.md, section 27).</summary>
    public Vector512<double> Value;

    /// <summary>Wraps <paramref name="value"/>.</summary>
    public EightLanes(Vector512<double> value) => Value = value;

    /// <summary>The lanes of <paramref name="value"/> as this type: a reinterpretation the JIT expands in place.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static EightLanes Of(Vector512<double> value) => Unsafe.BitCast<Vector512<double>, EightLanes>(value);

    /// <inheritdoc/>
    public static int Count => 8;
    /// <inheritdoc/>
    public static EightLanes Zero => Of(Vector512<double>.Zero);
    /// <inheritdoc/>
    public static EightLanes One => Of(Vector512<double>.One);
    /// <inheritdoc/>
    public static EightLanes Ramp => Of(Vector512.Create(0.0, 1, 2, 3, 4, 5, 6, 7));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static EightLanes Create(double value) => Of(Vector512.Create(value));
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static EightLanes CreateBits(ulong bits) => Of(Vector512.Create(bits).AsDouble());
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static EightLanes Load(ReadOnlySpan<double> values) => Of(Vector512.Create<double>(values));
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static EightLanes LoadBits(ReadOnlySpan<long> values) => Of(Vector512.Create<long>(values).AsDouble());
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static EightLanes Gather(ReadOnlySpan<double> table, ReadOnlySpan<int> indices) =>
        Of(Vector512.Create(table[indices[0]], table[indices[1]], table[indices[2]], table[indices[3]],
        table[indices[4]], table[indices[5]], table[indices[6]], table[indices[7]]));
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static void Store(EightLanes lanes, Span<double> destination) => Unsafe.BitCast<EightLanes, Vector512<double>>(lanes).CopyTo(destination);
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static double GetElement(EightLanes lanes, int lane) => Unsafe.BitCast<EightLanes, Vector512<double>>(lanes).GetElement(lane);
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static ulong GetBits(EightLanes lanes, int lane) => Unsafe.BitCast<EightLanes, Vector512<double>>(lanes).AsUInt64().GetElement(lane);
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static EightLanes WithElement(EightLanes lanes, int lane, double value) => Of(Unsafe.BitCast<EightLanes, Vector512<double>>(lanes).WithElement(lane, value));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static EightLanes operator +(EightLanes a, EightLanes b) => Of(Unsafe.BitCast<EightLanes, Vector512<double>>(a) + Unsafe.BitCast<EightLanes, Vector512<double>>(b));
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static EightLanes operator -(EightLanes a, EightLanes b) => Of(Unsafe.BitCast<EightLanes, Vector512<double>>(a) - Unsafe.BitCast<EightLanes, Vector512<double>>(b));
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static EightLanes operator *(EightLanes a, EightLanes b) => Of(Unsafe.BitCast<EightLanes, Vector512<double>>(a) * Unsafe.BitCast<EightLanes, Vector512<double>>(b));
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static EightLanes operator /(EightLanes a, EightLanes b) => Of(Unsafe.BitCast<EightLanes, Vector512<double>>(a) / Unsafe.BitCast<EightLanes, Vector512<double>>(b));
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static EightLanes operator -(EightLanes a) => Of(-Unsafe.BitCast<EightLanes, Vector512<double>>(a));
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static EightLanes operator &(EightLanes a, EightLanes b) => Of(Unsafe.BitCast<EightLanes, Vector512<double>>(a) & Unsafe.BitCast<EightLanes, Vector512<double>>(b));
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static EightLanes operator |(EightLanes a, EightLanes b) => Of(Unsafe.BitCast<EightLanes, Vector512<double>>(a) | Unsafe.BitCast<EightLanes, Vector512<double>>(b));
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static EightLanes operator ^(EightLanes a, EightLanes b) => Of(Unsafe.BitCast<EightLanes, Vector512<double>>(a) ^ Unsafe.BitCast<EightLanes, Vector512<double>>(b));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static EightLanes FusedMultiplyAdd(EightLanes a, EightLanes b, EightLanes c) => Of(Vector512.FusedMultiplyAdd(Unsafe.BitCast<EightLanes, Vector512<double>>(a), Unsafe.BitCast<EightLanes, Vector512<double>>(b), Unsafe.BitCast<EightLanes, Vector512<double>>(c)));
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static EightLanes Max(EightLanes a, EightLanes b) => Of(Vector512.Max(Unsafe.BitCast<EightLanes, Vector512<double>>(a), Unsafe.BitCast<EightLanes, Vector512<double>>(b)));
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static EightLanes MaxNative(EightLanes a, EightLanes b) => Of(Vector512.MaxNative(Unsafe.BitCast<EightLanes, Vector512<double>>(a), Unsafe.BitCast<EightLanes, Vector512<double>>(b)));
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static EightLanes Abs(EightLanes a) => Of(Vector512.Abs(Unsafe.BitCast<EightLanes, Vector512<double>>(a)));
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static EightLanes Round(EightLanes a) => Of(Vector512.Round(Unsafe.BitCast<EightLanes, Vector512<double>>(a)));
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static EightLanes Floor(EightLanes a) => Of(Vector512.Floor(Unsafe.BitCast<EightLanes, Vector512<double>>(a)));
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static EightLanes Sqrt(EightLanes a) => Of(Vector512.Sqrt(Unsafe.BitCast<EightLanes, Vector512<double>>(a)));
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static EightLanes ConditionalSelect(EightLanes mask, EightLanes whereSet, EightLanes otherwise) => Of(Vector512.ConditionalSelect(Unsafe.BitCast<EightLanes, Vector512<double>>(mask), Unsafe.BitCast<EightLanes, Vector512<double>>(whereSet), Unsafe.BitCast<EightLanes, Vector512<double>>(otherwise)));
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static EightLanes AndNot(EightLanes a, EightLanes b) => Of(Vector512.AndNot(Unsafe.BitCast<EightLanes, Vector512<double>>(a), Unsafe.BitCast<EightLanes, Vector512<double>>(b)));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static EightLanes Equals(EightLanes a, EightLanes b) => Of(Vector512.Equals(Unsafe.BitCast<EightLanes, Vector512<double>>(a), Unsafe.BitCast<EightLanes, Vector512<double>>(b)));
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static EightLanes LessThan(EightLanes a, EightLanes b) => Of(Vector512.LessThan(Unsafe.BitCast<EightLanes, Vector512<double>>(a), Unsafe.BitCast<EightLanes, Vector512<double>>(b)));
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static EightLanes LessThanOrEqual(EightLanes a, EightLanes b) => Of(Vector512.LessThanOrEqual(Unsafe.BitCast<EightLanes, Vector512<double>>(a), Unsafe.BitCast<EightLanes, Vector512<double>>(b)));
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static EightLanes GreaterThan(EightLanes a, EightLanes b) => Of(Vector512.GreaterThan(Unsafe.BitCast<EightLanes, Vector512<double>>(a), Unsafe.BitCast<EightLanes, Vector512<double>>(b)));
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static EightLanes GreaterThanOrEqual(EightLanes a, EightLanes b) => Of(Vector512.GreaterThanOrEqual(Unsafe.BitCast<EightLanes, Vector512<double>>(a), Unsafe.BitCast<EightLanes, Vector512<double>>(b)));
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static bool EqualsAll(EightLanes a, EightLanes b) => Vector512.EqualsAll(Unsafe.BitCast<EightLanes, Vector512<double>>(a), Unsafe.BitCast<EightLanes, Vector512<double>>(b));
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static bool LessThanAll(EightLanes a, EightLanes b) => Vector512.LessThanAll(Unsafe.BitCast<EightLanes, Vector512<double>>(a), Unsafe.BitCast<EightLanes, Vector512<double>>(b));
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static bool LessThanOrEqualAll(EightLanes a, EightLanes b) => Vector512.LessThanOrEqualAll(Unsafe.BitCast<EightLanes, Vector512<double>>(a), Unsafe.BitCast<EightLanes, Vector512<double>>(b));
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static bool GreaterThanAll(EightLanes a, EightLanes b) => Vector512.GreaterThanAll(Unsafe.BitCast<EightLanes, Vector512<double>>(a), Unsafe.BitCast<EightLanes, Vector512<double>>(b));
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static bool GreaterThanOrEqualAll(EightLanes a, EightLanes b) => Vector512.GreaterThanOrEqualAll(Unsafe.BitCast<EightLanes, Vector512<double>>(a), Unsafe.BitCast<EightLanes, Vector512<double>>(b));
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static uint MostSignificantBits(EightLanes a) => (uint)Unsafe.BitCast<EightLanes, Vector512<double>>(a).ExtractMostSignificantBits();
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static EightLanes Mask(uint bits)
    {
        var lanes = Vector512.Create(1L, 2, 4, 8, 16, 32, 64, 128);
        return Of(Vector512.Equals(Vector512.Create((long)bits) & lanes, lanes).AsDouble());
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static EightLanes AddBits(EightLanes a, EightLanes b) => Of((Unsafe.BitCast<EightLanes, Vector512<double>>(a).AsUInt64() + Unsafe.BitCast<EightLanes, Vector512<double>>(b).AsUInt64()).AsDouble());
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static EightLanes SubtractBits(EightLanes a, EightLanes b) => Of((Unsafe.BitCast<EightLanes, Vector512<double>>(a).AsUInt64() - Unsafe.BitCast<EightLanes, Vector512<double>>(b).AsUInt64()).AsDouble());
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static EightLanes ShiftLeftBits(EightLanes a, int count) => Of(Vector512.ShiftLeft(Unsafe.BitCast<EightLanes, Vector512<double>>(a).AsUInt64(), count).AsDouble());
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static EightLanes ShiftRightLogicalBits(EightLanes a, int count) => Of(Vector512.ShiftRightLogical(Unsafe.BitCast<EightLanes, Vector512<double>>(a).AsUInt64(), count).AsDouble());
    /// <summary>
    /// One ISA instruction where the CPU has it (it reads only the lower halves), otherwise the 64-bit multiply of the
    /// masked lanes, exact because both factors are below 2^32.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static EightLanes Multiply32(uint m, EightLanes b) => Of((Avx512F.IsSupported ? Avx512F.Multiply(Vector512.Create((ulong)m).AsUInt32(), Unsafe.BitCast<EightLanes, Vector512<double>>(b).AsUInt32()) : Vector512.Create((ulong)m) * (Unsafe.BitCast<EightLanes, Vector512<double>>(b).AsUInt64() & Vector512.Create(0xFFFF_FFFFUL))).AsDouble());
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static EightLanes ConvertBitsToDouble(EightLanes a) => Of(Vector512.ConvertToDouble(Unsafe.BitCast<EightLanes, Vector512<double>>(a).AsUInt64()));
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<long> FoldBitsToFour(EightLanes a) => Unsafe.BitCast<EightLanes, Vector512<double>>(a).AsInt64().GetLower() + Unsafe.BitCast<EightLanes, Vector512<double>>(a).AsInt64().GetUpper();

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Below(ReadOnlySpan<int> values, int bound) => (uint)Vector256.LessThan(Vector256.Create<int>(values), Vector256.Create(bound)).ExtractMostSignificantBits();
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint EqualTo(ReadOnlySpan<int> values, int value) => (uint)Vector256.Equals(Vector256.Create<int>(values), Vector256.Create(value)).ExtractMostSignificantBits();
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Increment(Span<int> values, uint bits)
    {
        var lanes = Vector256.Create(1, 2, 4, 8, 16, 32, 64, 128);
        (Vector256.Create<int>(values) - Vector256.Equals(Vector256.Create((int)bits) & lanes, lanes)).CopyTo(values); // minus -1 where set
    }
}
