using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using EcoSim.Client.Output;

namespace EcoSim.Client.Ensembles;

/// <summary>
/// Writes an ensemble's bands as a long table, summary.csv: one row per tick, cluster (the region,
/// cluster -1, first) and metric, with the median and the 5% and 95% quantiles over the runs.
/// </summary>
internal static class EnsembleSummaryCsv
{
    public const string FileName = "summary.csv";

    public static readonly string[] Header = ["period", "time", "cluster", "cluster_id", "metric", "unit", "p05", "median", "p95"];

    public static void Write(string path, IEnumerable<EnsemblePoint> points)
    {
        using var writer = new StreamWriter(path, false, MetricsCsvFormat.Encoding);
        using var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture) { NewLine = "\n" });
        foreach (var name in Header) csv.WriteField(name);
        csv.NextRecord();
        foreach (var p in points)
        {
            csv.WriteField(p.Period);
            csv.WriteField(MetricsCsvFormat.Format(p.Time));
            csv.WriteField(MetricsCsvFormat.Format(p.Cluster));
            csv.WriteField(p.ClusterId);
            csv.WriteField(p.Column.Name);
            csv.WriteField(p.Column.Unit);
            csv.WriteField(MetricsCsvFormat.Format(p.Band.P05));
            csv.WriteField(MetricsCsvFormat.Format(p.Band.Median));
            csv.WriteField(MetricsCsvFormat.Format(p.Band.P95));
            csv.NextRecord();
        }
    }
}
