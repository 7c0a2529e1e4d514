using EcoSim.Experiments.Ensembles;

namespace EcoSim.Client.Tests.Ensembles;

/// <summary>
/// The verdict on an effect's direction from its two bands: only a band clear of zero is a clear
/// direction, it survives parameter uncertainty only when the wider band is clear on the same side, and
/// the sentence names both bands with the numbers it judges.
/// </summary>
public sealed class BothBandsTests
{
    private static Band B(double low, double median, double high) => new(low, median, high);

    [Theory]
    [InlineData(0.01, 0.02, 0.03, 0.005, 0.02, 0.04, DirectionUnderParameters.Survives)]
    [InlineData(-0.03, -0.02, -0.01, -0.05, -0.02, -0.001, DirectionUnderParameters.Survives)]
    [InlineData(0.01, 0.02, 0.03, -0.01, 0.02, 0.05, DirectionUnderParameters.LostToParameters)]
    [InlineData(-0.01, 0.01, 0.03, 0.001, 0.02, 0.05, DirectionUnderParameters.ClearOnlyWithParameters)]
    [InlineData(-0.01, 0.01, 0.03, -0.02, 0.01, 0.04, DirectionUnderParameters.NotClear)]
    [InlineData(0.0, 0.01, 0.03, 0.001, 0.02, 0.05, DirectionUnderParameters.ClearOnlyWithParameters)] // a band that touches zero includes it
    [InlineData(0.01, 0.02, 0.03, -0.05, -0.03, -0.01, DirectionUnderParameters.Reversed)]
    public void A_band_that_includes_zero_is_never_a_clear_direction(double l1, double m1, double h1, double l2, double m2, double h2, DirectionUnderParameters expected)
    {
        var both = new BothBands(B(l1, m1, h1), B(l2, m2, h2), 10);
        Assert.Equal(expected, both.Direction);
        bool survivesWord = both.Verdict.Contains("survives parameter uncertainty", StringComparison.Ordinal) && !both.Verdict.Contains("does not survive", StringComparison.Ordinal);
        Assert.Equal(expected == DirectionUnderParameters.Survives, survivesWord);
    }

    [Fact]
    public void Too_few_pairs_settle_nothing_whatever_the_bands_say()
    {
        var both = new BothBands(B(0.01, 0.02, 0.03), B(0.01, 0.02, 0.03), 9);
        Assert.Equal(DirectionUnderParameters.TooFewPairs, both.Direction);
        Assert.Contains("5-95% of 9 pairs", both.Sentence("At 2050Q4"));
        Assert.Contains("no direction is called clear", both.Verdict);
    }

    [Fact]
    public void The_sentence_gives_both_bands_with_the_side_of_zero_visible_even_for_tiny_effects()
    {
        string text = new BothBands(B(0.00002, 0.00004, 0.00006), B(-0.00001, 0.00004, 0.0001), 20).Sentence("At 2050Q4");
        Assert.Contains("the 90% band of seed noise alone (the same seeds with the scenarios' own parameter values) runs from +0.002% to +0.006%", text);
        Assert.Contains("the 90% band of seed noise and parameter uncertainty from -0.001% to +0.01%", text);
        Assert.Contains("does not survive parameter uncertainty", text);
        Assert.StartsWith("At 2050Q4 ", text);
    }

    [Fact]
    public void Summary_csv_names_the_seed_only_columns_after_the_four_bands()
    {
        Assert.Equal(ComparisonBands.BandNames, ComparisonBands.Columns(withSeedOnly: false));
        Assert.Equal(["baseline", "policy", "effect", "relative_effect", "seed_only_baseline", "seed_only_policy", "seed_only_effect", "seed_only_relative_effect"], ComparisonBands.Columns(withSeedOnly: true));
    }
}
