namespace EcoSim.Model.Metrics;

/// <summary>Whether a metric is a measured quantity or a whole number of things.</summary>
public enum MetricKind
{
    /// <summary>A real-valued quantity (money, an index, a share, a mean).</summary>
    Real,

    /// <summary>
    /// A whole number of things (firms, breakthroughs, approvals): the model counts them with integers,
    /// so the value is always integral even though <see cref="MetricsRow"/> holds it as a double. Typed
    /// outputs store it as an integer so readers do not take it for a measurement.
    /// </summary>
    Count,
}

/// <summary>
/// One numeric column of <see cref="MetricsRow"/>, as <see cref="MetricColumns"/> defines it: everything
/// the files, the wire form, the region row, the plots and the reports need to know about it.
/// </summary>
/// <param name="Index">Position among <see cref="MetricColumns.All"/>: the column's slot in every row and its output order.</param>
/// <param name="Name">Column name as written to CSV and Parquet (snake_case).</param>
/// <param name="Title">Human title for plots and reports.</param>
/// <param name="Unit">Unit, for axis labels and the typed files' column units.</param>
/// <param name="Kind">Whether the value is a count (always integral) or a real quantity.</param>
/// <param name="PerTick">True for a count of events during one tick (not annualised); false for a level or an annualised flow.</param>
/// <param name="Region">How the region's row gets its value from the clusters' rows.</param>
/// <param name="OfCluster">The value for one cluster, from the phases' reports of the tick.</param>
public sealed record MetricColumn(int Index, string Name, string Title, string Unit, MetricKind Kind, bool PerTick, RegionRule Region, Func<ClusterMetricInputs, double> OfCluster)
{
    /// <summary>Reads the column from a row.</summary>
    public double Value(MetricsRow row) => row[this];
}
