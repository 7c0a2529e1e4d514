using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using EcoSim.Model.Numerics;

namespace EcoSim.Model.Randomness;

/// <summary>
/// <see cref="Philox4x32.Block"/> for four or eight counters at once (<see cref="ILanes{TSelf}"/>) that differ only in
/// their first word (consecutive firms of a cluster, whose ids differ only in the low 32 bits). Each 64-bit lane holds
/// one 32-bit word; the result is the scalar block's, bit for bit, since the arithmetic is on integers.
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

    /// <summary>The ten-round block of each of four lanes' counters (c0[lane], c1, c2, c3) under the key (k0, k1).</summary>
    public static (Vector256<ulong> X0, Vector256<ulong> X1, Vector256<ulong> X2, Vector256<ulong> X3) Block(
        Vector256<ulong> c0, uint c1, uint c2, uint c3, uint k0, uint k1)
    {
        var (x0, x1, x2, x3) = Block(new FourLanes(c0.AsDouble()), c1, c2, c3, k0, k1);
        return (x0.Value.AsUInt64(), x1.Value.AsUInt64(), x2.Value.AsUInt64(), x3.Value.AsUInt64());
    }

    /// <summary><see cref="Blocks{TLanes}"/> on four lanes, each word as a 64-bit integer lane.</summary>
    public static ((Vector256<ulong> X0, Vector256<ulong> X1, Vector256<ulong> X2, Vector256<ulong> X3) A,
        (Vector256<ulong> X0, Vector256<ulong> X1, Vector256<ulong> X2, Vector256<ulong> X3) B,
        (Vector256<ulong> X0, Vector256<ulong> X1, Vector256<ulong> X2, Vector256<ulong> X3) C) Blocks(
        Vector256<ulong> c0, uint c1, uint c2, uint c3a, uint c3b, uint c3c, uint k0, uint k1)
    {
        var (a, b, c) = Blocks(new FourLanes(c0.AsDouble()), c1, c2, c3a, c3b, c3c, k0, k1);
        return (Words(a), Words(b), Words(c));
    }

    private static (Vector256<ulong>, Vector256<ulong>, Vector256<ulong>, Vector256<ulong>) Words((FourLanes X0, FourLanes X1, FourLanes X2, FourLanes X3) b) =>
        (b.X0.Value.AsUInt64(), b.X1.Value.AsUInt64(), b.X2.Value.AsUInt64(), b.X3.Value.AsUInt64());

    /// <summary>
    /// The ten-round block of each lane's counter (c0[lane], c1, c2, c3) under the key (k0, k1), the lanes read as
    /// 64-bit integers. Inlined: a call would return the four vectors through memory.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (TLanes X0, TLanes X1, TLanes X2, TLanes X3) Block<TLanes>(TLanes c0, uint c1, uint c2, uint c3, uint k0, uint k1)
        where TLanes : struct, ILanes<TLanes>
    {
        var low = TLanes.CreateBits(Low);
        var v0 = c0 & low;
        var (v1, v2, v3) = (TLanes.CreateBits(c1), TLanes.CreateBits(c2), TLanes.CreateBits(c3));
        var (key0, key1) = (TLanes.CreateBits(k0), TLanes.CreateBits(k1));
        for (int round = 0; round < 10; round++)
        {
            Round(ref v0, ref v1, ref v2, ref v3, key0, key1);
            key0 = TLanes.AddBits(key0, TLanes.CreateBits(W0));
            key1 = TLanes.AddBits(key1, TLanes.CreateBits(W1));
        }
        return (v0 & low, v1 & low, v2 & low, v3 & low);
    }

    /// <summary>
    /// The blocks of the counters (c0[lane], c1, c2, c3) for three values of c3 (<paramref name="c3a"/>,
    /// <paramref name="c3b"/>, <paramref name="c3c"/>: three consecutive blocks of one stream), each as
    /// <see cref="Block{TLanes}"/> gives it. The three run round by round side by side, sharing the round keys, so
    /// that three independent chains of multiplies are in flight.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ((TLanes X0, TLanes X1, TLanes X2, TLanes X3) A, (TLanes X0, TLanes X1, TLanes X2, TLanes X3) B,
        (TLanes X0, TLanes X1, TLanes X2, TLanes X3) C) Blocks<TLanes>(TLanes c0, uint c1, uint c2, uint c3a, uint c3b, uint c3c, uint k0, uint k1)
        where TLanes : struct, ILanes<TLanes>
    {
        var low = TLanes.CreateBits(Low);
        var v0 = c0 & low;
        var (v1, v2) = (TLanes.CreateBits(c1), TLanes.CreateBits(c2));
        var (a0, a1, a2, a3) = (v0, v1, v2, TLanes.CreateBits(c3a));
        var (b0, b1, b2, b3) = (v0, v1, v2, TLanes.CreateBits(c3b));
        var (d0, d1, d2, d3) = (v0, v1, v2, TLanes.CreateBits(c3c));
        var (key0, key1) = (TLanes.CreateBits(k0), TLanes.CreateBits(k1));
        for (int round = 0; round < 10; round++)
        {
            Round(ref a0, ref a1, ref a2, ref a3, key0, key1);
            Round(ref b0, ref b1, ref b2, ref b3, key0, key1);
            Round(ref d0, ref d1, ref d2, ref d3, key0, key1);
            key0 = TLanes.AddBits(key0, TLanes.CreateBits(W0));
            key1 = TLanes.AddBits(key1, TLanes.CreateBits(W1));
        }
        return ((a0 & low, a1 & low, a2 & low, a3 & low), (b0 & low, b1 & low, b2 & low, b3 & low), (d0 & low, d1 & low, d2 & low, d3 & low));
    }

    /// <summary>One Philox round on the lower halves of the lanes (the one definition of the round for the vector paths).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Round<TLanes>(ref TLanes v0, ref TLanes v1, ref TLanes v2, ref TLanes v3, TLanes key0, TLanes key1)
        where TLanes : struct, ILanes<TLanes>
    {
        var p0 = TLanes.Multiply32(M0, v0);
        var p1 = TLanes.Multiply32(M1, v2);
        v0 = TLanes.ShiftRightLogicalBits(p1, 32) ^ v1 ^ key0;
        v2 = TLanes.ShiftRightLogicalBits(p0, 32) ^ v3 ^ key1;
        v1 = p1;
        v3 = p0;
    }
}
