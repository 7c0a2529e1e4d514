using EcoSim.Experiments.Output;

namespace EcoSim.Client.Tests;

public sealed class FirmOutputTests
{
    [Theory]
    [InlineData(8, 4, new[] { 3, 7 })]
    [InlineData(10, 4, new[] { 3, 7, 9 })]
    [InlineData(3, 4, new[] { 2 })]
    [InlineData(4, 1, new[] { 0, 1, 2, 3 })]
    [InlineData(108, 40, new[] { 39, 79, 107 })]
    public void The_panel_takes_the_end_of_every_block_of_ticks_and_the_last_tick(int ticks, int every, int[] expected) =>
        Assert.Equal(expected, FirmPanelFormat.Ticks(ticks, every));

    [Fact]
    public void The_size_distribution_is_the_share_of_firms_at_least_as_large()
    {
        var d = FirmSizeDistribution.Of("t", [4, 0, 2, -1, 3, 1, double.NaN]);

        Assert.Equal(4, d.Firms); // zero, negative and NaN sizes cannot be drawn on log axes
        Assert.Equal([1.0, 2, 3, 4], d.Sizes);
        Assert.Equal([1.0, 0.75, 0.5, 0.25], d.Shares);
    }

    [Fact]
    public void A_million_firms_are_reduced_to_a_few_hundred_points_keeping_both_ends()
    {
        var d = FirmSizeDistribution.Of("t", Enumerable.Range(1, 1_000_000).Select(i => (double)i));

        Assert.InRange(d.Sizes.Length, 100, FirmSizeDistribution.MaxPoints + 1);
        Assert.Equal((1.0, 1.0), (d.Sizes[0], d.Shares[0]));
        Assert.Equal((1e6, 1e-6), (d.Sizes[^1], d.Shares[^1]));
        Assert.True(d.Sizes.Zip(d.Sizes.Skip(1)).All(p => p.First < p.Second));
        Assert.True(d.Sizes.Zip(d.Shares).All(p => Math.Abs(p.Second - (1e6 - p.First + 1) / 1e6) < 1e-12));
    }
}
