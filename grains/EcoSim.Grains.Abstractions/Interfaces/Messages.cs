using EcoSim.Model.Metrics;
using EcoSim.Model.Phases;
using EcoSim.Model.State;

namespace EcoSim.Grains.Abstractions;

/// <summary>How a run is laid out over grains and how long its shards keep exited firms. Results do not depend on it.</summary>
/// <param name="FirmsPerShard">Firms per firm-shard grain (1 = one activation per firm).</param>
/// <param name="LabsPerShard">Labs per lab grain, all of one cluster (1 = one activation per lab).</param>
/// <param name="Exits">
/// How long the firm shards keep an exited firm (<see cref="ExitRetention"/>; by default every one): until the census of
/// the run that reports it, so the shards hold the living firms and not the run's history.
/// </param>
[GenerateSerializer, Immutable]
public sealed record RunLayout([property: Id(0)] int FirmsPerShard, [property: Id(1)] int LabsPerShard = RunLayout.DefaultLabsPerShard, [property: Id(2)] ExitRetention? Exits = null)
{
    /// <summary>The exits kept: <see cref="Exits"/>, or every one when none was said.</summary>
    public ExitRetention ExitsKept => Exits ?? ExitRetention.Every;

    /// <summary>Default firm shard size.</summary>
    public const int DefaultFirmsPerShard = 4096;
    /// <summary>
    /// Default lab shard size: more than any cluster has, so a cluster's labs are all its grain's own
    /// first shard and research in its call; a lab's work is a few hundred nanoseconds, far less than a grain call.
    /// </summary>
    public const int DefaultLabsPerShard = 256;
}

/// <summary>What a cluster reports after entry (phase 7): the run grain collects the metrics and the next snapshot from it.</summary>
/// <param name="State">The cluster's state after entry.</param>
/// <param name="Entrants">How many firms entered, and their sums (not the firms: they stay in the cluster's shards).</param>
[GenerateSerializer, Immutable]
public sealed record ClusterEntry([property: Id(0)] ClusterState State, [property: Id(1)] EntrantSummary Entrants);

/// <summary>What a cluster's research, gathering, firms and talent market produced in a tick (phases 2-4 and 6).</summary>
/// <param name="Labs">Its labs' merged report.</param>
/// <param name="Signals">The signals its firms acted on.</param>
/// <param name="Firms">Its shards' merged report.</param>
/// <param name="Talent">Its talent pool after the tick's hiring.</param>
[GenerateSerializer, Immutable]
public sealed record ClusterAdvance([property: Id(0)] LabReport Labs, [property: Id(1)] ClusterSignals Signals, [property: Id(2)] FirmReport Firms, [property: Id(3)] TalentPoolState Talent);

/// <summary>A cluster's state and its talent pool at tick 0, for the run's first snapshot.</summary>
/// <param name="State">Its state.</param>
/// <param name="Talent">Its talent pool, sized by the researchers its initial firms and labs want.</param>
[GenerateSerializer, Immutable]
public sealed record ClusterStart([property: Id(0)] ClusterState State, [property: Id(1)] TalentPoolState Talent);

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
