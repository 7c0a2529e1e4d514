using EcoSim.Model.Randomness;

namespace EcoSim.Model.Tests.Randomness;

/// <summary>
/// Known-answer tests from Random123's kat_vectors ("philox4x32 10 ctr[0..3] key[0..1] -> out[0..3]").
/// Word order: Block(c0, c1, c2, c3, k0, k1) takes ctr.v[0..3] and key.v[0..1] and returns out.v[0..3].
/// </summary>
public class PhiloxKnownAnswerTests
{
    [Theory]
    [InlineData(0x00000000u, 0x00000000u, 0x00000000u, 0x00000000u, 0x00000000u, 0x00000000u, 0x6627e8d5u, 0xe169c58du, 0xbc57ac4cu, 0x9b00dbd8u)]
    [InlineData(0xffffffffu, 0xffffffffu, 0xffffffffu, 0xffffffffu, 0xffffffffu, 0xffffffffu, 0x408f276du, 0x41c83b0eu, 0xa20bc7c6u, 0x6d5451fdu)]
    [InlineData(0x243f6a88u, 0x85a308d3u, 0x13198a2eu, 0x03707344u, 0xa4093822u, 0x299f31d0u, 0xd16cfe09u, 0x94fdccebu, 0x5001e420u, 0x24126ea1u)]
    public void Block_matches_Random123_reference_vectors(uint c0, uint c1, uint c2, uint c3, uint k0, uint k1, uint x0, uint x1, uint x2, uint x3)
    {
        var actual = Philox4x32.Block(c0, c1, c2, c3, k0, k1);
        Assert.Equal((x0, x1, x2, x3), actual);
    }

    [Fact]
    public void Block_is_a_pure_function_and_every_input_word_matters()
    {
        var reference = Philox4x32.Block(1, 2, 3, 4, 5, 6);
        Assert.Equal(reference, Philox4x32.Block(1, 2, 3, 4, 5, 6));
        // Flipping one bit of any of the six input words changes the output.
        Assert.NotEqual(reference, Philox4x32.Block(0, 2, 3, 4, 5, 6));
        Assert.NotEqual(reference, Philox4x32.Block(1, 3, 3, 4, 5, 6));
        Assert.NotEqual(reference, Philox4x32.Block(1, 2, 2, 4, 5, 6));
        Assert.NotEqual(reference, Philox4x32.Block(1, 2, 3, 5, 5, 6));
        Assert.NotEqual(reference, Philox4x32.Block(1, 2, 3, 4, 4, 6));
        Assert.NotEqual(reference, Philox4x32.Block(1, 2, 3, 4, 5, 7));
    }
}
