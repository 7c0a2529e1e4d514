namespace EcoSim.Model.State;

/// <summary>
/// One cluster's own state between ticks: the distributed lag carrying lab knowledge to industry,
/// the technology pool, and the aggregates of its firms at the end of the previous tick.
/// </summary>
public sealed record ClusterState
{
    /// <summary>Cluster index.</summary>
    public required int Cluster { get; init; }
    /// <summary>Stages of the Erlang lag; the last stage is knowledge available to industry.</summary>
    public required double[] LagStages { get; init; }
    /// <summary>Labs' knowledge stock of the cluster at the end of the previous tick.</summary>
    public required double LabKnowledge { get; init; }
    /// <summary>Breakthroughs accumulated towards the next technology generation.</summary>
    public required double TechnologyPool { get; init; }
    /// <summary>Newest technology generation.</summary>
    public required int Generation { get; init; }
    /// <summary>Demand at the start, bn yuan/yr.</summary>
    public required double BaseDemand { get; init; }
    /// <summary>Total weight of live firms (entrants included).</summary>
    public required double WeightTotal { get; init; }
    /// <summary>Weight-averaged productivity.</summary>
    public required double MeanProductivity { get; init; }
    /// <summary>Weight-averaged productivity at the start.</summary>
    public required double BaseMeanProductivity { get; init; }
    /// <summary>Mean log productivity of live firms.</summary>
    public required double MeanLogProductivity { get; init; }
    /// <summary>Highest productivity.</summary>
    public required double Frontier { get; init; }
    /// <summary>Live firms (entrants included).</summary>
    public required double Firms { get; init; }
    /// <summary>Share of live firms on the newest generation.</summary>
    public required double AdopterShare { get; init; }
    /// <summary>Index the next entering firm will get.</summary>
    public required long NextFirmIndex { get; init; }
    /// <summary>Candidates in each stage of the development pipeline (empty for clusters without one).</summary>
    public int[] Pipeline { get; init; } = [];
    /// <summary>Candidates approved this tick.</summary>
    public int Approvals { get; init; }
}
