using EcoSim.Experiments.Engines;
using EcoSim.Experiments.Output;
using EcoSim.Model.Metrics;
using EcoSim.Model.World;

namespace EcoSim.Experiments.Collectors;

/// <summary>
/// What a single run writes as it goes: every tick's rows to <c>metrics.csv</c> and <c>metrics.parquet</c>,
/// the firm panel and the firm sizes the plots need (<see cref="RunFirmOutputs"/>); it keeps the run's rows for
/// the plots, the report and the summary.
/// </summary>
public sealed class SingleRunCollector : IRunCollector, IAsyncDisposable
{
    private readonly MetricsCsvWriter _csv;
    private readonly MetricsParquetWriter _parquet;
    private readonly RunFirmOutputs _firms;
    private readonly List<MetricsRow> _rows = [];
    private bool _closed;

    private SingleRunCollector(MetricsCsvWriter csv, MetricsParquetWriter parquet, RunFirmOutputs firms)
    {
        _csv = csv;
        _parquet = parquet;
        _firms = firms;
    }

    /// <summary>
    /// Opens the files in <paramref name="outputFolder"/> for a run of <paramref name="world"/>: the panel when
    /// <paramref name="firmPanelEvery"/> is set, the firm sizes when <paramref name="plots"/>.
    /// </summary>
    public static async Task<SingleRunCollector> CreateAsync(string outputFolder, WorldSpec world, int? firmPanelEvery, bool plots, ParquetProvenance provenance, CancellationToken cancellation)
    {
        var csv = MetricsCsvWriter.Create(Path.Combine(outputFolder, MetricsCsvFormat.FileName));
        var parquet = await MetricsParquetWriter.CreateAsync(Path.Combine(outputFolder, MetricsParquetFormat.FileName), provenance, cancellation);
        var firms = await RunFirmOutputs.CreateAsync(world, firmPanelEvery, Path.Combine(outputFolder, FirmPanelFormat.FileName), plots, provenance, cancellation);
        return new SingleRunCollector(csv, parquet, firms);
    }

    /// <summary>Every row so far, tick by tick.</summary>
    public IReadOnlyList<MetricsRow> Rows => _rows;

    /// <summary>The region's rows so far.</summary>
    public IReadOnlyList<MetricsRow> Region => [.. _rows.Where(r => r.Cluster == MetricsRow.RegionIndex)];

    /// <summary>The firm-size distributions of the first and last tick (with plots only).</summary>
    public IReadOnlyList<FirmSizeDistribution> SizeDistributions => _firms.SizeDistributions;

    /// <inheritdoc/>
    public IReadOnlySet<int> FirmTicks(ExperimentMember member) => _firms.Ticks;

    /// <inheritdoc/>
    public async ValueTask TickAsync(ExperimentMember member, SimulatedTick tick, CancellationToken cancellation)
    {
        await _firms.AddAsync(tick, cancellation);
        _csv.WriteAll(tick.Outcome.Rows);
        await _parquet.WriteAsync(tick.Outcome.Rows, cancellation);
        _rows.AddRange(tick.Outcome.Rows);
    }

    /// <inheritdoc/>
    public Task FinishedAsync(ExperimentMember member, IReadOnlyList<MetricsRow> rows, CancellationToken cancellation) => Task.CompletedTask;

    /// <summary>Finishes and closes the files (the Parquet files' footers written); call it before the folder's files are hashed.</summary>
    public async Task CompleteAsync()
    {
        await _firms.CompleteAsync();
        await DisposeAsync();
    }

    /// <summary>Closes the files, complete or not (an abandoned run's folder is removed anyway).</summary>
    public async ValueTask DisposeAsync()
    {
        if (_closed) return;
        _closed = true;
        _csv.Dispose();
        await _parquet.DisposeAsync();
        await _firms.DisposeAsync();
    }
}
