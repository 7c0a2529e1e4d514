using EcoSim.Experiments.Validation;
using EcoSim.Experiments.Validation.Facts;
using Xunit.Abstractions;

namespace EcoSim.Client.Tests.Validation;

/// <summary>
/// The stylized facts hold on the baseline: the same checks <c>ecosim check-model</c> reports
/// (<see cref="StylizedFacts"/>), each with its threshold and source in its own doc. The measured values
/// are reported in docs/MODEL.md, section 11.
/// </summary>
public sealed class StylizedFactsTests(BaselineHistoryFixture run, ITestOutputHelper output) : IClassFixture<BaselineHistoryFixture>
{
    public static TheoryData<string> Facts => [.. StylizedFacts.All.Select(f => f.Id)];

    [Theory]
    [MemberData(nameof(Facts))]
    public void The_fact_holds_on_the_baseline(string id)
    {
        var result = StylizedFacts.All.Single(f => f.Id == id).Check(run.History);
        output.WriteLine(result.Detail);
        foreach (var statistic in result.Statistics) output.WriteLine($"{statistic.Name}: {FactResult.Number(statistic.Value)} (holds for {statistic.Band.Text})");

        Assert.True(result.Passed, $"{result.Claim} fails: {result.Failure}");
    }

    [Fact]
    public void Every_fact_has_a_unique_id_a_source_and_a_statistic()
    {
        var results = StylizedFacts.Check(run.History);
        Assert.Equal(results.Count, results.Select(r => r.Id).Distinct().Count());
        Assert.All(results, r =>
        {
            Assert.Matches("^[a-z0-9-]+$", r.Id);
            Assert.NotEmpty(r.Source);
            Assert.NotEmpty(r.Statistics);
        });
    }

    /// <summary>A check can fail: a run with no new technology generation has no S-curve to measure, and says so.</summary>
    [Fact]
    public void A_fact_with_nothing_to_measure_fails_and_says_why()
    {
        var flat = run.History.WithoutNewGenerations();
        var result = new SShapedAdoption().Check(flat);
        Assert.False(result.Passed);
        Assert.Contains("nothing to measure", result.Failure);
    }

    [Theory]
    [InlineData(1.0, 0.9, 1.1, false, true)]
    [InlineData(0.9, 0.9, 1.1, false, true)]
    [InlineData(0.9, 0.9, 1.1, true, false)]
    [InlineData(double.NaN, double.NegativeInfinity, double.PositiveInfinity, false, false)]
    public void A_band_contains_what_it_says(double value, double low, double high, bool open, bool contains) =>
        Assert.Equal(contains, new FactBand(low, high, open).Contains(value));

    [Fact]
    public void Bands_read_as_inequalities()
    {
        Assert.Equal("> 1", FactBand.Above(1).Text);
        Assert.Equal("≥ 0.97", FactBand.AtLeast(0.97).Text);
        Assert.Equal("0.9 to 1.1", FactBand.Between(0.9, 1.1).Text);
        Assert.Equal("≤ 1e-9", FactBand.AtMost(1e-9).Text);
    }
}
