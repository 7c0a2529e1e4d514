using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace EcoSim.Model.Randomness;

/// <summary>
/// <see cref="Philox4x32.Block"/> for four counters at once that differ only in their first word (four
/// consecutive firms of a cluster, whose ids differ only in the low 32 bits). Each 64-bit lane holds one
/// 32-bit word; the result is the scalar block's, bit for bit, since the arithmetic is on integers.
/// </summary>
public static class Philox4x32Vector
{
    private const uint M0 = 0xD2511F53, M1 = 0xCD9E8D57;
    private const uint W0 = 0x9E3779B9, W1 = 0xBB67AE85;

    /// <summary>The ten-round block of each lane's counter (c0[lane], c1, c2, c3) under the key (k0, k1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static (Vector256<ulong> X0, Vector256<ulong> X1, Vector256<ulong> X2, Vector256<ulong> X3) Block(
        Vector256<ulong> c0, uint c1, uint c2, uint c3, uint k0, uint k1)
    {
        var low = Vector256.Create(0xFFFF_FFFFUL);
        var m0 = Vector256.Create((ulong)M0);
        var m1 = Vector256.Create((ulong)M1);
        var v0 = c0 & low;
        var v1 = Vector256.Create((ulong)c1);
        var v2 = Vector256.Create((ulong)c2);
        var v3 = Vector256.Create((ulong)c3);
        for (int round = 0; round < 10; round++)
        {
            var p0 = Multiply32(m0, v0);
            var p1 = Multiply32(m1, v2);
            var n0 = Vector256.ShiftRightLogical(p1, 32) ^ v1 ^ Vector256.Create((ulong)k0);
            var n2 = Vector256.ShiftRightLogical(p0, 32) ^ v3 ^ Vector256.Create((ulong)k1);
            v0 = n0; v1 = p1 & low; v2 = n2; v3 = p0 & low;
            k0 += W0; k1 += W1;
        }
        return (v0, v1, v2, v3);
    }

    /// <summary>
    /// The 64-bit products of lanes that hold 32-bit values: one AVX2 instruction where there is AVX2,
    /// otherwise the 64-bit multiply, which is exact because both factors are below 2^32.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<ulong> Multiply32(Vector256<ulong> a, Vector256<ulong> b) =>
        Avx2.IsSupported ? Avx2.Multiply(a.AsUInt32(), b.AsUInt32()) : a * b;
}
