using EcoSim.Model.Numerics;
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
        appliedFunding <= 0 ? 0 : p.BreakthroughRate * ModelMath.Pow(appliedFunding, p.BreakthroughFundingElasticity) * ModelMath.Pow(Math.Max(opportunity, 0), p.BreakthroughOpportunityElasticity);

    /// <summary>Breakthroughs needed to complete generation <paramref name="generation"/> + 1: base (1 + d)^g, ideas getting harder to find.</summary>
    public static double GenerationThreshold(double perGeneration, double difficultyGrowth, int generation) =>
        perGeneration * ModelMath.Pow(1 + difficultyGrowth, generation);

    /// <summary>
    /// Adds breakthroughs to a cluster's pool; completes generations while the pool covers the threshold
    /// of the next one; returns the remaining pool and how many generations were completed.
    /// </summary>
    public static (double Pool, int NewGenerations) AccumulatePool(double pool, double breakthroughs, double perGeneration, double difficultyGrowth, int generation)
    {
        pool += breakthroughs;
        int completed = 0;
        double threshold;
        while (pool >= (threshold = GenerationThreshold(perGeneration, difficultyGrowth, generation + completed)))
        {
            pool -= threshold;
            completed++;
        }
        return (pool, completed);
    }
}
