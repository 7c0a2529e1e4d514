using EcoSim.Model.Numerics;
using EcoSim.Model.Parameters;
using EcoSim.Model.Phases;
using EcoSim.Model.State;
using EcoSim.Model.World;

namespace EcoSim.Model.Metrics;

/// <summary>
/// What one cluster's metrics are computed from: the reports its phases returned in one tick, read after
/// entry, and the few derived values several columns share (computed once here so that each column's
/// formula in <see cref="MetricColumns"/> stays one line).
/// </summary>
public sealed class ClusterMetricInputs
{
    /// <summary>Collects the inputs of cluster <c>reports.State.Cluster</c> at <paramref name="tick"/>.</summary>
    public ClusterMetricInputs(WorldSpec spec, WorldConstants constants, int tick, ClusterTick reports)
    {
        Spec = spec;
        Constants = constants;
        Tick = tick;
        Reports = reports;
        Cluster = reports.State.Cluster;
        Parameters = spec.ParametersAt(tick);
        Level = PolicyPhase.Level(spec, tick);
        PublicBudget = Level.Total * constants.ClusterKeys[Cluster];
        Facilities = Mechanisms.FacilityRules.ConstructionSpending(spec, Cluster, tick, reports.Budget.For(Cluster, Link.Basic));
        FirmSums = new SumVector(Phases.FirmSums.Count);
        FirmSums.Merge(reports.Firms.Sums);
        FirmSums.Merge(reports.Entrants.Sums);
    }

    /// <summary>The world.</summary>
    public WorldSpec Spec { get; }
    /// <summary>The world's derived constants.</summary>
    public WorldConstants Constants { get; }
    /// <summary>The tick.</summary>
    public int Tick { get; }
    /// <summary>The phases' reports.</summary>
    public ClusterTick Reports { get; }
    /// <summary>The cluster's index.</summary>
    public int Cluster { get; }
    /// <summary>The parameters in force at the tick.</summary>
    public ModelParameters Parameters { get; }
    /// <summary>The region's budget level at the tick.</summary>
    public BudgetLevel Level { get; }
    /// <summary>The cluster's share of the public budget: the region's level times the cluster's key, bn yuan/yr.</summary>
    public double PublicBudget { get; }
    /// <summary>Construction spending on the cluster's large science facilities, bn yuan/yr.</summary>
    public double Facilities { get; }
    /// <summary>The cluster's firm sums after entry: the stepped firms' and the entrants'.</summary>
    public SumVector FirmSums { get; }

    /// <summary>The budget of one link in this cluster, bn yuan/yr.</summary>
    public double Budget(Link link) => Reports.Budget.For(Cluster, link);

    /// <summary>100 * value / the region's initial knowledge, or 0 when the region started with none.</summary>
    public double KnowledgeIndex(double value) => Constants.KnowledgeIndexBase > 0 ? 100 * value / Constants.KnowledgeIndexBase : 0;
}

/// <summary>What a region-wide formula (<see cref="RegionFormula"/>) reads.</summary>
/// <param name="Spec">The world.</param>
/// <param name="Tick">The tick.</param>
/// <param name="Level">The region's budget level at the tick.</param>
/// <param name="FirmSums">Every cluster's firm sums after entry, pooled.</param>
public sealed record RegionMetricInputs(WorldSpec Spec, int Tick, BudgetLevel Level, SumVector FirmSums);
