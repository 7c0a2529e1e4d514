using System.Globalization;
using CsvHelper;
using EcoSim.Model.Metrics;

namespace EcoSim.Experiments.Output;

/// <summary>
/// Reads tables written by <see cref="MetricsCsvWriter"/> back into <see cref="MetricsRow"/>s, exactly.
/// Columns are found by name; every column of <see cref="MetricsCsvFormat.Header"/> must be present and
/// extra columns are ignored.
/// </summary>
public static class MetricsCsvReader
{
    /// <summary>Reads every row of the CSV file at <paramref name="path"/>.</summary>
    /// <param name="path">A metrics CSV file.</param>
    /// <exception cref="FormatException">A required column is missing or a value does not parse.</exception>
    public static IReadOnlyList<MetricsRow> ReadFile(string path)
    {
        using var reader = new StreamReader(path, MetricsCsvFormat.Encoding);
        return [.. Read(reader, path)];
    }

    /// <summary>Reads rows lazily from <paramref name="reader"/>.</summary>
    /// <param name="reader">The CSV text, starting with the header line.</param>
    /// <param name="source">Name of the source, used in error messages.</param>
    /// <exception cref="FormatException">A required column is missing or a value does not parse.</exception>
    public static IEnumerable<MetricsRow> Read(TextReader reader, string source = "metrics CSV")
    {
        using var csv = new CsvReader(reader, MetricsCsvFormat.Configuration, leaveOpen: true);
        if (!csv.Read())
            throw new FormatException($"{source}: empty file, expected a header line");
        csv.ReadHeader();
        string[] header = csv.HeaderRecord ?? [];
        Dictionary<string, int> index = MetricsCsvFormat.Header.ToDictionary(name => name, name =>
            Array.IndexOf(header, name) is var i and >= 0
                ? i
                : throw new FormatException($"{source}: missing column '{name}'"));
        while (csv.Read())
            yield return ReadRow(csv, index, source);
    }

    private static MetricsRow ReadRow(CsvReader csv, Dictionary<string, int> index, string source)
    {
        string Field(string name) =>
            csv.GetField(index[name]) ?? throw new FormatException($"{source}, line {csv.Parser.RawRow}: missing '{name}'");
        T Parse<T>(string name) where T : IParsable<T> =>
            T.TryParse(Field(name), CultureInfo.InvariantCulture, out T? value)
                ? value
                : throw new FormatException($"{source}, line {csv.Parser.RawRow}: '{name}' = '{Field(name)}' is not a number");

        var row = new MetricsRow
        {
            Tick = Parse<int>("tick"),
            Period = Field("period"),
            Time = Parse<double>("time"),
            Cluster = Parse<int>("cluster"),
            ClusterId = Field("cluster_id"),
            Values = [.. MetricColumns.All.Select(column => Parse<double>(column.Name))],
        };
        return row;
    }
}
