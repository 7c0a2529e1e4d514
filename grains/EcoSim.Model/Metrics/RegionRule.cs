namespace EcoSim.Model.Metrics;

/// <summary>
/// How a metric of the region row is obtained from the clusters of the tick. Every rule is exact and
/// independent of the order the clusters come in, so both engines give the same bits.
/// </summary>
public abstract record RegionRule
{
    /// <summary>The exact sum of the clusters' values.</summary>
    public static RegionRule Sum { get; } = new SumOfClusters();

    /// <summary>The clusters' values averaged with <paramref name="weight"/>'s values as weights (0 when they sum to 0).</summary>
    public static RegionRule WeightedBy(MetricColumn weight) => new WeightedMean(weight);

    /// <summary>Computed for the region as a whole, by <paramref name="formula"/>, not from the clusters' values.</summary>
    public static RegionRule Whole(Func<RegionMetricInputs, double> formula) => new RegionFormula(formula);

    /// <summary>A short description for documentation and reports.</summary>
    public abstract string Describe();
}

/// <summary>The exact sum of the clusters' values.</summary>
public sealed record SumOfClusters : RegionRule
{
    /// <inheritdoc/>
    public override string Describe() => "sum";
}

/// <summary>The clusters' values averaged with the values of <paramref name="Weight"/> (a summed column) as weights.</summary>
/// <param name="Weight">The column whose cluster values weigh each cluster.</param>
public sealed record WeightedMean(MetricColumn Weight) : RegionRule
{
    /// <inheritdoc/>
    public override string Describe() => $"mean weighted by {Weight.Name}";
}

/// <summary>A value computed for the region as a whole (from the policy rule or the pooled firm sums).</summary>
/// <param name="Of">The formula.</param>
public sealed record RegionFormula(Func<RegionMetricInputs, double> Of) : RegionRule
{
    /// <inheritdoc/>
    public override string Describe() => "computed for the whole region";
}
