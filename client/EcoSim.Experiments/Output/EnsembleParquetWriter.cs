using EcoSim.Model.Metrics;
using Parquet;

namespace EcoSim.Experiments.Output;

/// <summary>
/// Streams the metrics of many runs (a comparison, an ensemble, a sweep) into one <c>metrics.parquet</c>,
/// one row group per run, each tagged with the run's columns (<see cref="EnsembleColumns"/>). Runs finish
/// in any order, but row groups are written in the order the runs were listed, so the file's bytes never
/// depend on timing: a run handed over early waits, holding its rows, until every run before it is written.
/// Runs are started in the listed order, so with P runs at a time at most P runs' rows are held, however
/// many runs there are. Safe to call from concurrent runs.
/// </summary>
public sealed class EnsembleParquetWriter : IAsyncDisposable
{
    private readonly Stream _stream;
    private readonly ParquetWriter _writer;
    private readonly EnsembleColumns _columns;
    private readonly IReadOnlyList<EnsembleRun> _order;
    private readonly Dictionary<(string Role, ulong Seed), int> _index;
    private readonly TaskCompletionSource[] _turns;
    private readonly bool[] _handedOver;
    private int _written;

    private EnsembleParquetWriter(Stream stream, ParquetWriter writer, EnsembleColumns columns, IReadOnlyList<EnsembleRun> order, Dictionary<(string, ulong), int> index)
    {
        _stream = stream;
        _writer = writer;
        _columns = columns;
        _order = order;
        _index = index;
        _turns = [.. order.Select(_ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously))];
        _handedOver = new bool[order.Count];
        if (_turns.Length > 0) _turns[0].SetResult();
    }

    /// <summary>Creates the file for the runs of <paramref name="order"/>, whose row groups it will hold in that order.</summary>
    /// <exception cref="ArgumentException">Two runs share a role and seed, or a run's values do not match the parameter columns.</exception>
    public static async Task<EnsembleParquetWriter> CreateAsync(string path, EnsembleColumns columns, IReadOnlyList<EnsembleRun> order, ParquetProvenance provenance, CancellationToken cancellation = default)
    {
        var index = new Dictionary<(string, ulong), int>();
        for (int i = 0; i < order.Count; i++)
        {
            if (!index.TryAdd((order[i].Role, order[i].Seed), i)) throw new ArgumentException("every run of an ensemble needs its own role and seed", nameof(order));
            if (order[i].Values.Count != columns.Parameters.Count)
                throw new ArgumentException($"run {order[i].Role} seed {order[i].Seed} has {order[i].Values.Count} parameter values for {columns.Parameters.Count} columns", nameof(order));
        }
        var stream = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None);
        try { return new EnsembleParquetWriter(stream, await MetricsParquetFormat.CreateWriterAsync(stream, columns, provenance, cancellation), columns, order, index); }
        catch { await stream.DisposeAsync(); throw; }
    }

    /// <summary>Hands over a finished run's rows and returns once they are written, after every run listed before it.</summary>
    /// <exception cref="ArgumentException">The run is not one of the listed runs.</exception>
    /// <exception cref="InvalidOperationException">The run was handed over before.</exception>
    public async Task AddAsync(string role, ulong seed, IReadOnlyList<MetricsRow> rows, CancellationToken cancellation = default)
    {
        if (!_index.TryGetValue((role, seed), out int index)) throw new ArgumentException($"run {role} seed {seed} is not one of the ensemble's runs");
        lock (_handedOver)
        {
            if (_handedOver[index]) throw new InvalidOperationException($"run {role} seed {seed} was handed over twice");
            _handedOver[index] = true;
        }
        await _turns[index].Task.WaitAsync(cancellation);
        try { await MetricsParquetFormat.WriteRowGroupAsync(_writer, rows, _columns, _order[index], cancellation); }
        catch (Exception e)
        {
            // The runs after this one can never have their turn: let them fail instead of waiting for ever.
            for (int later = index + 1; later < _turns.Length; later++) _turns[later].TrySetException(e);
            throw;
        }
        _written = index + 1;
        if (index + 1 < _turns.Length) _turns[index + 1].SetResult();
    }

    /// <summary>Checks that every listed run was written and finishes the file (its footer).</summary>
    /// <exception cref="InvalidOperationException">A listed run was never handed over: the file would be incomplete.</exception>
    public async Task CompleteAsync()
    {
        if (_written != _order.Count)
            throw new InvalidOperationException($"{MetricsParquetFormat.FileName} lacks {_order.Count - _written} of {_order.Count} runs (first missing: {_order[_written].Role} seed {_order[_written].Seed})");
        await _writer.DisposeAsync();
    }

    /// <summary>Closes the file; without <see cref="CompleteAsync"/> it is left without a footer (its folder is abandoned anyway).</summary>
    public async ValueTask DisposeAsync() => await _stream.DisposeAsync();
}
