using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using EcoSim.Experiments.Output;

namespace EcoSim.Experiments.Ensembles;

/// <summary>
/// Writes sweep.csv, a long table: per grid point (its index and the value of each swept parameter),
/// checkpoint and key metric, the median over the seeds and the 5-95% band.
/// </summary>
internal static class SweepCsv
{
    public const string FileName = "sweep.csv";

    public static void Write(string path, SweepGrid grid, IEnumerable<SweepResult> results)
    {
        using var writer = new StreamWriter(path, false, MetricsCsvFormat.Encoding);
        using var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture) { NewLine = "\n" });
        foreach (var name in Header(grid)) csv.WriteField(name);
        csv.NextRecord();
        foreach (var r in results)
        {
            csv.WriteField(MetricsCsvFormat.Format(r.Point.Index));
            foreach (var (_, value) in r.Point.Settings) csv.WriteField(MetricsCsvFormat.Format(value));
            csv.WriteField(r.Period);
            csv.WriteField(r.Column.Name);
            csv.WriteField(r.Unit);
            csv.WriteField(MetricsCsvFormat.Format(r.Band.P05));
            csv.WriteField(MetricsCsvFormat.Format(r.Band.Median));
            csv.WriteField(MetricsCsvFormat.Format(r.Band.P95));
            csv.NextRecord();
        }
    }

    /// <summary><c>point</c>, the swept parameters' names, then <c>period, metric, unit, p05, median, p95</c>.</summary>
    public static IReadOnlyList<string> Header(SweepGrid grid) =>
        ["point", .. grid.Axes.Select(a => a.Parameter.Name), "period", "metric", "unit", "p05", "median", "p95"];
}
