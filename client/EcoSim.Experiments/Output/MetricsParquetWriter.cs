using EcoSim.Model.Metrics;
using Parquet;

namespace EcoSim.Experiments.Output;

/// <summary>
/// Streams one run's <see cref="MetricsRow"/>s into <c>metrics.parquet</c> (<see cref="MetricsParquetFormat"/>):
/// rows are buffered until <see cref="RowGroupRows"/> are waiting, then written as a row group, so a
/// long run never holds more than one row group. Equal rows give byte-identical files.
/// </summary>
public sealed class MetricsParquetWriter : IAsyncDisposable
{
    /// <summary>Rows per row group (the last one may be shorter).</summary>
    public const int RowGroupRows = 4096;

    private readonly Stream _stream;
    private readonly ParquetWriter _writer;
    private readonly List<MetricsRow> _pending = [];

    private MetricsParquetWriter(Stream stream, ParquetWriter writer)
    {
        _stream = stream;
        _writer = writer;
    }

    /// <summary>Creates the file at <paramref name="path"/> (replacing any) and starts the table; its footer will carry <paramref name="provenance"/>.</summary>
    public static async Task<MetricsParquetWriter> CreateAsync(string path, ParquetProvenance provenance, CancellationToken cancellation = default)
    {
        var stream = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None);
        try { return new MetricsParquetWriter(stream, await MetricsParquetFormat.CreateWriterAsync(stream, runs: null, provenance, cancellation)); }
        catch { await stream.DisposeAsync(); throw; }
    }

    /// <summary>Writes every row of <paramref name="rows"/> to a new file at <paramref name="path"/>.</summary>
    public static async Task WriteFileAsync(string path, IEnumerable<MetricsRow> rows, ParquetProvenance provenance, CancellationToken cancellation = default)
    {
        await using var writer = await CreateAsync(path, provenance, cancellation);
        await writer.WriteAsync(rows, cancellation);
    }

    /// <summary>Appends rows in the order given, writing a row group whenever <see cref="RowGroupRows"/> are waiting.</summary>
    public async Task WriteAsync(IEnumerable<MetricsRow> rows, CancellationToken cancellation = default)
    {
        foreach (MetricsRow row in rows)
        {
            _pending.Add(row);
            if (_pending.Count == RowGroupRows) await FlushAsync(cancellation);
        }
    }

    /// <summary>Writes the rows still waiting, the file's footer, and closes it.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await FlushAsync(CancellationToken.None);
            await _writer.DisposeAsync();
        }
        finally { await _stream.DisposeAsync(); }
    }

    private async Task FlushAsync(CancellationToken cancellation)
    {
        if (_pending.Count == 0) return;
        await MetricsParquetFormat.WriteRowGroupAsync(_writer, _pending, runs: null, run: null, cancellation);
        _pending.Clear();
    }
}
