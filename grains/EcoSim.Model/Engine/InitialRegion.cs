using EcoSim.Model.Mechanisms;
using EcoSim.Model.Phases;
using EcoSim.Model.State;
using EcoSim.Model.World;

namespace EcoSim.Model.Engine;

/// <summary>
/// Values over the whole region: the labs' researcher demand at the start (with the firms' it sizes
/// the talent pools), the snapshot tick 0 reads as "previous", and the snapshot each later tick reads
/// (the Orleans run grain assembles the same snapshots from its grains' reports).
/// </summary>
public static class InitialRegion
{
    /// <summary>Researchers the labs of each cluster want at tick 0.</summary>
    public static double[] LabDemand(WorldSpec spec, WorldConstants constants) =>
        [.. constants.InitialLabFunding.Select(f => KnowledgeRules.ResearchersFunded(f, spec.ParametersAt(0).ResearcherCostShare, spec.ParametersAt(0).InitialWage))];

    /// <summary>The snapshot that tick 0 reads as "previous".</summary>
    public static RegionSnapshot Snapshot(WorldSpec spec, WorldConstants constants, IReadOnlyList<ClusterState> clusters, IReadOnlyList<TalentPoolState> talent) =>
        new([.. clusters.Select(c => c.LagStages[^1])],
            [.. clusters.Select(_ => 1.0)],
            [.. spec.Clusters.Select(c => c.Revenue)],
            [.. clusters.Select(c => c.MeanProductivity)],
            new TalentSnapshot([.. talent.Select(t => t.Researchers)], [.. talent.Select(t => t.Wage)]));

    /// <summary>The snapshot the next tick reads, from this tick's results.</summary>
    public static RegionSnapshot Next(IReadOnlyList<ClusterState> clusters, IReadOnlyList<ClusterSignals> signals, IReadOnlyList<TalentPoolState> talent) =>
        new([.. clusters.Select(c => c.LagStages[^1])],
            [.. signals.Select(s => s.Opportunity)],
            [.. signals.Select(s => s.Demand)],
            [.. clusters.Select(c => c.MeanProductivity)],
            new TalentSnapshot([.. talent.Select(t => t.Researchers)], [.. talent.Select(t => t.Wage)]));
}
