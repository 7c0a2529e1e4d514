using EcoSim.Model.World;

namespace EcoSim.Model.Mechanisms;

/// <summary>Large science facilities: what their construction costs a cluster and what their operation gives its labs.</summary>
public static class FacilityRules
{
    /// <summary>
    /// Construction spending in cluster <paramref name="cluster"/> at <paramref name="tick"/>, bn yuan/yr:
    /// the sum over its facilities under construction, never more than the cluster's basic budget.
    /// </summary>
    public static double ConstructionSpending(WorldSpec spec, int cluster, int tick, double basicBudget)
    {
        double spending = 0;
        foreach (var facility in spec.Facilities)
            if (facility.Cluster == cluster && facility.UnderConstruction(tick)) spending += facility.CostPerYear;
        return Math.Min(spending, Math.Max(basicBudget, 0));
    }

    /// <summary>
    /// Multiplier on the knowledge production of cluster <paramref name="cluster"/>'s labs:
    /// 1 + sum over operating facilities of boost * relatedness(cluster, host).
    /// </summary>
    public static double KnowledgeMultiplier(WorldSpec spec, int cluster, int tick)
    {
        double multiplier = 1;
        foreach (var facility in spec.Facilities)
            if (facility.Operating(tick)) multiplier += facility.KnowledgeBoost * spec.Related(cluster, facility.Cluster);
        return multiplier;
    }
}
