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

    // Shorthands for code and tests that name a metric; a new column needs none (read it with the indexer).
    /// <summary>Shorthand for <see cref="MetricColumns.PublicBudget"/>.</summary>
    public double PublicBudget { get => this[MetricColumns.PublicBudget]; init => this[MetricColumns.PublicBudget] = value; }
    /// <summary>Shorthand for <see cref="MetricColumns.BudgetBasic"/>.</summary>
    public double BudgetBasic { get => this[MetricColumns.BudgetBasic]; init => this[MetricColumns.BudgetBasic] = value; }
    /// <summary>Shorthand for <see cref="MetricColumns.BudgetApplied"/>.</summary>
    public double BudgetApplied { get => this[MetricColumns.BudgetApplied]; init => this[MetricColumns.BudgetApplied] = value; }
    /// <summary>Shorthand for <see cref="MetricColumns.BudgetTransformation"/>.</summary>
    public double BudgetTransformation { get => this[MetricColumns.BudgetTransformation]; init => this[MetricColumns.BudgetTransformation] = value; }
    /// <summary>Shorthand for <see cref="MetricColumns.BudgetFinance"/>.</summary>
    public double BudgetFinance { get => this[MetricColumns.BudgetFinance]; init => this[MetricColumns.BudgetFinance] = value; }
    /// <summary>Shorthand for <see cref="MetricColumns.BudgetTalent"/>.</summary>
    public double BudgetTalent { get => this[MetricColumns.BudgetTalent]; init => this[MetricColumns.BudgetTalent] = value; }
    /// <summary>Shorthand for <see cref="MetricColumns.BasicShare"/>.</summary>
    public double BasicShare { get => this[MetricColumns.BasicShare]; init => this[MetricColumns.BasicShare] = value; }
    /// <summary>Shorthand for <see cref="MetricColumns.FirmRd"/>.</summary>
    public double FirmRd { get => this[MetricColumns.FirmRd]; init => this[MetricColumns.FirmRd] = value; }
    /// <summary>Shorthand for <see cref="MetricColumns.TotalRd"/>.</summary>
    public double TotalRd { get => this[MetricColumns.TotalRd]; init => this[MetricColumns.TotalRd] = value; }
    /// <summary>Shorthand for <see cref="MetricColumns.KnowledgeStock"/>.</summary>
    public double KnowledgeStock { get => this[MetricColumns.KnowledgeStock]; init => this[MetricColumns.KnowledgeStock] = value; }
    /// <summary>Shorthand for <see cref="MetricColumns.AvailableKnowledge"/>.</summary>
    public double AvailableKnowledge { get => this[MetricColumns.AvailableKnowledge]; init => this[MetricColumns.AvailableKnowledge] = value; }
    /// <summary>Shorthand for <see cref="MetricColumns.FacilitySpending"/>.</summary>
    public double FacilitySpending { get => this[MetricColumns.FacilitySpending]; init => this[MetricColumns.FacilitySpending] = value; }
    /// <summary>Shorthand for <see cref="MetricColumns.Breakthroughs"/>.</summary>
    public double Breakthroughs { get => this[MetricColumns.Breakthroughs]; init => this[MetricColumns.Breakthroughs] = value; }
    /// <summary>Shorthand for <see cref="MetricColumns.PipelineCandidates"/>.</summary>
    public double PipelineCandidates { get => this[MetricColumns.PipelineCandidates]; init => this[MetricColumns.PipelineCandidates] = value; }
    /// <summary>Shorthand for <see cref="MetricColumns.Approvals"/>.</summary>
    public double Approvals { get => this[MetricColumns.Approvals]; init => this[MetricColumns.Approvals] = value; }
    /// <summary>Shorthand for <see cref="MetricColumns.Innovations"/>.</summary>
    public double Innovations { get => this[MetricColumns.Innovations]; init => this[MetricColumns.Innovations] = value; }
    /// <summary>Shorthand for <see cref="MetricColumns.Imitations"/>.</summary>
    public double Imitations { get => this[MetricColumns.Imitations]; init => this[MetricColumns.Imitations] = value; }
    /// <summary>Shorthand for <see cref="MetricColumns.Adoptions"/>.</summary>
    public double Adoptions { get => this[MetricColumns.Adoptions]; init => this[MetricColumns.Adoptions] = value; }
    /// <summary>Shorthand for <see cref="MetricColumns.AdoptionShare"/>.</summary>
    public double AdoptionShare { get => this[MetricColumns.AdoptionShare]; init => this[MetricColumns.AdoptionShare] = value; }
    /// <summary>Shorthand for <see cref="MetricColumns.SpinOffs"/>.</summary>
    public double SpinOffs { get => this[MetricColumns.SpinOffs]; init => this[MetricColumns.SpinOffs] = value; }
    /// <summary>Shorthand for <see cref="MetricColumns.Firms"/>.</summary>
    public double Firms { get => this[MetricColumns.Firms]; init => this[MetricColumns.Firms] = value; }
    /// <summary>Shorthand for <see cref="MetricColumns.Births"/>.</summary>
    public double Births { get => this[MetricColumns.Births]; init => this[MetricColumns.Births] = value; }
    /// <summary>Shorthand for <see cref="MetricColumns.Deaths"/>.</summary>
    public double Deaths { get => this[MetricColumns.Deaths]; init => this[MetricColumns.Deaths] = value; }
    /// <summary>Shorthand for <see cref="MetricColumns.VentureInvestment"/>.</summary>
    public double VentureInvestment { get => this[MetricColumns.VentureInvestment]; init => this[MetricColumns.VentureInvestment] = value; }
    /// <summary>Shorthand for <see cref="MetricColumns.Researchers"/>.</summary>
    public double Researchers { get => this[MetricColumns.Researchers]; init => this[MetricColumns.Researchers] = value; }
    /// <summary>Shorthand for <see cref="MetricColumns.Wage"/>.</summary>
    public double Wage { get => this[MetricColumns.Wage]; init => this[MetricColumns.Wage] = value; }
    /// <summary>Shorthand for <see cref="MetricColumns.ValueAdded"/>.</summary>
    public double ValueAdded { get => this[MetricColumns.ValueAdded]; init => this[MetricColumns.ValueAdded] = value; }
    /// <summary>Shorthand for <see cref="MetricColumns.Productivity"/>.</summary>
    public double Productivity { get => this[MetricColumns.Productivity]; init => this[MetricColumns.Productivity] = value; }
    /// <summary>Shorthand for <see cref="MetricColumns.ProductivityDispersion"/>.</summary>
    public double ProductivityDispersion { get => this[MetricColumns.ProductivityDispersion]; init => this[MetricColumns.ProductivityDispersion] = value; }
}
