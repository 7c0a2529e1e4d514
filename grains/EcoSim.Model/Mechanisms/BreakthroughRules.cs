using EcoSim.Model.Parameters;

namespace EcoSim.Model.Mechanisms;

/// <summary>Technology breakthroughs from labs' applied work.</summary>
public static class BreakthroughRules
{
    /// <summary>
    /// Expected breakthroughs per year of one lab: rate * F^eta_F * O^eta_O, with F its staffed applied
    /// funding (bn yuan/yr) and O the cluster's technological opportunity (1 at the start).
    /// </summary>
    public static double Rate(ModelParameters p, double appliedFunding, double opportunity) =>
        appliedFunding <= 0 ? 0 : p.BreakthroughRate * Math.Pow(appliedFunding, p.BreakthroughFundingElasticity) * Math.Pow(Math.Max(opportunity, 0), p.BreakthroughOpportunityElasticity);

    /// <summary>Adds breakthroughs to a cluster's pool; returns the new pool and how many generations it completed.</summary>
    public static (double Pool, int NewGenerations) AccumulatePool(double pool, double breakthroughs, double perGeneration)
    {
        pool += breakthroughs;
        int generations = (int)Math.Floor(pool / perGeneration);
        return (pool - generations * perGeneration, generations);
    }
}
