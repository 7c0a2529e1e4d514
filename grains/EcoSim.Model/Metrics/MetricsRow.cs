namespace EcoSim.Model.Metrics;

/// <summary>
/// The outcome of one tick for one cluster, or for the whole region when <see cref="Cluster"/> is
/// <see cref="RegionIndex"/>: the keys that place it, then one value per column of
/// <see cref="MetricColumns.All"/>, in that order. Money is in billions of yuan per year (flows are
/// annualised so that quarterly and yearly ticks read alike); people are headcounts.
/// </summary>
public sealed record MetricsRow
{
    /// <summary>The <see cref="Cluster"/> value of the row that totals all clusters.</summary>
    public const int RegionIndex = -1;

    /// <summary>The <see cref="ClusterId"/> of the row that totals all clusters.</summary>
    public const string RegionId = "region";

    private readonly double[] _values;

    /// <summary>A row whose metrics are all 0 until set with an initializer.</summary>
    public MetricsRow() => _values = new double[MetricColumns.All.Count];

    // A row that takes ownership of freshly computed values, one per column (the metrics phase's rows).
    internal MetricsRow(double[] values) => _values = values.Length == MetricColumns.All.Count ? values
        : throw new ArgumentException($"a metrics row has {MetricColumns.All.Count} values, not {values.Length}", nameof(values));

    // A copy owns its values, so that `row with { Firms = 1 }` leaves `row` alone.
    private MetricsRow(MetricsRow original)
    {
        (Tick, Period, Time, Cluster, ClusterId) = (original.Tick, original.Period, original.Time, original.Cluster, original.ClusterId);
        _values = (double[])original._values.Clone();
    }

    /// <summary>Tick number, 0 for the first simulated period.</summary>
    public required int Tick { get; init; }
    /// <summary>Calendar label of the tick, e.g. <c>2024Q1</c>.</summary>
    public required string Period { get; init; }
    /// <summary>Calendar time as a decimal year (2024.0, 2024.25, ...), for plotting.</summary>
    public required double Time { get; init; }
    /// <summary>Cluster index (0..19), or <see cref="RegionIndex"/> for the region.</summary>
    public required int Cluster { get; init; }
    /// <summary>Short cluster id (e.g. <c>electronics</c>), or <see cref="RegionId"/>.</summary>
    public required string ClusterId { get; init; }

    /// <summary>The value of one metric.</summary>
    public double this[MetricColumn column]
    {
        get => _values[column.Index];
        init => _values[column.Index] = value;
    }

    /// <summary>Every metric, in <see cref="MetricColumns.All"/> order (what files and the wire carry).</summary>
    /// <exception cref="ArgumentException">The list does not have one value per column.</exception>
    public IReadOnlyList<double> Values
    {
        get => _values;
        init
        {
            if (value.Count != _values.Length) throw new ArgumentException($"a metrics row has {_values.Length} values, not {value.Count}", nameof(value));
            for (int k = 0; k < _values.Length; k++) _values[k] = value[k];
        }
    }

    /// <summary>True when the keys and every value are equal (NaN equals NaN, as for any record of doubles).</summary>
    public bool Equals(MetricsRow? other) =>
        other is not null && Tick == other.Tick && Period == other.Period && Time.Equals(other.Time) && Cluster == other.Cluster
        && ClusterId == other.ClusterId && _values.AsSpan().SequenceEqual(other._values);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Tick);
        hash.Add(Period);
        hash.Add(Cluster);
        foreach (double value in _values) hash.Add(value);
        return hash.ToHashCode();
    }

    /// <summary>
    /// A copy with <paramref name="values"/> set: what <c>row with { ... }</c> does for the keys, for metrics,
    /// which are read and set through the catalogue (<c>row[MetricColumns.Firms]</c>) and so cannot appear in a
    /// <c>with</c> expression.
    /// </summary>
    public MetricsRow With(params ReadOnlySpan<(MetricColumn Column, double Value)> values)
    {
        var copy = this with { };
        foreach (var (column, value) in values) copy._values[column.Index] = value;
        return copy;
    }
}
