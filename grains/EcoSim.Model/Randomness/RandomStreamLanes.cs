using System.Runtime.CompilerServices;
using EcoSim.Model.Numerics;

namespace EcoSim.Model.Randomness;

/// <summary>
/// <see cref="RandomStream"/>'s values for four or eight streams at once (<see cref="ILanes{TSelf}"/>), from the
/// words of <see cref="Philox4x32Vector"/> blocks: the same integer steps and the same exact conversions, so each
/// lane has the scalar stream's bits.
/// </summary>
internal static class RandomStreamLanes
{
    /// <summary>The stream's 64-bit value from a block's two 32-bit words (low word first, as in <see cref="RandomStream"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TLanes Word<TLanes>(TLanes low, TLanes high) where TLanes : struct, ILanes<TLanes> => TLanes.ShiftLeftBits(high, 32) | low;

    /// <summary><see cref="RandomStream.NextDouble"/>: the top 53 bits times 2^-53 (exact: below 2^53).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TLanes Uniform<TLanes>(TLanes word) where TLanes : struct, ILanes<TLanes> =>
        TLanes.ConvertBitsToDouble(TLanes.ShiftRightLogicalBits(word, 11)) * TLanes.Create(1.0 / (1UL << 53));

    /// <summary><see cref="RandomStream.NextDoubleOpen"/>: (top 52 bits + 1/2) times 2^-52.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TLanes OpenUniform<TLanes>(TLanes word) where TLanes : struct, ILanes<TLanes> =>
        (TLanes.ConvertBitsToDouble(TLanes.ShiftRightLogicalBits(word, 12)) + TLanes.Create(0.5)) * TLanes.Create(1.0 / (1UL << 52));

    /// <summary><see cref="RandomStream.NextDoubleOpenZero"/>: (top 53 bits + 1) times 2^-53 (exact: at most 2^53).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TLanes OpenZeroUniform<TLanes>(TLanes word) where TLanes : struct, ILanes<TLanes> =>
        TLanes.ConvertBitsToDouble(TLanes.AddBits(TLanes.ShiftRightLogicalBits(word, 11), TLanes.CreateBits(1))) * TLanes.Create(1.0 / (1UL << 53));
}
