using EcoSim.Model.Metrics;
using Parquet;
using Parquet.Schema;

namespace EcoSim.Client.Output;

/// <summary>One row of an ensemble's <c>metrics.parquet</c>: the run it belongs to and its metrics.</summary>
/// <param name="Role">"baseline" or "policy".</param>
/// <param name="Seed">The run's seed.</param>
/// <param name="Row">The metrics.</param>
public sealed record EnsembleMetricsRow(string Role, ulong Seed, MetricsRow Row);

/// <summary>Reads files written by <see cref="MetricsParquetWriter"/> and <see cref="EnsembleParquetWriter"/> back, exactly.</summary>
public static class MetricsParquetReader
{
    /// <summary>Every row of a single run's file, in file order.</summary>
    /// <exception cref="FormatException">A required column is missing.</exception>
    public static async Task<IReadOnlyList<MetricsRow>> ReadFileAsync(string path) =>
        [.. (await ReadAsync(path, ensemble: false)).Select(r => r.Row)];

    /// <summary>Every row of an ensemble's file, with its run's role and seed, in file order.</summary>
    /// <exception cref="FormatException">A required column is missing.</exception>
    public static Task<IReadOnlyList<EnsembleMetricsRow>> ReadEnsembleAsync(string path) => ReadAsync(path, ensemble: true);

    private static async Task<IReadOnlyList<EnsembleMetricsRow>> ReadAsync(string path, bool ensemble)
    {
        await using ParquetReader reader = await ParquetReader.CreateAsync(path);
        var present = reader.Schema.GetDataFields().Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        foreach (DataField field in MetricsParquetFormat.Schema(ensemble).GetDataFields())
            if (!present.Contains(field.Name)) throw new FormatException($"{path}: missing column '{field.Name}'");
        var rows = new List<EnsembleMetricsRow>();
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            ParquetRowGroupReader group = reader.OpenRowGroupReader(g);
            int n = checked((int)group.RowCount);
            async Task<T[]> Column<T>(DataField<T> field) where T : struct
            {
                var values = new T[n];
                await group.ReadAsync<T>(Field(reader, field), values);
                return values;
            }
            async Task<string[]> Strings(DataField<string> field)
            {
                var values = new string[n];
                await group.ReadAsync(Field(reader, field), values);
                return values;
            }
            string[] roles = ensemble ? await Strings(MetricsParquetFormat.Role) : [];
            ulong[] seeds = ensemble ? await Column(MetricsParquetFormat.Seed) : [];
            int[] ticks = await Column(MetricsParquetFormat.Tick);
            string[] periods = await Strings(MetricsParquetFormat.Period);
            double[] times = await Column(MetricsParquetFormat.Time);
            int[] clusters = await Column(MetricsParquetFormat.Cluster);
            string[] ids = await Strings(MetricsParquetFormat.ClusterId);
            var metrics = new double[MetricColumns.All.Count][];
            for (int m = 0; m < metrics.Length; m++) metrics[m] = await Column(MetricsParquetFormat.Metrics[m]);
            for (int i = 0; i < n; i++)
            {
                var row = new MetricsRow { Tick = ticks[i], Period = periods[i], Time = times[i], Cluster = clusters[i], ClusterId = ids[i] };
                for (int m = 0; m < metrics.Length; m++) MetricsRowFields.Set(row, MetricColumns.All[m], metrics[m][i]);
                rows.Add(new EnsembleMetricsRow(ensemble ? roles[i] : "", ensemble ? seeds[i] : 0, row));
            }
        }
        return rows;
    }

    private static DataField Field(ParquetReader reader, DataField field) => reader.Schema.FindDataField(field.Name);
}
