using EcoSim.Experiments.Sensitivity;

namespace EcoSim.Client.Tests.Sensitivity;

/// <summary>The Sobol sequence: Joe and Kuo's points unscrambled, balance and determinism scrambled.</summary>
public sealed class SobolSequenceTests
{
    [Fact]
    public void Unscrambled_points_are_the_published_first_points_in_three_dimensions()
    {
        // Joe and Kuo's sobol.cc with new-joe-kuo-6.21201 (and SciPy's qmc.Sobol(3, scramble=False)).
        double[][] expected =
        [
            [0, 0, 0], [0.5, 0.5, 0.5], [0.75, 0.25, 0.25], [0.25, 0.75, 0.75],
            [0.375, 0.375, 0.625], [0.875, 0.875, 0.125], [0.625, 0.125, 0.875], [0.125, 0.625, 0.375],
        ];
        Assert.Equal(expected, new SobolSequence(3, seed: null).Points(8));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(7UL)]
    [InlineData(123456789UL)]
    public void The_first_power_of_two_points_put_one_point_in_each_elementary_interval_of_every_dimension(ulong? seed)
    {
        var sequence = new SobolSequence(SobolSequence.MaxDimensions, seed);
        foreach (int m in new[] { 1, 4, 10 })
        {
            var points = sequence.Points(1 << m);
            for (int d = 0; d < sequence.Dimensions; d++)
            {
                var cells = points.Select(p => (int)(p[d] * (1 << m))).Order().ToArray();
                Assert.Equal(Enumerable.Range(0, 1 << m), cells);
            }
        }
    }

    [Fact]
    public void The_first_two_dimensions_scrambled_form_a_net_one_point_in_each_of_the_64_squares_of_an_8_by_8_grid()
    {
        var points = new SobolSequence(2, 99).Points(64);
        var cells = points.Select(p => (int)(p[0] * 8) * 8 + (int)(p[1] * 8)).Order();
        Assert.Equal(Enumerable.Range(0, 64), cells);
    }

    [Fact]
    public void The_same_seed_gives_the_same_points_and_another_seed_other_points_none_at_the_origin()
    {
        var first = new SobolSequence(6, 42).Points(256);
        Assert.Equal(first, new SobolSequence(6, 42).Points(256));
        Assert.NotEqual(first, new SobolSequence(6, 43).Points(256));
        Assert.NotEqual(new double[6], first[0]);
        Assert.All(first.SelectMany(p => p), x => Assert.InRange(x, 0, Math.BitDecrement(1.0)));
    }

    [Fact]
    public void A_point_asked_for_alone_equals_the_same_point_in_the_list()
    {
        var sequence = new SobolSequence(5, 3);
        var point = new double[5];
        sequence.Point(77, point);
        Assert.Equal(sequence.Points(100)[77], point);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(45)]
    public void Dimensions_outside_the_table_are_refused(int dimensions) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new SobolSequence(dimensions, 1));
}
