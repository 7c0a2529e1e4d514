namespace EcoSim.Model.Phases;

/// <summary>
/// What the firms of one cluster need to know in a tick, computed once by the cluster and sent to
/// every partition of its firms. Values labelled "previous" come from the end of the previous tick.
/// </summary>
public sealed record ClusterSignals
{
    /// <summary>The tick.</summary>
    public required int Tick { get; init; }
    /// <summary>Cluster index.</summary>
    public required int Cluster { get; init; }
    /// <summary>Demand for the cluster's output this tick, bn yuan/yr.</summary>
    public required double Demand { get; init; }
    /// <summary>Total market weight of live firms (previous).</summary>
    public required double WeightTotal { get; init; }
    /// <summary>Weight-averaged productivity (previous): the replicator's yardstick.</summary>
    public required double MeanProductivity { get; init; }
    /// <summary>Highest productivity (previous).</summary>
    public required double Frontier { get; init; }
    /// <summary>Live firms (previous).</summary>
    public required double Firms { get; init; }
    /// <summary>Technological opportunity: knowledge reaching industry, relative to the start (1 at tick 0).</summary>
    public required double Opportunity { get; init; }
    /// <summary>The cluster's newest technology generation.</summary>
    public required int Generation { get; init; }
    /// <summary>Share of live firms on the newest generation (previous).</summary>
    public required double AdopterShare { get; init; }
    /// <summary>Share of wanted researchers that can be hired (previous clearing of the talent pool).</summary>
    public required double FillRate { get; init; }
    /// <summary>Researcher wage, thousand yuan/yr (previous clearing).</summary>
    public required double Wage { get; init; }
    /// <summary>Public transformation funding for the cluster, bn yuan/yr.</summary>
    public required double TransformationFunding { get; init; }
    /// <summary>Firms' R&amp;D user cost relative to the start (tax and super-deduction).</summary>
    public required double RdUserCostRatio { get; init; }
}
