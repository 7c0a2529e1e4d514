using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace EcoSim.Client.Ensembles;

/// <summary>Writes a comparison's bands as a long table: one row per tick and metric.</summary>
internal static class SummaryCsv
{
    public const string FileName = "summary.csv";

    public static void Write(string path, IReadOnlyList<EffectPoint> points)
    {
        using var writer = new StreamWriter(path, false, new System.Text.UTF8Encoding(false));
        using var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture) { NewLine = "\n" });
        foreach (var header in new[] { "period", "time", "metric", "unit",
                     "baseline_p05", "baseline_median", "baseline_p95", "policy_p05", "policy_median", "policy_p95",
                     "effect_p05", "effect_median", "effect_p95", "relative_effect_p05", "relative_effect_median", "relative_effect_p95" })
            csv.WriteField(header);
        csv.NextRecord();
        foreach (var p in points)
        {
            csv.WriteField(p.Period);
            csv.WriteField(Format(p.Time));
            csv.WriteField(p.Column.Name);
            csv.WriteField(p.Column.Unit);
            foreach (var band in new[] { p.Baseline, p.Policy, p.Effect, p.RelativeEffect })
            {
                csv.WriteField(Format(band.P05));
                csv.WriteField(Format(band.Median));
                csv.WriteField(Format(band.P95));
            }
            csv.NextRecord();
        }
    }

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
