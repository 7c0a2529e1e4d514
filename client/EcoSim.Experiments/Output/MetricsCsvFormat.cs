using System.Globalization;
using System.Text;
using CsvHelper.Configuration;
using EcoSim.Model.Metrics;

namespace EcoSim.Experiments.Output;

/// <summary>The layout shared by <see cref="MetricsCsvWriter"/> and <see cref="MetricsCsvReader"/>.</summary>
public static class MetricsCsvFormat
{
    /// <summary>Conventional file name of the metrics table inside an output folder.</summary>
    public const string FileName = "metrics.csv";

    /// <summary>The identifying columns that precede the metric columns.</summary>
    public static IReadOnlyList<string> KeyColumns { get; } = ["tick", "period", "time", "cluster", "cluster_id"];

    /// <summary>The full header: <see cref="KeyColumns"/> then every name of <see cref="MetricColumns.All"/>, in order.</summary>
    public static IReadOnlyList<string> Header { get; } = [.. KeyColumns, .. MetricColumns.All.Select(c => c.Name)];

    /// <summary>UTF-8 without a byte-order mark.</summary>
    internal static Encoding Encoding { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    internal static CsvConfiguration Configuration { get; } = new(CultureInfo.InvariantCulture) { NewLine = "\n" };

    /// <summary>Shortest text that parses back to exactly <paramref name="value"/>, culture-invariant.</summary>
    internal static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Culture-invariant integer text.</summary>
    internal static string Format(int value) => value.ToString(CultureInfo.InvariantCulture);
}
