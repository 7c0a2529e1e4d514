using EcoSim.Model.Numerics;
using EcoSim.Model.Randomness;

namespace EcoSim.Model.Tests.Numerics;

/// <summary><see cref="DecimalRational"/>: decimal figures read back exactly, and one correct rounding at the end.</summary>
public class DecimalRationalTests
{
    [Fact]
    public void Quotients_of_whole_numbers_round_like_an_IEEE_division()
    {
        // p / q of two doubles holding whole numbers is correctly rounded by the hardware: the oracle.
        // Below 2^53 a whole number's shortest decimal text is the number itself, so the fractions are exact.
        var s = new RandomStream(5, 1, 0, RandomPurpose.FirmInit);
        for (int k = 0; k < 20_000; k++)
        {
            double p = Math.Floor(Math.ScaleB(s.NextDouble(), 1 + k % 52)) * (k % 3 == 0 ? -1 : 1);
            double q = Math.Floor(Math.ScaleB(s.NextDouble(), 1 + k % 45)) + 1;
            Assert.Equal(p / q, (DecimalRational.FromDecimal(p) / DecimalRational.FromDecimal(q)).ToDouble());
        }
    }

    [Theory]
    [InlineData(0.1)]
    [InlineData(0.06)]
    [InlineData(1.0 / 3)]
    [InlineData(123456.789e-20)]
    [InlineData(-2.5e17)]
    [InlineData(0)]
    public void A_double_reads_back_as_itself(double value) =>
        Assert.Equal(value, DecimalRational.FromDecimal(value).ToDouble());

    [Fact]
    public void Arithmetic_is_on_the_decimal_figures()
    {
        var tenth = DecimalRational.FromDecimal(0.1);
        Assert.Equal(0.3, (tenth + tenth + tenth).ToDouble());                                     // 0.1 + 0.1 + 0.1 is 0.30000000000000004 in doubles
        Assert.Equal(0.36, ((DecimalRational.One - DecimalRational.FromDecimal(0.2)) * DecimalRational.FromDecimal(0.45)).ToDouble());
        Assert.Equal(106, (DecimalRational.FromDecimal(100) * DecimalRational.FromDecimal(1.06)).ToDouble());
    }
}
