using EcoSim.Model.Metrics;
using Parquet;
using Parquet.Schema;

namespace EcoSim.Experiments.Output;

/// <summary>
/// The layout of <c>metrics.parquet</c>: the rows of <c>metrics.csv</c> with types a reader can trust.
/// Tick is a 32-bit integer, period a UTF-8 string, time a double; <c>scope</c> says whether a row is the
/// region's total (<c>region</c>, with <c>cluster</c> and <c>cluster_id</c> null) or one cluster's
/// (<c>cluster</c>, with its index and id), so a filter on the cluster index can never pick up the region
/// by accident as the CSV's <c>-1</c> can; each metric is a 64-bit integer when it is a count
/// (<see cref="MetricKind.Count"/>) and a double otherwise. A file of many runs starts with the columns
/// that tell the runs apart (<see cref="EnsembleColumns"/>). The file's key-value metadata carries
/// <see cref="ParquetProvenance"/> and every column's unit; each column chunk carries its unit too.
/// </summary>
public static class MetricsParquetFormat
{
    /// <summary>Conventional file name of the metrics table inside an output folder.</summary>
    public const string FileName = "metrics.parquet";

    /// <summary>The <c>ecosim.format</c> value of a metrics table.</summary>
    public const string Format = "metrics";

    /// <summary>The <c>scope</c> of the region's rows.</summary>
    public const string RegionScope = "region";

    /// <summary>The <c>scope</c> of a cluster's rows.</summary>
    public const string ClusterScope = "cluster";

    /// <summary>The <c>role</c> column of a comparison's file ("baseline" or "policy").</summary>
    public static DataField<string> Role { get; } = new("role", nullable: false);
    /// <summary>The <c>seed</c> column of a file of many runs.</summary>
    public static DataField<ulong> Seed { get; } = new("seed", nullable: false);
    /// <summary>The tick column.</summary>
    public static DataField<int> Tick { get; } = new("tick", nullable: false);
    /// <summary>The calendar label column.</summary>
    public static DataField<string> Period { get; } = new("period", nullable: false);
    /// <summary>The decimal-year column.</summary>
    public static DataField<double> Time { get; } = new("time", nullable: false);
    /// <summary><see cref="RegionScope"/> or <see cref="ClusterScope"/>.</summary>
    public static DataField<string> Scope { get; } = new("scope", nullable: false);
    /// <summary>The cluster index column, null for the region.</summary>
    public static DataField<int?> Cluster { get; } = new("cluster", nullable: true);
    /// <summary>The cluster id column, null for the region.</summary>
    public static DataField<string> ClusterId { get; } = new("cluster_id", nullable: true);

    /// <summary>One column per metric, in <see cref="MetricColumns.All"/> order: <c>long</c> for counts, <c>double</c> otherwise.</summary>
    public static IReadOnlyList<DataField> Metrics { get; } = [.. MetricColumns.All.Select(Field)];

    /// <summary>The schema of a single run's file (<paramref name="runs"/> null) or of a file of many runs.</summary>
    public static ParquetSchema Schema(EnsembleColumns? runs) =>
        new([.. runs?.Fields ?? [], Tick, Period, Time, Scope, Cluster, ClusterId, .. Metrics]);

    /// <summary>Every column with a unit, in column order, from the one catalogue of metrics (and of swept parameters).</summary>
    public static IEnumerable<(string Column, string Unit)> Units(EnsembleColumns? runs) =>
        [.. runs?.Parameters ?? [], (Tick.Name, TickUnit), (Time.Name, "year"), .. MetricColumns.All.Select(c => (c.Name, c.Unit))];

    /// <summary>Writer settings: Snappy compression, so that equal rows always give byte-identical files readable everywhere.</summary>
    internal static ParquetOptions Options => new() { CompressionMethod = CompressionMethod.Snappy };

    private const string TickUnit = "quarters since the first period";

