using EcoSim.Model.Metrics;

namespace EcoSim.Experiments.Ensembles;

/// <summary>Where a row of a packed run stands: its tick and its cluster (or the region).</summary>
internal readonly record struct RowKey(int Tick, string Period, double Time, int Cluster, string ClusterId);

/// <summary>
/// A finished run's metrics as one compact array (row by row, every catalogue column in order) and the
/// layout of its rows, the form in which ensembles and comparisons keep runs until they reduce them to
/// bands: a run of a hundred ticks over twenty clusters is then one array, not two thousand row objects.
/// </summary>
/// <param name="Values">Row <c>r</c>, column <c>c</c> at <c>r * columns + c</c>.</param>
/// <param name="Layout">Tick and cluster of each row.</param>
internal sealed record PackedRun(double[] Values, RowKey[] Layout)
{
    /// <summary>Packs <paramref name="rows"/>, the region's only unless <paramref name="includeClusters"/>.</summary>
    public static PackedRun Of(IReadOnlyList<MetricsRow> rows, bool includeClusters)
    {
        if (!includeClusters) rows = [.. rows.Where(r => r.Cluster == MetricsRow.RegionIndex)];
        var columns = MetricColumns.All;
        var values = new double[rows.Count * columns.Count];
        for (int r = 0; r < rows.Count; r++)
            for (int c = 0; c < columns.Count; c++)
                values[r * columns.Count + c] = columns[c].Value(rows[r]);
        return new PackedRun(values, [.. rows.Select(r => new RowKey(r.Tick, r.Period, r.Time, r.Cluster, r.ClusterId))]);
    }

    /// <summary>Takes this run's layout as the first, or checks that it is the first's (the caller holds the lock).</summary>
    /// <exception cref="InvalidOperationException">Other ticks or clusters than the first run; <paramref name="what"/> names the collection, e.g. "ensemble".</exception>
    public void Match(ref RowKey[]? first, string what)
    {
        first ??= Layout;
        if (!first.AsSpan().SequenceEqual(Layout))
            throw new InvalidOperationException($"a run of the {what} has other ticks or clusters than the first one");
    }
}
