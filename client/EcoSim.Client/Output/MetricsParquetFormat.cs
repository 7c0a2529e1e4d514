using EcoSim.Model.Metrics;
using Parquet;
using Parquet.Schema;

namespace EcoSim.Client.Output;

/// <summary>
/// The layout of <c>metrics.parquet</c>: the columns of <see cref="MetricsCsvFormat.Header"/>, typed
/// (tick and cluster as 32-bit integers, period and cluster id as UTF-8 strings, every metric as a
/// double), optionally preceded by the <c>role</c> and <c>seed</c> of the run in an ensemble file.
/// </summary>
public static class MetricsParquetFormat
{
    /// <summary>Conventional file name of the metrics table inside an output folder.</summary>
    public const string FileName = "metrics.parquet";

    /// <summary>The <c>role</c> column of an ensemble file ("baseline" or "policy").</summary>
    public static DataField<string> Role { get; } = new("role", nullable: false);
    /// <summary>The <c>seed</c> column of an ensemble file.</summary>
    public static DataField<ulong> Seed { get; } = new("seed", nullable: false);
    /// <summary>The tick column.</summary>
    public static DataField<int> Tick { get; } = new("tick", nullable: false);
    /// <summary>The calendar label column.</summary>
    public static DataField<string> Period { get; } = new("period", nullable: false);
    /// <summary>The decimal-year column.</summary>
    public static DataField<double> Time { get; } = new("time", nullable: false);
    /// <summary>The cluster index column (-1 for the region).</summary>
    public static DataField<int> Cluster { get; } = new("cluster", nullable: false);
    /// <summary>The cluster id column.</summary>
    public static DataField<string> ClusterId { get; } = new("cluster_id", nullable: false);

    /// <summary>One double column per metric, in <see cref="MetricColumns.All"/> order.</summary>
    public static IReadOnlyList<DataField<double>> Metrics { get; } = [.. MetricColumns.All.Select(c => new DataField<double>(c.Name, nullable: false))];

    /// <summary>The schema of a single run's file, or of an ensemble's file when <paramref name="ensemble"/>.</summary>
    public static ParquetSchema Schema(bool ensemble) =>
        new([.. (ensemble ? new Field[] { Role, Seed } : []), Tick, Period, Time, Cluster, ClusterId, .. Metrics]);

    /// <summary>Writer settings: Snappy compression, so that equal rows always give byte-identical files readable everywhere.</summary>
    internal static ParquetOptions Options => new() { CompressionMethod = CompressionMethod.Snappy };

    /// <summary>Writes <paramref name="rows"/> as one row group, optionally tagged with a run's role and seed.</summary>
    internal static async Task WriteRowGroupAsync(ParquetWriter writer, IReadOnlyList<MetricsRow> rows, (string Role, ulong Seed)? run, CancellationToken cancellation)
    {
        using ParquetRowGroupWriter group = writer.CreateRowGroup();
        if (run is var (role, seed))
        {
            await group.WriteAsync(Role, [.. Enumerable.Repeat(role, rows.Count)]);
            await group.WriteAsync<ulong>(Seed, Enumerable.Repeat(seed, rows.Count).ToArray(), cancellationToken: cancellation);
        }
        await group.WriteAsync<int>(Tick, rows.Select(r => r.Tick).ToArray(), cancellationToken: cancellation);
        await group.WriteAsync(Period, [.. rows.Select(r => r.Period)]);
        await group.WriteAsync<double>(Time, rows.Select(r => r.Time).ToArray(), cancellationToken: cancellation);
        await group.WriteAsync<int>(Cluster, rows.Select(r => r.Cluster).ToArray(), cancellationToken: cancellation);
        await group.WriteAsync(ClusterId, [.. rows.Select(r => r.ClusterId)]);
        for (int m = 0; m < Metrics.Count; m++)
        {
            MetricColumn column = MetricColumns.All[m];
            await group.WriteAsync<double>(Metrics[m], rows.Select(column.Value).ToArray(), cancellationToken: cancellation);
        }
        group.CompleteValidate();
    }
}
