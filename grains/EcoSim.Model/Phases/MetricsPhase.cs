using EcoSim.Model.Metrics;
using EcoSim.Model.Numerics;
using EcoSim.Model.State;
using EcoSim.Model.World;

namespace EcoSim.Model.Phases;

/// <summary>Everything a cluster produced in one tick, from which its metrics row is built.</summary>
/// <param name="Budget">The tick's budget allocation.</param>
/// <param name="Labs">The cluster's labs' report.</param>
/// <param name="State">The cluster's state after entry.</param>
/// <param name="Firms">The cluster's firms' merged report.</param>
/// <param name="Entrants">The tick's entrants, counted and summed.</param>
/// <param name="Funds">All funds' merged report.</param>
/// <param name="Talent">The cluster's talent pool after clearing.</param>
public sealed record ClusterTick(BudgetAllocation Budget, LabReport Labs, ClusterState State, FirmReport Firms, EntrantSummary Entrants, FundReport Funds, TalentPoolState Talent);

/// <summary>A cluster's metrics row with the firm sums the region row pools.</summary>
/// <param name="Row">The row.</param>
/// <param name="FirmSums">The cluster's firm sums, entrants included.</param>
public sealed record ClusterOutcome(MetricsRow Row, SumVector FirmSums);

/// <summary>
/// Data collection, after the tick's behaviour: metrics rows for every cluster and for the region, each
/// column computed as <see cref="MetricColumns"/> defines it.
/// </summary>
public static class MetricsPhase
{
    /// <summary>The row of one cluster, from its phases' reports.</summary>
    public static ClusterOutcome ClusterRow(WorldSpec spec, WorldConstants constants, int tick, ClusterTick t)
    {
        var inputs = new ClusterMetricInputs(spec, constants, tick, t);
        var columns = MetricColumns.All;
        var values = new double[columns.Count];
        for (int k = 0; k < values.Length; k++) values[k] = columns[k].OfCluster(inputs);
        var row = Keys(spec, tick, inputs.Cluster, spec.Clusters[inputs.Cluster].Id, values);
        return new ClusterOutcome(row, inputs.FirmSums);
    }

    /// <summary>
    /// The region row: each column by its <see cref="RegionRule"/>, with exact sums so that the clusters'
    /// order does not matter.
    /// </summary>
    public static MetricsRow RegionRow(WorldSpec spec, int tick, IReadOnlyList<ClusterOutcome> clusters)
    {
        var columns = MetricColumns.All;
        var pooled = new SumVector(FirmSums.Count);
        var totals = new SumVector(columns.Count);
        var weighted = new ExactSum[columns.Count];
        foreach (var outcome in clusters)
        {
            pooled.Merge(outcome.FirmSums);
            for (int k = 0; k < columns.Count; k++)
            {
                double value = outcome.Row[columns[k]];
                totals.Add(k, value);
                if (columns[k].Region is WeightedMean mean) weighted[k] = weighted[k].Add(value * outcome.Row[mean.Weight]);
            }
        }
        var whole = new RegionMetricInputs(spec, tick, PolicyPhase.Level(spec, tick), pooled);
        var values = new double[columns.Count];
        for (int k = 0; k < values.Length; k++)
            values[k] = columns[k].Region switch
            {
                WeightedMean mean => totals[mean.Weight.Index] > 0 ? weighted[k].Value / totals[mean.Weight.Index] : 0,
                RegionFormula formula => formula.Of(whole),
                _ => totals[k],
            };
        return Keys(spec, tick, MetricsRow.RegionIndex, MetricsRow.RegionId, values);
    }

    private static MetricsRow Keys(WorldSpec spec, int tick, int cluster, string clusterId, double[] values)
    {
        var period = spec.PeriodOf(tick);
        return new MetricsRow(values) { Tick = tick, Period = period.ToString(), Time = period.DecimalYear, Cluster = cluster, ClusterId = clusterId };
    }
}
