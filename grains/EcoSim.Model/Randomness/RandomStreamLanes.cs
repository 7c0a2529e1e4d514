using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace EcoSim.Model.Randomness;

/// <summary>
/// <see cref="RandomStream"/>'s values for four streams at once, from the words of
/// <see cref="Philox4x32Vector"/> blocks: the same integer steps and the same exact conversions, so each
/// lane has the scalar stream's bits.
/// </summary>
internal static class RandomStreamLanes
{
    /// <summary>The stream's 64-bit value from a block's two 32-bit words (low word first, as in <see cref="RandomStream"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<ulong> Word(Vector256<ulong> low, Vector256<ulong> high) => Vector256.ShiftLeft(high, 32) | low;

    /// <summary><see cref="RandomStream.NextDouble"/>: the top 53 bits times 2^-53 (exact: below 2^53).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Uniform(Vector256<ulong> word) =>
        Vector256.ConvertToDouble(Vector256.ShiftRightLogical(word, 11)) * Vector256.Create(1.0 / (1UL << 53));

    /// <summary><see cref="RandomStream.NextDoubleOpen"/>: (top 52 bits + 1/2) times 2^-52.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> OpenUniform(Vector256<ulong> word) =>
        (Vector256.ConvertToDouble(Vector256.ShiftRightLogical(word, 12)) + Vector256.Create(0.5)) * Vector256.Create(1.0 / (1UL << 52));

    /// <summary><see cref="RandomStream.NextDoubleOpenZero"/>: (top 53 bits + 1) times 2^-53 (exact: at most 2^53).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> OpenZeroUniform(Vector256<ulong> word) =>
        Vector256.ConvertToDouble(Vector256.ShiftRightLogical(word, 11) + Vector256<ulong>.One) * Vector256.Create(1.0 / (1UL << 53));
}
