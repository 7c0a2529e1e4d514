using CsvHelper;
using EcoSim.Model.Metrics;

namespace EcoSim.Experiments.Output;

/// <summary>
/// Streams <see cref="MetricsRow"/>s into a CSV file laid out as <see cref="MetricsCsvFormat.Header"/>.
/// Numbers are culture-invariant and round-trip exact, lines end in <c>\n</c> and the file is UTF-8
/// without a byte-order mark, so equal rows always give byte-identical files.
/// </summary>
public sealed class MetricsCsvWriter : IDisposable
{
    private readonly CsvWriter csv;

    /// <summary>Starts a table on <paramref name="writer"/> and writes the header line.</summary>
    /// <param name="writer">Where to write; disposed with this writer unless <paramref name="leaveOpen"/>.</param>
    /// <param name="leaveOpen">Keep <paramref name="writer"/> open when this writer is disposed.</param>
    public MetricsCsvWriter(TextWriter writer, bool leaveOpen = false)
    {
        csv = new CsvWriter(writer, MetricsCsvFormat.Configuration, leaveOpen);
        foreach (string name in MetricsCsvFormat.Header)
            csv.WriteField(name);
        csv.NextRecord();
    }

    /// <summary>Creates (or overwrites) <paramref name="path"/> and writes the header line.</summary>
    /// <param name="path">The CSV file to write.</param>
    public static MetricsCsvWriter Create(string path) =>
        new(new StreamWriter(path, append: false, MetricsCsvFormat.Encoding));

    /// <summary>Writes <paramref name="rows"/> to a new file at <paramref name="path"/>.</summary>
    /// <param name="path">The CSV file to write.</param>
    /// <param name="rows">The rows, written in the order given.</param>
    public static void WriteFile(string path, IEnumerable<MetricsRow> rows)
    {
        using MetricsCsvWriter writer = Create(path);
        writer.WriteAll(rows);
    }

    /// <summary>Appends one row.</summary>
    /// <param name="row">The row to write.</param>
    public void Write(MetricsRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        csv.WriteField(MetricsCsvFormat.Format(row.Tick));
        csv.WriteField(row.Period);
        csv.WriteField(MetricsCsvFormat.Format(row.Time));
        csv.WriteField(MetricsCsvFormat.Format(row.Cluster));
        csv.WriteField(row.ClusterId);
        foreach (MetricColumn column in MetricColumns.All)
            csv.WriteField(MetricsCsvFormat.Format(column.Value(row)));
        csv.NextRecord();
    }

    /// <summary>Appends every row of <paramref name="rows"/> in order.</summary>
    /// <param name="rows">The rows to write.</param>
    public void WriteAll(IEnumerable<MetricsRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        foreach (MetricsRow row in rows)
            Write(row);
    }

    /// <summary>Pushes buffered rows to the underlying writer.</summary>
    public void Flush() => csv.Flush();

    /// <summary>Flushes and closes the table.</summary>
    public void Dispose() => csv.Dispose();
}
