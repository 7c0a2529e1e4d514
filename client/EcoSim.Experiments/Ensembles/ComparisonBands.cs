using EcoSim.Model.Metrics;

namespace EcoSim.Experiments.Ensembles;

/// <summary>One metric of one cluster (or the region) at one tick across a comparison's paired seeds.</summary>
/// <param name="Period">Calendar label.</param>
/// <param name="Time">Decimal year.</param>
/// <param name="Cluster">Cluster index, or <see cref="MetricsRow.RegionIndex"/> for the region.</param>
/// <param name="ClusterId">Cluster id, or the region's.</param>
/// <param name="Column">The metric.</param>
/// <param name="Bands">Baseline, policy, effect (policy minus baseline per seed) and relative effect (policy over baseline minus one per seed, where the baseline is not zero), in <see cref="ComparisonBands.BandNames"/> order.</param>
internal sealed record ComparisonPoint(string Period, double Time, int Cluster, string ClusterId, MetricColumn Column, IReadOnlyList<Band> Bands);

/// <summary>
/// Every metric of the region and, when <paramref name="includeClusters"/>, of every cluster, for each
/// run of a comparison, kept as one compact array per run (as <see cref="EnsembleSummary"/> keeps an
/// ensemble's) and reduced to paired bands for <c>summary.csv</c>. Runs may arrive in any order and from
/// many threads; the bands do not depend on the order.
/// </summary>
/// <param name="includeClusters">Keep the clusters' metrics too, not only the region's.</param>
internal sealed class ComparisonBands(bool includeClusters = true)
{
    /// <summary>The bands of each point, named as summary.csv's column prefixes.</summary>
    public static IReadOnlyList<string> BandNames { get; } = ["baseline", "policy", "effect", "relative_effect"];

    /// <summary>
    /// The bands of summary.csv: <see cref="BandNames"/>, then, when <paramref name="withSeedOnly"/>, the
    /// same four of the seed-only pairs prefixed with <see cref="SeedOnlyBand.ColumnPrefix"/>.
    /// </summary>
    public static IReadOnlyList<string> Columns(bool withSeedOnly) =>
        withSeedOnly ? [.. BandNames, .. BandNames.Select(b => SeedOnlyBand.ColumnPrefix + b)] : BandNames;

    private readonly Lock _lock = new();
    private readonly Dictionary<ulong, double[]> _baseline = [];
    private readonly Dictionary<ulong, double[]> _policy = [];
    private RowKey[]? _layout;

    /// <summary>Whether the clusters' bands are kept.</summary>
    public bool IncludesClusters => includeClusters;

    /// <summary>Keeps the numbers of a finished run of <paramref name="role"/> (baseline or policy) and <paramref name="seed"/>.</summary>
    /// <exception cref="InvalidOperationException">The run's rows are not laid out like the first run's (other ticks or clusters).</exception>
    public void Add(MemberRole role, ulong seed, IReadOnlyList<MetricsRow> rows)
    {
        var run = PackedRun.Of(rows, includeClusters);
        lock (_lock)
        {
            run.Match(ref _layout, "comparison");
            (role == MemberRole.Baseline ? _baseline : _policy)[seed] = run.Values;
        }
    }

    /// <summary>Every metric of the region and (when kept) every cluster at every tick, ordered by tick, then region first and clusters in order, then metric.</summary>
    public IReadOnlyList<ComparisonPoint> Points()
    {
        lock (_lock)
        {
            if (_layout is null) return [];
            ulong[] seeds = [.. _baseline.Keys.Intersect(_policy.Keys).Order()];
            var columns = MetricColumns.All;
            var order = Enumerable.Range(0, _layout.Length).OrderBy(i => _layout[i].Tick).ThenBy(i => _layout[i].Cluster);
            var points = new List<ComparisonPoint>(_layout.Length * columns.Count);
            foreach (int row in order)
            {
                var key = _layout[row];
                for (int c = 0; c < columns.Count; c++)
                {
                    int at = row * columns.Count + c;
                    double[] b = [.. seeds.Select(s => _baseline[s][at])], p = [.. seeds.Select(s => _policy[s][at])];
                    double[] effect = [.. b.Zip(p, (x, y) => y - x)];
                    double[] relative = [.. b.Zip(p, (x, y) => x != 0 ? y / x - 1 : double.NaN).Where(double.IsFinite)];
                    points.Add(new ComparisonPoint(key.Period, key.Time, key.Cluster, key.ClusterId, columns[c], [Band.Of(b), Band.Of(p), Band.Of(effect), Band.Of(relative)]));
                }
            }
            return points;
        }
    }
}
