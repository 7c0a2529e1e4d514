using EcoSim.Model.Metrics;
using EcoSim.Model.Phases;

namespace EcoSim.Grains.Abstractions;

/// <summary>How a run is laid out over grains. Results do not depend on it.</summary>
/// <param name="FirmsPerShard">Firms per firm-shard grain (1 = one activation per firm).</param>
/// <param name="LabsPerShard">Labs per lab grain, all of one cluster (1 = one activation per lab).</param>
[GenerateSerializer, Immutable]
public sealed record RunLayout([property: Id(0)] int FirmsPerShard, [property: Id(1)] int LabsPerShard = RunLayout.DefaultLabsPerShard)
{
    /// <summary>Default firm shard size.</summary>
    public const int DefaultFirmsPerShard = 4096;
    /// <summary>
    /// Default lab shard size: more than any cluster has, so a cluster's labs answer in one call; a
    /// lab's work is a few hundred nanoseconds, far less than a grain call.
    /// </summary>
    public const int DefaultLabsPerShard = 256;
}

/// <summary>What a cluster reports at the end of a tick.</summary>
/// <param name="Outcome">Its metrics row and firm sums.</param>
/// <param name="AvailableKnowledge">Knowledge available to its industry (end of the lag).</param>
/// <param name="MeanProductivity">Weight-averaged productivity of its firms after entry.</param>
[GenerateSerializer, Immutable]
public sealed record ClusterTickReport([property: Id(0)] ClusterOutcome Outcome, [property: Id(1)] double AvailableKnowledge, [property: Id(2)] double MeanProductivity);

/// <summary>What a cluster's research, gathering and firms produced in a tick (phases 2-4).</summary>
/// <param name="Labs">Its labs' merged report.</param>
/// <param name="Signals">The signals its firms acted on.</param>
/// <param name="Firms">Its shards' merged report.</param>
[GenerateSerializer, Immutable]
public sealed record ClusterAdvance([property: Id(0)] LabReport Labs, [property: Id(1)] ClusterSignals Signals, [property: Id(2)] FirmReport Firms);

/// <summary>A cluster's state at tick 0, for the run to set up talent pools and the first snapshot.</summary>
/// <param name="FirmResearcherDemand">Researchers its initial firms want.</param>
/// <param name="AvailableKnowledge">Knowledge available to its industry.</param>
/// <param name="MeanProductivity">Weight-averaged productivity of its firms.</param>
[GenerateSerializer, Immutable]
public sealed record ClusterStart([property: Id(0)] double FirmResearcherDemand, [property: Id(1)] double AvailableKnowledge, [property: Id(2)] double MeanProductivity);

/// <summary>The metrics of one tick as the run grain returns them: clusters in index order, then the region.</summary>
/// <param name="Tick">The tick.</param>
/// <param name="Rows">The rows.</param>
[GenerateSerializer, Immutable]
public sealed record TickRows([property: Id(0)] int Tick, [property: Id(1)] IReadOnlyList<MetricsRow> Rows);

/// <summary>Where a run is.</summary>
/// <param name="NextTick">The next tick to run.</param>
/// <param name="Ticks">Total ticks.</param>
[GenerateSerializer, Immutable]
public sealed record RunProgress([property: Id(0)] int NextTick, [property: Id(1)] int Ticks);
