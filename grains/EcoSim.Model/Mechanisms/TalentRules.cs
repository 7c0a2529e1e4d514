using EcoSim.Model.Numerics;
using EcoSim.Model.Parameters;

namespace EcoSim.Model.Mechanisms;

/// <summary>The researcher market: inflows, outflows, migration, wages and rationing.</summary>
public static class TalentRules
{
    /// <summary>Graduates per year: rate * researchers at the start * (funding / funding at the start)^elasticity.</summary>
    public static double Graduates(ModelParameters p, double baseResearchers, double labFunding, double baseLabFunding)
    {
        double flow = p.GraduateRate * baseResearchers;
        return baseLabFunding <= 0 ? flow : flow * ModelMath.Pow(Math.Max(labFunding, 0) / baseLabFunding, p.GraduateFundingElasticity);
    }

    /// <summary>
    /// Researchers moving per year from a pool to another: rate * relatedness * R_from * relative wage
    /// gap, when the destination pays more; zero otherwise.
    /// </summary>
    public static double Migration(ModelParameters p, double relatedness, double researchersFrom, double wageFrom, double wageTo) =>
        wageTo <= wageFrom || wageFrom <= 0 ? 0 : p.MigrationRate * relatedness * researchersFrom * (wageTo - wageFrom) / wageFrom;

    /// <summary>
    /// H of pool <paramref name="from"/>: the sum of its migration hazards per researcher (<see cref="Migration"/>
    /// with one researcher) towards every other pool, in index order. It depends on the pool alone, not on where a
    /// flow goes, so a pool's market computes it once for every pool and uses it for all of its flows.
    /// </summary>
    public static double MigrationHazard(ModelParameters p, Func<int, int, double> related, IReadOnlyList<double> wages, int from)
    {
        double total = 0;
        for (int k = 0; k < wages.Count; k++)
            if (k != from) total += Migration(p, related(from, k), 1, wages[from], wages[k]);
        return total;
    }

    /// <summary>
    /// Researchers moving in one tick from pool <paramref name="from"/> to pool <paramref name="to"/>, as
    /// competing risks: each researcher staying in research leaves with probability 1 - exp(-H dt), H the
    /// sum of the migration hazards (per researcher, <see cref="Migration"/>) towards every other pool
    /// (<paramref name="hazardFrom"/>, from <see cref="MigrationHazard"/>), and goes to each pool in proportion to its
    /// hazard. So no more can leave than the pool holds, and sender and receiver, computing this from the same
    /// snapshot, agree on every flow.
    /// </summary>
    public static double MigrationFlow(ModelParameters p, Func<int, int, double> related, IReadOnlyList<double> researchers,
        IReadOnlyList<double> wages, int from, int to, double hazardFrom, double dt)
    {
        double hazardTo = Migration(p, related(from, to), 1, wages[from], wages[to]);
        if (hazardFrom <= 0 || hazardTo <= 0) return 0;
        double staying = researchers[from] * (1 - Math.Min(1, p.ResearcherExitRate * dt));
        return staying * (1 - ModelMath.Exp(-hazardFrom * dt)) * hazardTo / hazardFrom;
    }

    /// <summary>Wage after one tick of adjustment to excess demand, moving at most the largest wage step (and by it when the pool is empty).</summary>
    public static double NextWage(ModelParameters p, double wage, double demand, double supply, double dt)
    {
        if (supply <= 0) return wage * (1 + p.MaxWageStep);
        double change = p.WageAdjustment * dt * (demand / supply - 1);
        return wage * (1 + Math.Clamp(change, -p.MaxWageStep, p.MaxWageStep));
    }

    /// <summary>Share of wanted researchers that can be hired: min(1, supply / demand).</summary>
    public static double FillRate(double supply, double demand) => demand <= 0 ? 1 : Math.Clamp(supply / demand, 0, 1);
}
