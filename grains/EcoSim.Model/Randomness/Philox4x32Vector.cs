using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace EcoSim.Model.Randomness;

/// <summary>
/// <see cref="Philox4x32.Block"/> for four counters at once that differ only in their first word (four
/// consecutive firms of a cluster, whose ids differ only in the low 32 bits). Each 64-bit lane holds one
/// 32-bit word; the result is the scalar block's, bit for bit, since the arithmetic is on integers.
/// </summary>
/// <remarks>
/// Inside the rounds a lane's upper 32 bits are left as they fall (products and key sums are not masked):
/// a word's upper half only ever reaches the multiplier, which reads the lower half, or another word's
/// upper half, so the lower halves are the scalar words and the results are masked once at the end.
/// </remarks>
public static class Philox4x32Vector
{
    private const uint M0 = 0xD2511F53, M1 = 0xCD9E8D57;
    private const uint W0 = 0x9E3779B9, W1 = 0xBB67AE85;
    private const ulong Low = 0xFFFF_FFFF;

    /// <summary>
    /// The ten-round block of each lane's counter (c0[lane], c1, c2, c3) under the key (k0, k1). Inlined:
    /// a call would return the four vectors through memory.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (Vector256<ulong> X0, Vector256<ulong> X1, Vector256<ulong> X2, Vector256<ulong> X3) Block(
        Vector256<ulong> c0, uint c1, uint c2, uint c3, uint k0, uint k1)
    {
        var v0 = c0 & Vector256.Create(Low);
        var (v1, v2, v3) = (Vector256.Create((ulong)c1), Vector256.Create((ulong)c2), Vector256.Create((ulong)c3));
        var (key0, key1) = (Vector256.Create((ulong)k0), Vector256.Create((ulong)k1));
        for (int round = 0; round < 10; round++)
        {
            Round(ref v0, ref v1, ref v2, ref v3, key0, key1);
            key0 += Vector256.Create((ulong)W0);
            key1 += Vector256.Create((ulong)W1);
        }
        var low = Vector256.Create(Low);
        return (v0 & low, v1 & low, v2 & low, v3 & low);
    }

    /// <summary>
    /// The blocks of the counters (c0[lane], c1, c2, c3) for three values of c3 (<paramref name="c3a"/>,
    /// <paramref name="c3b"/>, <paramref name="c3c"/>: three consecutive blocks of one stream), each as
    /// <see cref="Block"/> gives it. The three run round by round side by side, sharing the round keys, so
    /// that three independent chains of multiplies are in flight.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ((Vector256<ulong> X0, Vector256<ulong> X1, Vector256<ulong> X2, Vector256<ulong> X3) A,
        (Vector256<ulong> X0, Vector256<ulong> X1, Vector256<ulong> X2, Vector256<ulong> X3) B,
        (Vector256<ulong> X0, Vector256<ulong> X1, Vector256<ulong> X2, Vector256<ulong> X3) C) Blocks(
        Vector256<ulong> c0, uint c1, uint c2, uint c3a, uint c3b, uint c3c, uint k0, uint k1)
    {
        var v0 = c0 & Vector256.Create(Low);
        var (v1, v2) = (Vector256.Create((ulong)c1), Vector256.Create((ulong)c2));
        var (a0, a1, a2, a3) = (v0, v1, v2, Vector256.Create((ulong)c3a));
        var (b0, b1, b2, b3) = (v0, v1, v2, Vector256.Create((ulong)c3b));
        var (d0, d1, d2, d3) = (v0, v1, v2, Vector256.Create((ulong)c3c));
        var (key0, key1) = (Vector256.Create((ulong)k0), Vector256.Create((ulong)k1));
        for (int round = 0; round < 10; round++)
        {
            Round(ref a0, ref a1, ref a2, ref a3, key0, key1);
            Round(ref b0, ref b1, ref b2, ref b3, key0, key1);
            Round(ref d0, ref d1, ref d2, ref d3, key0, key1);
            key0 += Vector256.Create((ulong)W0);
            key1 += Vector256.Create((ulong)W1);
        }
        var low = Vector256.Create(Low);
        return ((a0 & low, a1 & low, a2 & low, a3 & low), (b0 & low, b1 & low, b2 & low, b3 & low), (d0 & low, d1 & low, d2 & low, d3 & low));
    }

    /// <summary>One Philox round on the lower halves of the lanes (the one definition of the round for the vector paths).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Round(ref Vector256<ulong> v0, ref Vector256<ulong> v1, ref Vector256<ulong> v2, ref Vector256<ulong> v3,
        Vector256<ulong> key0, Vector256<ulong> key1)
    {
        var p0 = Multiply32(M0, v0);
        var p1 = Multiply32(M1, v2);
        v0 = Vector256.ShiftRightLogical(p1, 32) ^ v1 ^ key0;
        v2 = Vector256.ShiftRightLogical(p0, 32) ^ v3 ^ key1;
        v1 = p1;
        v3 = p0;
    }

    /// <summary>
    /// The 64-bit products of <paramref name="m"/> and the lower halves of the lanes of <paramref name="b"/>: one AVX2
    /// instruction where there is AVX2 (it reads only the lower halves), otherwise the 64-bit multiply of the masked
    /// lanes, exact because both factors are below 2^32.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<ulong> Multiply32(uint m, Vector256<ulong> b) =>
        Avx2.IsSupported ? Avx2.Multiply(Vector256.Create((ulong)m).AsUInt32(), b.AsUInt32()) : Vector256.Create((ulong)m) * (b & Vector256.Create(Low));
}
