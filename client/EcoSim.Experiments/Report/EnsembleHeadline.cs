using System.Globalization;
using EcoSim.Experiments.Ensembles;
using EcoSim.Model.Metrics;

namespace EcoSim.Experiments.Report;

/// <summary>
/// The few lines an ensemble prints when done: each headline metric from the first to the last tick, as
/// medians, with the last tick's 90% band (or, with fewer seeds than a band needs, the 5-95% spread of the runs, named as such).
/// </summary>
internal static class EnsembleHeadline
{
    private static readonly (string Label, string Metric)[] Lines =
    [
        ("total R&D, bn yuan/yr:", "total_rd"),
        ("basic-knowledge index:", "knowledge_stock"),
        ("firms:", "firms"),
        ("value added, bn yuan/yr:", "value_added"),
    ];

    public static IEnumerable<string> Describe(EnsembleSummary summary)
    {
        string band = SeedEvidence.BandName(summary.Runs, "runs");
        yield return SeedEvidence.HasBand(summary.Runs)
            ? "  medians, and the 90% band at the end:"
            : $"  medians, and the 5th and 95th percentiles of the {summary.Runs} runs at the end (too few runs for a 90% band, which needs {SeedEvidence.MinimumSeeds}):";
        foreach (var (label, metric) in Lines)
        {
            var series = summary.Region(MetricColumns.Get(metric));
            var (first, last) = (series[0].Band, series[^1].Band);
            yield return string.Create(CultureInfo.InvariantCulture,
                $"  {label,-31} {first.Median:N1} -> {last.Median:N1} ({band} {last.P05:N1} to {last.P95:N1})");
        }
    }
}
