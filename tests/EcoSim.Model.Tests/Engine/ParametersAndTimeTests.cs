using EcoSim.Model.Parameters;
using EcoSim.Model.Tests.Support;
using EcoSim.Model.Time;
using EcoSim.Model.World;

namespace EcoSim.Model.Tests.Engine;

/// <summary>The parameter catalogue, the timeline of parameter changes and calendar periods.</summary>
public class ParametersAndTimeTests
{
    [Fact]
    public void Catalogue_lists_every_parameter_once_with_its_default_in_range()
    {
        var names = ParameterCatalog.All.Select(s => s.Name).ToList();
        Assert.Equal(names.Count, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Contains("minBasicShare", names);
        foreach (var spec in ParameterCatalog.All)
        {
            Assert.True(spec.Min <= spec.Default && spec.Default <= spec.Max, spec.Name);
            Assert.Equal(spec.Default, ParameterCatalog.Get(new ModelParameters(), spec.Name));
            Assert.False(string.IsNullOrWhiteSpace(spec.Unit), spec.Name);
            Assert.False(string.IsNullOrWhiteSpace(spec.Description), spec.Name);
        }
    }

    [Fact]
    public void With_changes_one_parameter_and_checks_its_range()
    {
        var defaults = new ModelParameters();
        var changed = ParameterCatalog.With(defaults, "BASICSHARE", 0.5); // names are case-insensitive
        Assert.Equal(0.5, changed.BasicShare);
        Assert.Equal(0.2, defaults.BasicShare); // a copy: the original is untouched
        Assert.Equal(defaults with { BasicShare = 0.5 }, changed);
        var outside = Assert.Throws<ArgumentException>(() => ParameterCatalog.With(defaults, "basicShare", 1.5));
        Assert.Contains("[0, 1] (share)", outside.Message);
        Assert.Throws<ArgumentException>(() => ParameterCatalog.With(defaults, "basicShare", double.NaN));
        Assert.Throws<ArgumentException>(() => ParameterCatalog.With(defaults, "nosuch", 1));
    }

    [Fact]
    public void A_ramp_moves_linearly_and_later_changes_win()
    {
        // basicShare ramps 0.2 -> 0.4 over ticks 4..8; a set of 0.1 at tick 10 overrides it.
        var ramp = new ParameterChange("basicShare", 4, 8, 0.2, 0.4);
        Assert.Null(ramp.ValueAt(3));
        Assert.Equal(0.2, ramp.ValueAt(4));
        Assert.Equal(0.25, ramp.ValueAt(5)!.Value, 1e-15);
        Assert.Equal(0.4, ramp.ValueAt(8));
        Assert.Equal(0.4, ramp.ValueAt(100));
        var spec = TestWorlds.Small(ticks: 12, timeline: [ramp, new ParameterChange("basicShare", 10, 10, 0.1, 0.1)]);
        double[] expected = [0.2, 0.2, 0.2, 0.2, 0.2, 0.25, 0.3, 0.35, 0.4, 0.4, 0.1, 0.1];
        for (int t = 0; t < 12; t++) Assert.Equal(expected[t], spec.ParametersAt(t).BasicShare, 1e-12);
        // Ticks outside the run clamp to its ends.
        Assert.Equal(0.2, spec.ParametersAt(-5).BasicShare, 1e-12);
        Assert.Equal(0.1, spec.ParametersAt(500).BasicShare, 1e-12);
        // A copy with another timeline gets its own schedule.
        Assert.Equal(0.2, (spec with { Timeline = [] }).ParametersAt(6).BasicShare);
    }

    [Theory]
    [InlineData("2024Q1", 2024, 1)]
    [InlineData("2050q4", 2050, 4)]
    [InlineData(" 2030Q2 ", 2030, 2)]
    [InlineData("2024", 2024, 1)]
    public void Period_parses_quarters(string text, int year, int quarter)
    {
        Assert.True(Period.TryParse(text, out var period));
        Assert.Equal(new Period(year, quarter), period);
    }

    [Theory]
    [InlineData("2024Q5")]
    [InlineData("2024Q0")]
    [InlineData("24Q1")]
    [InlineData("2024-01")]
    [InlineData("2024Q")]
    [InlineData("Q1")]
    [InlineData("+024Q1")]
    [InlineData("2024Q12")]
    [InlineData("")]
    [InlineData(null)]
    public void Period_rejects_other_text(string? text) => Assert.False(Period.TryParse(text, out _));

    [Fact]
    public void Period_arithmetic()
    {
        var start = new Period(2024, 1);
        Assert.Equal(new Period(2024, 4), start.AddQuarters(3));
        Assert.Equal(new Period(2025, 1), start.AddQuarters(4));
        Assert.Equal(new Period(2050, 4), start.AddQuarters(107));
        Assert.Equal(107, new Period(2050, 4).QuartersSince(start));
        Assert.Equal(-1, new Period(2023, 4).QuartersSince(start));
        Assert.Equal(2024.75, new Period(2024, 4).DecimalYear);
        Assert.Equal("2024Q4", new Period(2024, 4).ToString());
        Assert.True(new Period(2024, 4).CompareTo(new Period(2025, 1)) < 0);
    }
}
