using EcoSim.Model.State;
using Parquet;
using Parquet.Schema;

namespace EcoSim.Experiments.Output;

/// <summary>One row of <c>firms.parquet</c>.</summary>
/// <param name="Tick">The tick at whose end the firm was seen.</param>
/// <param name="Period">Its calendar label.</param>
/// <param name="Cluster">Cluster index.</param>
/// <param name="ClusterId">Cluster id.</param>
/// <param name="Firm">The firm's index in its cluster.</param>
/// <param name="State">Every field of the firm.</param>
public sealed record FirmPanelRow(int Tick, string Period, int Cluster, string ClusterId, long Firm, FirmRecord State);

/// <summary>Reads a panel written by <see cref="FirmPanelWriter"/> back, exactly, one row group (one tick) at a time.</summary>
public static class FirmPanelReader
{
    /// <summary>Every row, tick by tick, in file order.</summary>
    /// <exception cref="FormatException">A column is missing.</exception>
    public static async IAsyncEnumerable<IReadOnlyList<FirmPanelRow>> ReadTicksAsync(string path)
    {
        await using ParquetReader reader = await ParquetReader.CreateAsync(path);
        var present = reader.Schema.GetDataFields().ToDictionary(f => f.Name, StringComparer.Ordinal);
        foreach (DataField field in FirmPanelFormat.Schema.GetDataFields())
            if (!present.ContainsKey(field.Name)) throw new FormatException($"{path}: missing column '{field.Name}'");
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            ParquetRowGroupReader group = reader.OpenRowGroupReader(g);
            int n = checked((int)group.RowCount);
            async Task<T[]> Column<T>(DataField<T> field) where T : struct
            {
                var values = new T[n];
                await group.ReadAsync<T>(present[field.Name], values);
                return values;
            }
            async Task<string[]> Strings(DataField<string> field)
            {
                var values = new string[n];
                await group.ReadAsync(present[field.Name], values);
                return values;
            }
            int[] ticks = await Column(FirmPanelFormat.Tick), clusters = await Column(FirmPanelFormat.Cluster);
            string[] periods = await Strings(FirmPanelFormat.Period), ids = await Strings(FirmPanelFormat.ClusterId);
            long[] firms = await Column(FirmPanelFormat.Firm);
            double[] productivity = await Column(FirmPanelFormat.Productivity), weight = await Column(FirmPanelFormat.Weight),
                revenue = await Column(FirmPanelFormat.Revenue), intensity = await Column(FirmPanelFormat.RdIntensity),
                stock = await Column(FirmPanelFormat.RdStock), cash = await Column(FirmPanelFormat.Cash), researchers = await Column(FirmPanelFormat.Researchers);
            int[] age = await Column(FirmPanelFormat.Age), vintage = await Column(FirmPanelFormat.Vintage);
            bool[] alive = await Column(FirmPanelFormat.Alive);
            yield return [.. Enumerable.Range(0, n).Select(i => new FirmPanelRow(ticks[i], periods[i], clusters[i], ids[i], firms[i],
                new FirmRecord(productivity[i], weight[i], revenue[i], intensity[i], stock[i], cash[i], researchers[i], age[i], vintage[i], alive[i])))];
        }
    }
}
