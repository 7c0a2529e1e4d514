using EcoSim.Experiments.Output;
using EcoSim.Model.Metrics;

namespace EcoSim.Experiments.Collectors;

/// <summary>
/// Writes the files every experiment of many runs keeps of each run: <c>runs/&lt;label&gt;-seed&lt;S&gt;.csv</c>
/// as the run finishes, and its row group of <c>runs/metrics.parquet</c> in the members' order
/// (<see cref="EnsembleParquetWriter"/>), so that nothing depends on the order runs finish in.
/// </summary>
public sealed class RunFilesCollector : IRunCollector, IAsyncDisposable
{
    /// <summary>The folder, inside the output folder, that holds every run's files.</summary>
    public const string FolderName = "runs";

    private readonly string _folder;
    private readonly EnsembleParquetWriter _parquet;

    private RunFilesCollector(string folder, EnsembleParquetWriter parquet)
    {
        _folder = folder;
        _parquet = parquet;
    }

    /// <summary>
    /// Creates <c>runs/</c> under <paramref name="outputFolder"/> and its Parquet file for the members of
    /// <paramref name="experiment"/>, with the run columns <paramref name="columns"/>; <paramref name="values"/>
    /// gives a member's values of the parameter columns (none by default).
    /// </summary>
    public static async Task<RunFilesCollector> CreateAsync(string outputFolder, Experiment experiment, EnsembleColumns columns, ParquetProvenance provenance,
        CancellationToken cancellation, Func<ExperimentMember, IReadOnlyList<double>>? values = null)
    {
        string folder = Path.Combine(outputFolder, FolderName);
        Directory.CreateDirectory(folder);
        var runs = experiment.Members.Select(m => new EnsembleRun(m.Label, m.Seed, values?.Invoke(m) ?? [])).ToList();
        var parquet = await EnsembleParquetWriter.CreateAsync(Path.Combine(folder, MetricsParquetFormat.FileName), columns, runs, provenance, cancellation);
        return new RunFilesCollector(folder, parquet);
    }

    /// <inheritdoc/>
    public async Task FinishedAsync(ExperimentMember member, IReadOnlyList<MetricsRow> rows, CancellationToken cancellation)
    {
        MetricsCsvWriter.WriteFile(Path.Combine(_folder, member.FileName), rows);
        await _parquet.AddAsync(member.Label, member.Seed, rows, cancellation);
    }

    /// <summary>Finishes the Parquet file, checking that every member was written.</summary>
    public Task CompleteAsync() => _parquet.CompleteAsync();

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => _parquet.DisposeAsync();
}
