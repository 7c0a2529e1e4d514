using EcoSim.Model.Parameters;
using EcoSim.Model.Phases;

namespace EcoSim.Model.Mechanisms;

/// <summary>Rules of the public S&amp;T budget: its path and its split over the five links.</summary>
public static class BudgetRules
{
    /// <summary>Budget in year <paramref name="yearsSinceStart"/> (0 = start year), bn yuan/yr: B0 (1+g)^y.</summary>
    public static double AnnualBudget(ModelParameters p, int yearsSinceStart) =>
        p.PublicBudget * Math.Pow(1 + p.PublicBudgetGrowth, yearsSinceStart);

    /// <summary>
    /// Shares of the five links, summing to one: basic research gets max(BasicShare, MinBasicShare);
    /// the rest is split over the other four links in proportion to their weights (equally if all are 0).
    /// </summary>
    public static double[] LinkShares(ModelParameters p)
    {
        double basic = Math.Max(p.BasicShare, p.MinBasicShare);
        double[] weights = [p.AppliedWeight, p.TransformationWeight, p.FinanceWeight, p.TalentWeight];
        double total = weights.Sum();
        var shares = new double[BudgetAllocation.Links];
        shares[(int)Link.Basic] = basic;
        for (int i = 0; i < weights.Length; i++)
            shares[i + 1] = (1 - basic) * (total > 0 ? weights[i] / total : 0.25);
        return shares;
    }

    /// <summary>
    /// Cluster allocation keys, summing to one: priority times the square root of revenue, so that
    /// large clusters get more but not proportionally more (assumed).
    /// </summary>
    public static double[] ClusterKeys(IReadOnlyList<double> priorities, IReadOnlyList<double> revenues)
    {
        var keys = new double[priorities.Count];
        double total = 0;
        for (int c = 0; c < keys.Length; c++) { keys[c] = priorities[c] * Math.Sqrt(revenues[c]); total += keys[c]; }
        for (int c = 0; c < keys.Length; c++) keys[c] = total > 0 ? keys[c] / total : 1.0 / keys.Length;
        return keys;
    }
}
