namespace EcoSim.Experiments.Ensembles;

/// <summary>
/// The table of both kinds of band, one row per key metric at the last checkpoint, shared by findings.md
/// and report.html so both print the same cells: the median and 5-95% band of seed noise alone, the same
/// of seed noise and parameter uncertainty, and what becomes of the direction.
/// </summary>
internal static class BothBandsTable
{
    /// <summary>The column headings.</summary>
    public static IReadOnlyList<string> Header { get; } =
        ["metric", "when", "seed noise only: median", "seed noise only: 5-95%", "with parameter uncertainty: median", "with parameter uncertainty: 5-95%", "direction"];

    /// <summary>What the table shows, in a sentence or two.</summary>
    public static string Caption(IReadOnlyList<MetricFinding> effects)
    {
        int pairs = effects.Select(e => e.Both?.Pairs ?? 0).Max();
        return $"The relative effect of the policy at the last checkpoint over the same {pairs} paired seeds, twice: with the scenarios' own parameter values (seed noise only) and with each pair's drawn parameter values (seed noise and parameter uncertainty). " +
               "Counts per quarter are summed over the year to the checkpoint. Every number is in summary.csv (the seed_only_ columns for the first band).";
    }

    /// <summary>One row of cells per metric with both bands.</summary>
    public static IEnumerable<IReadOnlyList<string>> Rows(IReadOnlyList<MetricFinding> effects) =>
        effects.Where(e => e.Both is not null).Select(e =>
        {
            var both = e.Both!;
            return (IReadOnlyList<string>)[e.Title, e.EndAt, Findings.SignedPercent(both.SeedOnly.Median), Range(both.SeedOnly), Findings.SignedPercent(both.WithParameters.Median), Range(both.WithParameters), both.ShortVerdict];
        });

    private static string Range(Band band) => $"{Findings.SignedPercent(band.P05)} to {Findings.SignedPercent(band.P95)}";
}
