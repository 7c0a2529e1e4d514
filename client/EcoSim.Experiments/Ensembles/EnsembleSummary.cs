using EcoSim.Model.Metrics;

namespace EcoSim.Experiments.Ensembles;

/// <summary>One metric of one cluster (or the region) at one tick, across the runs of an ensemble.</summary>
/// <param name="Period">Calendar label.</param>
/// <param name="Time">Decimal year.</param>
/// <param name="Cluster">Cluster index, or <see cref="MetricsRow.RegionIndex"/> for the region.</param>
/// <param name="ClusterId">Cluster id, or the region's label.</param>
/// <param name="Column">The metric.</param>
/// <param name="Band">Median and 5-95% band over the runs.</param>
internal sealed record EnsemblePoint(string Period, double Time, int Cluster, string ClusterId, MetricColumn Column, Band Band);

/// <summary>
/// The metrics of an ensemble's finished runs, kept as one compact array of numbers per run (every
/// metric of the region, and of every cluster when <paramref name="includeClusters"/>, at every tick;
/// no row objects) until they are reduced to bands. Runs may arrive in any order and from many
/// threads; the bands do not depend on the order.
/// </summary>
/// <param name="includeClusters">Keep the clusters' metrics too, not only the region's.</param>
internal sealed class EnsembleSummary(bool includeClusters = true)
{
    /// <summary>Most memory the clusters' numbers may take before an ensemble keeps the region's only.</summary>
    public const long ClusterBudgetBytes = 256L << 20;

    /// <summary>Whether the clusters of <paramref name="runs"/> runs of <paramref name="ticks"/> ticks over <paramref name="clusters"/> clusters fit in <see cref="ClusterBudgetBytes"/>.</summary>
    public static bool ClustersFit(int runs, int ticks, int clusters) =>
        (long)runs * ticks * (clusters + 1) * MetricColumns.All.Count * sizeof(double) <= ClusterBudgetBytes;

    /// <summary>Whether the clusters' bands are kept.</summary>
    public bool IncludesClusters => includeClusters;

    private readonly Lock _lock = new();
    private readonly List<double[]> _runs = [];
    private RowKey[]? _layout;

    /// <summary>Runs added so far.</summary>
    public int Runs { get { lock (_lock) return _runs.Count; } }

    /// <summary>Keeps the numbers of a finished run; its rows may then be dropped.</summary>
    /// <exception cref="InvalidOperationException">The run's rows are not laid out like the first run's (other ticks or clusters).</exception>
    public void Add(IReadOnlyList<MetricsRow> rows)
    {
        var run = PackedRun.Of(rows, includeClusters);
        lock (_lock)
        {
            run.Match(ref _layout, "ensemble");
            _runs.Add(run.Values);
        }
    }

    /// <summary>Every metric of the region and (when kept) every cluster at every tick, ordered by tick, then region first and clusters in order, then metric.</summary>
    public IReadOnlyList<EnsemblePoint> Points() => Select(_ => true);

    /// <summary>The region's bands of one metric, by tick.</summary>
    public IReadOnlyList<EnsemblePoint> Region(MetricColumn column) =>
        Select(key => key.Cluster == MetricsRow.RegionIndex).Where(p => p.Column == column).ToList();

    private List<EnsemblePoint> Select(Func<RowKey, bool> rows)
    {
        lock (_lock)
        {
            if (_layout is null) return [];
            var columns = MetricColumns.All;
            var order = Enumerable.Range(0, _layout.Length).Where(i => rows(_layout[i]))
                .OrderBy(i => _layout[i].Tick).ThenBy(i => _layout[i].Cluster).ToList();
            var points = new List<EnsemblePoint>(order.Count * columns.Count);
            var sample = new double[_runs.Count];
            foreach (int row in order)
            {
                var key = _layout[row];
                for (int c = 0; c < columns.Count; c++)
                {
                    for (int run = 0; run < _runs.Count; run++) sample[run] = _runs[run][row * columns.Count + c];
                    points.Add(new EnsemblePoint(key.Period, key.Time, key.Cluster, key.ClusterId, columns[c], Band.Of(sample)));
                }
            }
            return points;
        }
    }
}