    /// <summary>Opens a Parquet writer on <paramref name="stream"/> whose footer will carry <paramref name="provenance"/>.</summary>
    internal static async Task<ParquetWriter> CreateWriterAsync(Stream stream, EnsembleColumns? runs, ParquetProvenance provenance, CancellationToken cancellation)
    {
        var writer = await ParquetWriter.CreateAsync(Schema(runs), stream, Options, cancellationToken: cancellation);
        writer.CustomMetadata = provenance.KeyValues(Format, Units(runs));
        return writer;
    }

    /// <summary>Writes <paramref name="rows"/> as one row group; in a file of many runs, <paramref name="run"/> fills the run's columns.</summary>
    internal static async Task WriteRowGroupAsync(ParquetWriter writer, IReadOnlyList<MetricsRow> rows, EnsembleColumns? runs, EnsembleRun? run, CancellationToken cancellation)
    {
        using ParquetRowGroupWriter group = writer.CreateRowGroup();
        int n = rows.Count;
        if (runs is not null)
        {
            var key = run ?? throw new ArgumentNullException(nameof(run), "a file of many runs needs each row group's run");
            if (runs.Role) await group.WriteAsync(Role, [.. Enumerable.Repeat(key.Role, n)]);
            await group.WriteAsync<ulong>(Seed, Enumerable.Repeat(key.Seed, n).ToArray(), cancellationToken: cancellation);
            for (int p = 0; p < runs.Parameters.Count; p++)
                await group.WriteAsync<double>(runs.ParameterFields[p], Enumerable.Repeat(key.Values[p], n).ToArray(), null, UnitOf(runs.Parameters[p].Unit), cancellation);
        }
        await group.WriteAsync<int>(Tick, rows.Select(r => r.Tick).ToArray(), null, UnitOf(TickUnit), cancellation);
        await group.WriteAsync(Period, [.. rows.Select(r => r.Period)]);
        await group.WriteAsync<double>(Time, rows.Select(r => r.Time).ToArray(), null, UnitOf("year"), cancellation);
        await group.WriteAsync(Scope, [.. rows.Select(r => IsRegion(r) ? RegionScope : ClusterScope)]);
        await group.WriteAsync<int>(Cluster, rows.Select(r => IsRegion(r) ? null : (int?)r.Cluster).ToArray(), cancellationToken: cancellation);
        await group.WriteAsync(ClusterId, [.. rows.Select(r => IsRegion(r) ? null : r.ClusterId)]);
        for (int m = 0; m < Metrics.Count; m++)
        {
            MetricColumn column = MetricColumns.All[m];
            var unit = UnitOf(column.Unit);
            if (column.Kind == MetricKind.Count)
                await group.WriteAsync<long>(Metrics[m], rows.Select(r => CountOf(column, r)).ToArray(), null, unit, cancellation);
            else
                await group.WriteAsync<double>(Metrics[m], rows.Select(column.Value).ToArray(), null, unit, cancellation);
        }
        group.CompleteValidate();
    }

    /// <summary>The value of a count column as an integer.</summary>
    /// <exception cref="InvalidOperationException">The value is not a whole number that a double and a long hold alike (so the file could not give it back exactly).</exception>
    internal static long CountOf(MetricColumn column, MetricsRow row)
    {
        double value = column.Value(row);
        long count = double.IsFinite(value) && Math.Abs(value) < (double)(1L << 62) ? (long)value : 0;
        if (BitConverter.DoubleToInt64Bits(count) != BitConverter.DoubleToInt64Bits(value))
            throw new InvalidOperationException($"metric '{column.Name}' is a count but is {value:R} at {row.Period}, cluster {row.ClusterId}");
        return count;
    }

    private static bool IsRegion(MetricsRow row) => row.Cluster == MetricsRow.RegionIndex;

    private static Dictionary<string, string> UnitOf(string unit) => new(StringComparer.Ordinal) { ["unit"] = unit };

    private static DataField Field(MetricColumn column) => column.Kind == MetricKind.Count
        ? new DataField<long>(column.Name, nullable: false)
        : new DataField<double>(column.Name, nullable: false);
}
