using EcoSim.Model.Metrics;
using Parquet;

namespace EcoSim.Client.Output;

/// <summary>
/// Streams the metrics of an ensemble's runs into one <c>metrics.parquet</c> with <c>role</c> and
/// <c>seed</c> columns, one row group per run. Runs finish in any order, but row groups are written in
/// the order the runs were listed: a run that finishes early waits (only it, not the finished runs
/// already written) until every run before it is written, so the file's bytes never depend on timing.
/// Safe to call from concurrent runs.
/// </summary>
public sealed class EnsembleParquetWriter : IAsyncDisposable
{
    private readonly Stream _stream;
    private readonly ParquetWriter _writer;
    private readonly IReadOnlyList<(string Role, ulong Seed)> _order;
    private readonly Dictionary<int, IReadOnlyList<MetricsRow>> _waiting = [];
    private readonly SemaphoreSlim _gate = new(1, 1);
    private int _next;

    private EnsembleParquetWriter(Stream stream, ParquetWriter writer, IReadOnlyList<(string Role, ulong Seed)> order)
    {
        _stream = stream;
        _writer = writer;
        _order = order;
    }

    /// <summary>Creates the file for the runs of <paramref name="order"/>, whose row groups it will hold in that order.</summary>
    public static async Task<EnsembleParquetWriter> CreateAsync(string path, IReadOnlyList<(string Role, ulong Seed)> order, CancellationToken cancellation = default)
    {
        if (order.Distinct().Count() != order.Count) throw new ArgumentException("every run of an ensemble needs its own role and seed", nameof(order));
        var stream = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None);
        try { return new EnsembleParquetWriter(stream, await ParquetWriter.CreateAsync(MetricsParquetFormat.Schema(ensemble: true), stream, MetricsParquetFormat.Options, cancellationToken: cancellation), order); }
        catch { await stream.DisposeAsync(); throw; }
    }

    /// <summary>Hands over a finished run's rows; writes them, and any runs that were waiting for it, as soon as their turn comes.</summary>
    public async Task AddAsync(string role, ulong seed, IReadOnlyList<MetricsRow> rows, CancellationToken cancellation = default)
    {
        int index = IndexOf(role, seed);
        await _gate.WaitAsync(cancellation);
        try
        {
            if (index < _next || !_waiting.TryAdd(index, rows)) throw new InvalidOperationException($"run {role} seed {seed} was handed over twice");
            while (_waiting.Remove(_next, out var ready))
            {
                await MetricsParquetFormat.WriteRowGroupAsync(_writer, ready, _order[_next], cancellation);
                _next++;
            }
        }
        finally { _gate.Release(); }
    }

    /// <summary>Checks that every listed run was written and finishes the file (its footer).</summary>
    /// <exception cref="InvalidOperationException">A listed run was never handed over: the file would be incomplete.</exception>
    public async Task CompleteAsync()
    {
        if (_next != _order.Count)
            throw new InvalidOperationException($"{MetricsParquetFormat.FileName} lacks {_order.Count - _next} of {_order.Count} runs (first missing: {_order[_next].Role} seed {_order[_next].Seed})");
        await _writer.DisposeAsync();
    }

    /// <summary>Closes the file; without <see cref="CompleteAsync"/> it is left without a footer (its folder is abandoned anyway).</summary>
    public async ValueTask DisposeAsync()
    {
        await _stream.DisposeAsync();
        _gate.Dispose();
    }

    private int IndexOf(string role, ulong seed)
    {
        for (int i = 0; i < _order.Count; i++)
            if (_order[i] == (role, seed)) return i;
        throw new ArgumentException($"run {role} seed {seed} is not one of the ensemble's runs");
    }
}
