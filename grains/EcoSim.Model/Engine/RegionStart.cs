using EcoSim.Model.Phases;
using EcoSim.Model.State;
using EcoSim.Model.World;

namespace EcoSim.Model.Engine;

/// <summary>
/// The whole region at tick 0, held in one process: every cluster's firms in one shard, the clusters,
/// talent pools, labs, funds and the snapshot tick 0 reads as "previous". The reference engine starts
/// from it, and so can anything else that steps the region phase by phase (the benchmarks).
/// </summary>
/// <param name="Firms">Each cluster's firms.</param>
/// <param name="Clusters">Each cluster's state.</param>
/// <param name="Talent">Each cluster's researcher market.</param>
/// <param name="Labs">Every lab, by global index.</param>
/// <param name="Funds">Every fund, by global index.</param>
/// <param name="Snapshot">What tick 0 reads as the previous tick.</param>
public sealed record RegionStart(FirmShard[] Firms, ClusterState[] Clusters, TalentPoolState[] Talent, LabState[] Labs, FundState[] Funds, RegionSnapshot Snapshot)
{
    /// <summary>Builds the tick-0 region of <paramref name="spec"/>.</summary>
    public static RegionStart Of(WorldSpec spec, WorldConstants constants)
    {
        int n = spec.ClusterCount;
        var firms = new FirmShard[n];
        var clusters = new ClusterState[n];
        var talent = new TalentPoolState[n];
        var labDemand = InitialRegion.LabDemand(spec, constants);
        for (int c = 0; c < n; c++)
        {
            int count = constants.FirmsPerCluster[c];
            firms[c] = new FirmShard(c, 0, count);
            FirmPhase.Initialize(firms[c], spec, constants, 0, count);
            (clusters[c], double firmDemand) = Cluster(spec, constants, c, FirmPhase.Summarize(firms[c], 0));
            talent[c] = TalentPhase.Initial(spec, constants, c, firmDemand + labDemand[c]);
        }
        var snapshot = InitialRegion.Snapshot(spec, constants, clusters, talent);
        FundState[] funds = [.. Enumerable.Range(0, constants.FundKinds.Length).Select(f => FinancePhase.Initial(spec, constants, f, snapshot))];
        return new RegionStart(firms, clusters, talent, (LabState[])constants.Labs.Clone(), funds, snapshot);
    }

    /// <summary>
    /// A cluster at tick 0, from the summary of all its firms (one shard's, or the merged shards' of a
    /// cluster grain): its state and the researchers its firms want, which with its labs' demand sizes its
    /// talent pool. Every engine starts a cluster through this, so none can start one differently.
    /// </summary>
    public static (ClusterState State, double FirmResearcherDemand) Cluster(WorldSpec spec, WorldConstants constants, int cluster, FirmReport firms) =>
        (ClusterPhase.Initial(spec, constants, cluster, firms), firms.Sums[FirmSums.ResearcherDemand]);
}
