using EcoSim.Experiments.Sensitivity;
using EcoSim.Model.Parameters;

namespace EcoSim.Client.Tests.Sensitivity;

/// <summary>
/// How a --param or --parameter-uncertainty text becomes a range: a name alone takes the catalogue's plausible
/// range and says so, a given range keeps its bounds, and a manifest's ranges come back with the bounds and the
/// basis they were recorded with.
/// </summary>
public sealed class SensitivityRangeTests
{
    [Fact]
    public void A_name_alone_takes_the_plausible_range_not_the_allowed_range()
    {
        var ranges = SensitivityRange.TryParse(["innovationZeta", "knowledgeLagYears"], out var errors);
        Assert.Empty(errors);
        Assert.NotNull(ranges);
        foreach (var range in ranges)
        {
            var plausible = range.Parameter.Plausible;
            Assert.Equal((plausible.Low, plausible.High, RangeBasis.Plausible), (range.Low, range.High, range.Basis));
            Assert.True(range.High - range.Low < range.Parameter.Max - range.Parameter.Min, $"{range.Parameter.Name}: the plausible range is the allowed range");
        }
        Assert.Equal("innovationZeta=10:30 (plausible range)", ranges[0].Shown);
        Assert.Equal(new SensitivityParameter("innovationZeta", 10, 30, "plausible"), ranges[0].Recorded);
    }

    [Fact]
    public void A_given_range_keeps_its_bounds_even_beyond_the_plausible_range_and_says_nothing_more()
    {
        var ranges = SensitivityRange.TryParse(["basicShare=0.05:0.9"], out var errors);
        Assert.Empty(errors);
        var range = Assert.Single(ranges!);
        Assert.Equal((0.05, 0.9, RangeBasis.Given), (range.Low, range.High, range.Basis));
        Assert.Equal("basicShare=0.05:0.9", range.Shown);
        Assert.Equal("", SensitivityRange.BasisWords(range));
        Assert.Equal("given", range.Recorded.Range);
    }

    [Fact]
    public void The_words_after_a_plausible_range_give_its_source()
    {
        var range = Assert.Single(SensitivityRange.TryParse(["rdDepreciation"], out _)!);
        Assert.True(ParameterCatalog.TryGet("rdDepreciation", out var spec));
        Assert.Equal($", the catalogue's plausible range ({spec.Plausible.Source})", SensitivityRange.BasisWords(range));
        Assert.Contains("uniform on [0.1, 0.3] (1/yr), the catalogue's plausible range (Hall 2007", ParameterDraws.Describe([range]));
    }

    [Fact]
    public void Recorded_ranges_come_back_with_their_bounds_and_basis_and_an_old_manifest_without_a_basis_means_given()
    {
        var recorded = new[] { new SensitivityParameter("basicShare", 0.15, 0.35, "plausible"), new SensitivityParameter("innovationZeta", 12, 18), new SensitivityParameter("demandGrowth", 0.01, 0.02, "given") };
        var ranges = SensitivityRange.FromRecorded(recorded, out var errors, "parameters")!;
        Assert.Empty(errors);
        Assert.Equal([(0.15, 0.35, RangeBasis.Plausible), (12.0, 18.0, RangeBasis.Given), (0.01, 0.02, RangeBasis.Given)], ranges.Select(r => (r.Low, r.High, r.Basis)));
        // The catalogue's plausible range of basicShare is 0.1 to 0.4 today: the words must not claim these bounds are it.
        Assert.Equal(", the catalogue's plausible range when the analysis was first run", SensitivityRange.BasisWords(ranges[0]));
        Assert.Equal(recorded, ranges.Select(r => r.Recorded).Select((r, i) => i == 1 ? r with { Range = null } : r));
    }

    [Theory]
    [InlineData("wide", "parameters[0].range 'wide' is not given or plausible")]
    public void A_recorded_basis_that_is_not_known_is_refused_naming_the_key(string basis, string message)
    {
        Assert.Null(SensitivityRange.FromRecorded([new SensitivityParameter("basicShare", 0.1, 0.4, basis)], out var errors, "parameters"));
        Assert.Contains(message, Assert.Single(errors));
    }

    [Theory]
    [InlineData("basicShare=0.1:1.5", "--param basicShare=0.1:1.5: HIGH 1.5 is outside the allowed range of basicShare, [0, 1] (share)")]
    [InlineData("basicShar", "--param basicShar: unknown parameter 'basicShar'; did you mean 'basicShare'?")]
    [InlineData("basicShare=0.4:0.1", "--param basicShare=0.4:0.1: LOW (0.4) must be below HIGH (0.1)")]
    public void Refusals_name_the_text_and_the_allowed_range(string text, string message)
    {
        Assert.Null(SensitivityRange.TryParse([text], out var errors));
        Assert.Equal(message, Assert.Single(errors));
    }
}
