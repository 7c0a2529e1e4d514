namespace EcoSim.Experiments.Ensembles;

/// <summary>What becomes of an effect's direction once parameter uncertainty joins seed noise.</summary>
public enum DirectionUnderParameters
{
    /// <summary>Fewer pairs than a band needs: no direction is called clear either way.</summary>
    TooFewPairs,
    /// <summary>Neither band can be measured (the baseline is zero in every pair).</summary>
    NoEffect,
    /// <summary>Both bands exclude zero on the same side.</summary>
    Survives,
    /// <summary>The seed-only band excludes zero; the band with parameter uncertainty includes it.</summary>
    LostToParameters,
    /// <summary>The seed-only band includes zero; the band with parameter uncertainty excludes it.</summary>
    ClearOnlyWithParameters,
    /// <summary>The two bands exclude zero on opposite sides.</summary>
    Reversed,
    /// <summary>Both bands include zero.</summary>
    NotClear,
}

/// <summary>
/// One effect's two bands over the same paired seeds: seed noise alone (the scenarios' own parameter
/// values) and seed noise with parameter uncertainty (each pair's drawn values), and what the pair of them
/// says of the effect's direction. A direction is called clear only where a band (from
/// <see cref="SeedEvidence.MinimumSeeds"/> pairs on) excludes zero, and said to survive parameter
/// uncertainty only when the wider band excludes zero on the same side as the narrower one.
/// </summary>
/// <param name="SeedOnly">The band of the seed-only pairs.</param>
/// <param name="WithParameters">The band of the pairs that draw the uncertain parameters.</param>
/// <param name="Pairs">Paired seeds in each band.</param>
public sealed record BothBands(Band SeedOnly, Band WithParameters, int Pairs)
{
    /// <summary>What the two bands say of the direction.</summary>
    public DirectionUnderParameters Direction => (SeedEvidence.HasBand(Pairs), double.IsFinite(SeedOnly.Median) && double.IsFinite(WithParameters.Median)) switch
    {
        (false, _) => DirectionUnderParameters.TooFewPairs,
        (_, false) => DirectionUnderParameters.NoEffect,
        _ => (Side(SeedOnly), Side(WithParameters)) switch
        {
            (0, 0) => DirectionUnderParameters.NotClear,
            (0, _) => DirectionUnderParameters.ClearOnlyWithParameters,
            (_, 0) => DirectionUnderParameters.LostToParameters,
            (int a, int b) when a == b => DirectionUnderParameters.Survives,
            _ => DirectionUnderParameters.Reversed,
        },
    };

    /// <summary>The two bands and the verdict on the direction, in two sentences; <paramref name="at"/> says when, e.g. "At 2050Q4" or "In the year to 2050Q4".</summary>
    public string Sentence(string at)
    {
        string name = SeedEvidence.BandName(Pairs, "pairs");
        string bands = $"{at} the {name} of seed noise alone (the same seeds with the scenarios' own parameter values) runs from {Findings.SignedPercent(SeedOnly.P05)} to {Findings.SignedPercent(SeedOnly.P95)} (median {Findings.SignedPercent(SeedOnly.Median)}), " +
                       $"the {name} of seed noise and parameter uncertainty from {Findings.SignedPercent(WithParameters.P05)} to {Findings.SignedPercent(WithParameters.P95)} (median {Findings.SignedPercent(WithParameters.Median)}).";
        return $"{bands} {Verdict}";
    }

    /// <summary>The verdict on the direction in one sentence.</summary>
    public string Verdict => Direction switch
    {
        DirectionUnderParameters.TooFewPairs => $"With {Pairs} pairs, fewer than the {SeedEvidence.MinimumSeeds} a band needs, neither spread is a band and no direction is called clear.",
        DirectionUnderParameters.NoEffect => "There is no relative effect to measure: the baseline is zero in every pair.",
        DirectionUnderParameters.Survives => "Both bands exclude zero on the same side: the direction survives parameter uncertainty.",
        DirectionUnderParameters.LostToParameters => "Seed noise alone leaves the direction clear, but the band with parameter uncertainty includes zero: the direction does not survive parameter uncertainty.",
        DirectionUnderParameters.ClearOnlyWithParameters => "The band of seed noise alone includes zero, so at the scenarios' own parameter values the direction is not clear; only over the drawn values does the band exclude zero.",
        DirectionUnderParameters.Reversed => "The two bands exclude zero on opposite sides: the direction depends on the parameters' values.",
        _ => "Both bands include zero: the direction is not clear under either kind of uncertainty.",
    };

    /// <summary>The verdict in a few words, for a table cell.</summary>
    public string ShortVerdict => Direction switch
    {
        DirectionUnderParameters.TooFewPairs => "too few pairs for a band",
        DirectionUnderParameters.NoEffect => "no effect to measure",
        DirectionUnderParameters.Survives => "survives parameter uncertainty",
        DirectionUnderParameters.LostToParameters => "clear under seed noise only; lost with parameter uncertainty",
        DirectionUnderParameters.ClearOnlyWithParameters => "not clear under seed noise; clear only over the drawn values",
        DirectionUnderParameters.Reversed => "opposite directions: depends on the parameters",
        _ => "not clear under either",
    };

    // +1 when a band lies wholly above zero, -1 wholly below, 0 when it includes zero.
    private static int Side(Band band) => band.P05 > 0 ? 1 : band.P95 < 0 ? -1 : 0;
}
