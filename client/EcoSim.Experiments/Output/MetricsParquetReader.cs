using EcoSim.Model.Metrics;
using Parquet;
using Parquet.Schema;

namespace EcoSim.Experiments.Output;

/// <summary>One row of a file of many runs: the run it belongs to and its metrics.</summary>
/// <param name="Role">A comparison's "baseline" or "policy"; empty in an ensemble's or a sweep's file, which have no role column.</param>
/// <param name="Seed">The run's seed.</param>
/// <param name="Parameters">A sweep's parameter values by name (empty otherwise).</param>
/// <param name="Row">The metrics.</param>
public sealed record EnsembleMetricsRow(string Role, ulong Seed, IReadOnlyDictionary<string, double> Parameters, MetricsRow Row);

/// <summary>Reads files written by <see cref="MetricsParquetWriter"/> and <see cref="EnsembleParquetWriter"/> back, exactly.</summary>
public static class MetricsParquetReader
{
    /// <summary>Every row of a single run's file, in file order.</summary>
    /// <exception cref="FormatException">A required column is missing or a row's scope does not match its cluster.</exception>
    public static async Task<IReadOnlyList<MetricsRow>> ReadFileAsync(string path) =>
        [.. (await ReadAsync(path, ensemble: false)).Select(r => r.Row)];

    /// <summary>Every row of a file of many runs, with its run's columns, in file order.</summary>
    /// <exception cref="FormatException">A required column is missing or a row's scope does not match its cluster.</exception>
    public static Task<IReadOnlyList<EnsembleMetricsRow>> ReadEnsembleAsync(string path) => ReadAsync(path, ensemble: true);

    /// <summary>The file's key-value metadata (<see cref="ParquetProvenance.KeyValues"/>).</summary>
    public static async Task<IReadOnlyDictionary<string, string>> ReadKeyValuesAsync(string path)
    {
        await using ParquetReader reader = await ParquetReader.CreateAsync(path);
        return reader.CustomMetadata;
    }

    private static async Task<IReadOnlyList<EnsembleMetricsRow>> ReadAsync(string path, bool ensemble)
    {
        await using ParquetReader reader = await ParquetReader.CreateAsync(path);
        var fields = reader.Schema.GetDataFields();
        var present = fields.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        var required = MetricsParquetFormat.Schema(ensemble ? EnsembleColumns.Seeds : null).GetDataFields();
        foreach (DataField field in required)
            if (!present.Contains(field.Name)) throw new FormatException($"{path}: missing column '{field.Name}'");
        bool withRole = ensemble && present.Contains(MetricsParquetFormat.Role.Name);
        // A sweep's parameter columns are those between the seed and the tick.
        string[] parameters = ensemble
            ? [.. fields.TakeWhile(f => f.Name != MetricsParquetFormat.Tick.Name).Select(f => f.Name).Where(n => n != MetricsParquetFormat.Role.Name && n != MetricsParquetFormat.Seed.Name)]
            : [];
        var rows = new List<EnsembleMetricsRow>();
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            ParquetRowGroupReader group = reader.OpenRowGroupReader(g);
            int n = checked((int)group.RowCount);
            async Task<T[]> Column<T>(string name) where T : struct
            {
                var values = new T[n];
                await group.ReadAsync<T>(reader.Schema.FindDataField(name), values);
                return values;
            }
            async Task<string?[]> Strings(string name)
            {
                var values = new string?[n];
                await group.ReadAsync(reader.Schema.FindDataField(name), values!);
                return values;
            }
            string?[] roles = withRole ? await Strings(MetricsParquetFormat.Role.Name) : [];
            ulong[] seeds = ensemble ? await Column<ulong>(MetricsParquetFormat.Seed.Name) : [];
            var values = new double[parameters.Length][];
            for (int p = 0; p < parameters.Length; p++) values[p] = await Column<double>(parameters[p]);
            int[] ticks = await Column<int>(MetricsParquetFormat.Tick.Name);
            string?[] periods = await Strings(MetricsParquetFormat.Period.Name);
            double[] times = await Column<double>(MetricsParquetFormat.Time.Name);
            string?[] scopes = await Strings(MetricsParquetFormat.Scope.Name);
            var clusters = new int?[n];
            await group.ReadAsync<int>(reader.Schema.FindDataField(MetricsParquetFormat.Cluster.Name), clusters);
            string?[] ids = await Strings(MetricsParquetFormat.ClusterId.Name);
            var metrics = new double[MetricColumns.All.Count][];
            for (int m = 0; m < metrics.Length; m++)
            {
                MetricColumn column = MetricColumns.All[m];
                metrics[m] = column.Kind == MetricKind.Count
                    ? [.. (await Column<long>(column.Name)).Select(v => (double)v)]
                    : await Column<double>(column.Name);
            }
            for (int i = 0; i < n; i++)
            {
                var (cluster, id) = Place(path, scopes[i], clusters[i], ids[i]);
                var row = new MetricsRow { Tick = ticks[i], Period = periods[i] ?? "", Time = times[i], Cluster = cluster, ClusterId = id, Values = [.. metrics.Select(m => m[i])] };
                var byName = new Dictionary<string, double>(parameters.Length, StringComparer.Ordinal);
                for (int p = 0; p < parameters.Length; p++) byName[parameters[p]] = values[p][i];
                rows.Add(new EnsembleMetricsRow(withRole ? roles[i] ?? "" : "", ensemble ? seeds[i] : 0, byName, row));
            }
        }
        return rows;
    }

    // The row's cluster index and id as MetricsRow holds them (the region has its own index and id there).
    private static (int Cluster, string Id) Place(string path, string? scope, int? cluster, string? id) => scope switch
    {
        MetricsParquetFormat.RegionScope when cluster is null && id is null => (MetricsRow.RegionIndex, MetricsRow.RegionId),
        MetricsParquetFormat.ClusterScope when cluster is int c && id is not null => (c, id),
        _ => throw new FormatException($"{path}: a row has scope '{scope}' with cluster {cluster?.ToString() ?? "null"} and cluster_id {id ?? "null"}; " +
                                       $"'{MetricsParquetFormat.RegionScope}' needs both null, '{MetricsParquetFormat.ClusterScope}' both set"),
    };
}
