using EcoSim.Model.Metrics;

namespace EcoSim.Experiments.Ensembles;

/// <summary>The relative effect of the policy on one metric of one cluster, tick by tick.</summary>
/// <param name="ClusterId">Short cluster id.</param>
/// <param name="Times">Decimal year of each tick.</param>
/// <param name="RelativeEffect">Policy over baseline minus one across paired seeds, per tick.</param>
public sealed record ClusterEffect(string ClusterId, IReadOnlyList<double> Times, IReadOnlyList<Band> RelativeEffect);

/// <summary>A few metrics of every cluster of one run: <c>Values[metric][cluster][tick]</c>.</summary>
/// <param name="ClusterIds">Cluster ids in index order.</param>
/// <param name="Values">The values, by metric, cluster and tick.</param>
internal sealed record ClusterValues(IReadOnlyList<string> ClusterIds, double[][][] Values)
{
    /// <summary>Takes <paramref name="metrics"/> of every cluster from a run's rows (any order).</summary>
    public static ClusterValues Of(IReadOnlyList<MetricsRow> rows, IReadOnlyList<string> metrics)
    {
        var clusters = rows.Where(r => r.Cluster != MetricsRow.RegionIndex).GroupBy(r => r.Cluster).OrderBy(g => g.Key)
            .Select(g => g.OrderBy(r => r.Tick).ToArray()).ToArray();
        var columns = metrics.Select(MetricColumns.Get).ToArray();
        return new ClusterValues(
            [.. clusters.Select(c => c[0].ClusterId)],
            [.. columns.Select(column => clusters.Select(c => c.Select(column.Value).ToArray()).ToArray())]);
    }
}
