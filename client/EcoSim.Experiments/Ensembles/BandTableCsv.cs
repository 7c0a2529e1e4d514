using CsvHelper;
using CsvHelper.Configuration;
using EcoSim.Experiments.Output;

namespace EcoSim.Experiments.Ensembles;

/// <summary>
/// The one layout of an ensemble's and a comparison's summary.csv: a long table with one row per tick,
/// cluster (the region, cluster -1, first) and metric, keyed by <see cref="KeyColumns"/>, then the 5%,
/// median and 95% of each band (<c>p05,median,p95</c> for an ensemble's single band; prefixed with the
/// band's name, e.g. <c>baseline_p05</c>, for a comparison's).
/// </summary>
internal static class BandTableCsv
{
    /// <summary>The columns that say which number a row holds.</summary>
    public static IReadOnlyList<string> KeyColumns { get; } = ["period", "time", "cluster", "cluster_id", "metric", "unit"];

    /// <summary>The header for bands named <paramref name="bands"/> (an empty name gives unprefixed columns).</summary>
    public static IReadOnlyList<string> Header(IReadOnlyList<string> bands) =>
        [.. KeyColumns, .. bands.SelectMany(b => new[] { "p05", "median", "p95" }.Select(q => b.Length == 0 ? q : $"{b}_{q}"))];

    /// <summary>Writes the table: one row per item of <paramref name="rows"/>.</summary>
    public static void Write(string path, IReadOnlyList<string> bands, IEnumerable<(string Period, double Time, int Cluster, string ClusterId, Model.Metrics.MetricColumn Column, IReadOnlyList<Band> Bands)> rows)
    {
        using var writer = new StreamWriter(path, false, MetricsCsvFormat.Encoding);
        using var csv = new CsvWriter(writer, new CsvConfiguration(System.Globalization.CultureInfo.InvariantCulture) { NewLine = "\n" });
        foreach (var name in Header(bands)) csv.WriteField(name);
        csv.NextRecord();
        foreach (var row in rows)
        {
            csv.WriteField(row.Period);
            csv.WriteField(MetricsCsvFormat.Format(row.Time));
            csv.WriteField(MetricsCsvFormat.Format(row.Cluster));
            csv.WriteField(row.ClusterId);
            csv.WriteField(row.Column.Name);
            csv.WriteField(row.Column.Unit);
            foreach (var band in row.Bands)
            {
                csv.WriteField(MetricsCsvFormat.Format(band.P05));
                csv.WriteField(MetricsCsvFormat.Format(band.Median));
                csv.WriteField(MetricsCsvFormat.Format(band.P95));
            }
            csv.NextRecord();
        }
    }
}
