using EcoSim.Experiments.Engines;
using EcoSim.Model.State;
using Parquet;

namespace EcoSim.Experiments.Output;

/// <summary>
/// Streams firm censuses into <c>firms.parquet</c> (<see cref="FirmPanelFormat"/>), one row group per
/// collected tick, written as the tick arrives and then forgotten. A tick's rows are the firms alive at
/// its end and those that exited since the previous collected tick (once, with <c>alive</c> false and
/// their state at exit); firms long dead are not repeated. Firms are paired across ticks by their cluster index, never by
/// their position in the census, since a shard that drops its dead firms moves the live ones; only the indices of the
/// firms alive at the previous collected tick are kept between ticks.
/// </summary>
public sealed class FirmPanelWriter : IAsyncDisposable
{
    private readonly Stream _stream;
    private readonly ParquetWriter _writer;
    private readonly IReadOnlyList<string> _clusterIds;
    private readonly Dictionary<int, long[]> _aliveBefore = [];
    private bool _completed;

    private FirmPanelWriter(Stream stream, ParquetWriter writer, IReadOnlyList<string> clusterIds)
    {
        _stream = stream;
        _writer = writer;
        _clusterIds = clusterIds;
    }

    /// <summary>Rows written so far.</summary>
    public long Rows { get; private set; }

    /// <summary>
    /// Creates the panel at <paramref name="path"/> for a world whose clusters have the ids <paramref name="clusterIds"/>;
    /// its footer will carry <paramref name="provenance"/> and the columns' units.
    /// </summary>
    public static async Task<FirmPanelWriter> CreateAsync(string path, IReadOnlyList<string> clusterIds, ParquetProvenance provenance, CancellationToken cancellation = default)
    {
        var stream = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None);
        try
        {
            var writer = await ParquetWriter.CreateAsync(FirmPanelFormat.Schema, stream, FirmPanelFormat.Options, cancellationToken: cancellation);
            writer.CustomMetadata = provenance.KeyValues(FirmPanelFormat.Format, FirmPanelFormat.Units);
            return new FirmPanelWriter(stream, writer, clusterIds);
        }
        catch { await stream.DisposeAsync(); throw; }
    }

    /// <summary>Writes one collected tick as a row group; ticks must come in increasing order.</summary>
    internal async Task WriteAsync(FirmCensus census, string period, CancellationToken cancellation = default)
    {
        var kept = census.Clusters.Select(Kept).ToArray();
        int n = kept.Sum(k => k.Length);
        using (ParquetRowGroupWriter group = _writer.CreateRowGroup())
        {
            async Task Column<T>(Parquet.Schema.DataField<T> field, Func<FirmColumns, int, T> value) where T : struct
            {
                var values = new T[n];
                int at = 0;
                for (int c = 0; c < kept.Length; c++)
                    foreach (int i in kept[c]) values[at++] = value(census.Clusters[c], i);
                var unit = FirmPanelFormat.Units.FirstOrDefault(u => u.Column == field.Name).Unit;
                await group.WriteAsync<T>(field, values, null, unit is null ? null : new Dictionary<string, string> { ["unit"] = unit }, cancellation);
            }
            await Column(FirmPanelFormat.Tick, (_, _) => census.Tick);
            await group.WriteAsync(FirmPanelFormat.Period, [.. Enumerable.Repeat(period, n)]);
            await Column(FirmPanelFormat.Cluster, (f, _) => f.Cluster);
            await group.WriteAsync(FirmPanelFormat.ClusterId, [.. census.Clusters.SelectMany((f, c) => Enumerable.Repeat(_clusterIds[f.Cluster], kept[c].Length))]);
            await Column(FirmPanelFormat.Firm, (f, i) => f.Index[i]);
            await Column(FirmPanelFormat.Productivity, (f, i) => f.Productivity[i]);
            await Column(FirmPanelFormat.Weight, (f, i) => f.Weight[i]);
            await Column(FirmPanelFormat.Revenue, (f, i) => f.Revenue[i]);
            await Column(FirmPanelFormat.RdIntensity, (f, i) => f.RdIntensity[i]);
            await Column(FirmPanelFormat.RdStock, (f, i) => f.RdStock[i]);
            await Column(FirmPanelFormat.Cash, (f, i) => f.Cash[i]);
            await Column(FirmPanelFormat.Researchers, (f, i) => f.Researchers[i]);
            await Column(FirmPanelFormat.Age, (f, i) => f.Age[i]);
            await Column(FirmPanelFormat.Vintage, (f, i) => f.Vintage[i]);
            await Column(FirmPanelFormat.Alive, (f, i) => f.Alive[i]);
            group.CompleteValidate();
        }
        Rows += n;
        foreach (var firms in census.Clusters) _aliveBefore[firms.Cluster] = LiveIndices(firms);
    }

    /// <summary>Finishes the file (its footer).</summary>
    public async Task CompleteAsync()
    {
        await _writer.DisposeAsync();
        _completed = true;
    }

    /// <summary>Closes the file; without <see cref="CompleteAsync"/> it is left without a footer (its folder is abandoned anyway).</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_completed) await _writer.DisposeAsync();
        }
        catch (Exception e) when (e is IOException or InvalidOperationException) { /* the abandoned file is deleted with its folder */ }
        finally { await _stream.DisposeAsync(); }
    }

    // Positions of the firms alive now or alive at the previous collected tick: both lists are in index order, so one merge.
    private int[] Kept(FirmColumns firms)
    {
        long[] before = _aliveBefore.GetValueOrDefault(firms.Cluster, []);
        var kept = new List<int>();
        int b = 0;
        for (int i = 0; i < firms.Count; i++)
        {
            long index = firms.Index[i];
            while (b < before.Length && before[b] < index) b++;
            if (firms.Alive[i] || (b < before.Length && before[b] == index)) kept.Add(i);
        }
        return [.. kept];
    }

    private static long[] LiveIndices(FirmColumns firms)
    {
        var live = new List<long>();
        for (int i = 0; i < firms.Count; i++) if (firms.Alive[i]) live.Add(firms.Index[i]);
        return [.. live];
    }
}
