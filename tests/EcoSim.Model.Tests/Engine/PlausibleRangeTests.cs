using EcoSim.Model.Parameters;

namespace EcoSim.Model.Tests.Engine;

/// <summary>
/// Every entry of the catalogue documents a plausible range that a sensitivity analysis samples when no
/// range is given: it must lie inside the allowed range (or the analysis would ask the model for values it
/// refuses), hold the default (or the baseline would be called implausible), be a real interval and say
/// where it comes from.
/// </summary>
public class PlausibleRangeTests
{
    public static TheoryData<string> Names() => [.. ParameterCatalog.All.Select(p => p.Name)];

    [Theory]
    [MemberData(nameof(Names))]
    public void The_plausible_range_lies_within_the_allowed_range_and_holds_the_default(string name)
    {
        Assert.True(ParameterCatalog.TryGet(name, out var spec));
        var plausible = spec.Plausible;
        Assert.True(double.IsFinite(plausible.Low) && double.IsFinite(plausible.High), $"{name}: plausible range {plausible} is not finite");
        Assert.True(plausible.Low < plausible.High, $"{name}: plausible range {plausible} is empty");
        Assert.True(spec.Allows(plausible.Low) && spec.Allows(plausible.High), $"{name}: plausible range {plausible} leaves the allowed range [{spec.Min}, {spec.Max}]");
        Assert.True(plausible.Contains(spec.Default), $"{name}: default {spec.Default} is outside the plausible range {plausible}");
        Assert.False(string.IsNullOrWhiteSpace(plausible.Source), $"{name}: the plausible range gives no source or reason");
    }

    [Fact]
    public void The_plausible_range_is_narrower_than_the_allowed_range_for_most_parameters()
    {
        // The point of a documented range: the allowed one is often far wider than plausible.
        int narrower = ParameterCatalog.All.Count(p => p.Plausible.High - p.Plausible.Low < p.Max - p.Min);
        Assert.Equal(ParameterCatalog.All.Count, narrower);
    }

    [Fact]
    public void A_source_that_is_an_assumption_says_so()
    {
        // "assumed" ranges must not pass for literature values: their source starts with the word.
        var claimed = ParameterCatalog.All.Where(p => p.Plausible.Source.Contains("±50% of the default", StringComparison.Ordinal) && !p.Plausible.Source.StartsWith("assumed", StringComparison.Ordinal));
        Assert.Empty(claimed.Select(p => p.Name));
    }
}
