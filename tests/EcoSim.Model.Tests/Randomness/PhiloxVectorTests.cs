using System.Runtime.Intrinsics;
using EcoSim.Model.Randomness;

namespace EcoSim.Model.Tests.Randomness;

/// <summary><see cref="Philox4x32Vector"/> gives each lane the scalar <see cref="Philox4x32.Block"/>, known answers included.</summary>
public class PhiloxVectorTests
{
    [Fact]
    public void Each_lane_is_the_scalar_block_of_its_counter()
    {
        var draws = new RandomStream(3, 4, 5, RandomPurpose.FirmInit);
        for (int i = 0; i < 20_000; i++)
        {
            ulong r = draws.NextUInt64(), q = draws.NextUInt64();
            uint c1 = (uint)r, c2 = (uint)(r >> 32), c3 = (uint)q, k0 = (uint)(q >> 32), k1 = (uint)draws.NextUInt64();
            var c0 = Vector256.Create(draws.NextUInt64() & 0xFFFF_FFFF, draws.NextUInt64() & 0xFFFF_FFFF, 0, 0xFFFF_FFFF);
            var (x0, x1, x2, x3) = Philox4x32Vector.Block(c0, c1, c2, c3, k0, k1);
            for (int lane = 0; lane < 4; lane++)
                Assert.Equal(Philox4x32.Block((uint)c0[lane], c1, c2, c3, k0, k1), ((uint)x0[lane], (uint)x1[lane], (uint)x2[lane], (uint)x3[lane]));
        }
    }

    [Fact]
    public void Three_blocks_side_by_side_are_each_the_scalar_block_of_its_counter()
    {
        var draws = new RandomStream(6, 7, 8, RandomPurpose.FirmInit);
        for (int i = 0; i < 20_000; i++)
        {
            ulong r = draws.NextUInt64(), q = draws.NextUInt64(), w = draws.NextUInt64();
            uint c1 = (uint)r, c2 = (uint)(r >> 32), k0 = (uint)(q >> 32), k1 = (uint)w;
            uint[] c3 = [(uint)q, (uint)(w >> 32), i % 2 == 0 ? (uint)q + 1 : uint.MaxValue];
            var c0 = Vector256.Create(draws.NextUInt64() & 0xFFFF_FFFF, draws.NextUInt64() & 0xFFFF_FFFF, 0, 0xFFFF_FFFF);
            var (a, b, c) = Philox4x32Vector.Blocks(c0, c1, c2, c3[0], c3[1], c3[2], k0, k1);
            var blocks = new[] { a, b, c };
            for (int block = 0; block < 3; block++)
                for (int lane = 0; lane < 4; lane++)
                    Assert.Equal(Philox4x32.Block((uint)c0[lane], c1, c2, c3[block], k0, k1),
                        ((uint)blocks[block].X0[lane], (uint)blocks[block].X1[lane], (uint)blocks[block].X2[lane], (uint)blocks[block].X3[lane]));
        }
    }

    [Fact]
    public void Every_word_is_below_2_to_the_32()
    {
        var (a, b, c) = Philox4x32Vector.Blocks(Vector256.Create(0xFFFF_FFFFUL, 1, 2, 3), uint.MaxValue, uint.MaxValue, uint.MaxValue, 0, 1, uint.MaxValue, uint.MaxValue);
        var single = Philox4x32Vector.Block(Vector256.Create(0xFFFF_FFFFUL, 1, 2, 3), uint.MaxValue, uint.MaxValue, uint.MaxValue, uint.MaxValue, uint.MaxValue);
        foreach (var x in new[] { a, b, c, single })
            Assert.True(Vector256.LessThanAll(x.X0 | x.X1 | x.X2 | x.X3, Vector256.Create(1UL << 32)));
    }

    [Fact]
    public void Matches_a_Random123_reference_vector()
    {
        var (x0, x1, x2, x3) = Philox4x32Vector.Block(Vector256.Create(0x243f6a88UL), 0x85a308d3u, 0x13198a2eu, 0x03707344u, 0xa4093822u, 0x299f31d0u);
        Assert.Equal((0xd16cfe09UL, 0x94fdccebUL, 0x5001e420UL, 0x24126ea1UL), (x0[2], x1[2], x2[2], x3[2]));
    }
}
