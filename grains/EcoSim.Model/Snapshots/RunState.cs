using EcoSim.Model.Phases;
using EcoSim.Model.State;

namespace EcoSim.Model.Snapshots;

/// <summary>
/// Everything the next tick of a run reads, besides the world: the ticks done, each cluster's firms (one shard
/// per cluster, indices from 0), the clusters, talent pools, labs and funds, and the region snapshot the previous
/// tick left. The reference engine's fields are this; a snapshot is this, written out.
/// </summary>
/// <param name="Tick">Ticks done (the next tick to run).</param>
/// <param name="Firms">Each cluster's firms.</param>
/// <param name="Clusters">Each cluster's state.</param>
/// <param name="Talent">Each cluster's researcher market.</param>
/// <param name="Labs">Every lab, by global index.</param>
/// <param name="Funds">Every fund, by global index.</param>
/// <param name="Region">What the next tick reads as the previous tick's region.</param>
public sealed record RunState(int Tick, FirmShard[] Firms, ClusterState[] Clusters, TalentPoolState[] Talent, LabState[] Labs, FundState[] Funds, RegionSnapshot Region);
