using EcoSim.Model.Numerics;
using EcoSim.Model.Parameters;
using EcoSim.Model.Phases;

namespace EcoSim.Model.Mechanisms;

/// <summary>Rules of the public S&amp;T budget: its path and its split over the five links.</summary>
public static class BudgetRules
{
    /// <summary>
    /// The budget of year y from the year before: B_y = B_(y-1) (1 + g_y), unless the level parameter
    /// was changed for year y, in which case B_y is the new level. So an event acts from its year on
    /// and does not rescale the past. Exact on the scenario's decimal figures: a level of 100 growing
    /// by 6% is 106, 112.36, 119.1016 ... to the last digit, not a product of rounded doubles that
    /// drifts a little further every year.
    /// </summary>
    /// <param name="previousBudget">B_(y-1), bn yuan/yr.</param>
    /// <param name="previous">Parameters in force in year y-1.</param>
    /// <param name="current">Parameters in force in year y.</param>
    public static DecimalRational NextAnnualBudget(DecimalRational previousBudget, ModelParameters previous, ModelParameters current) =>
        current.PublicBudget != previous.PublicBudget
            ? DecimalRational.FromDecimal(current.PublicBudget)
            : previousBudget * (DecimalRational.One + DecimalRational.FromDecimal(current.PublicBudgetGrowth));

    /// <summary>
    /// Shares of the five links, summing to one: basic research gets max(BasicShare, MinBasicShare);
    /// the rest is split over the other four links in proportion to their weights (equally if all are 0).
    /// Each share is the double nearest its exact value, so a basic share of 0.2 is exactly 0.2 and
    /// stays so whatever the other weights are.
    /// </summary>
    public static double[] LinkShares(ModelParameters p) => [.. ExactLinkShares(p).Select(s => s.ToDouble())];

    /// <summary>The link shares of <see cref="LinkShares"/> as exact fractions of the scenario's figures.</summary>
    public static DecimalRational[] ExactLinkShares(ModelParameters p)
    {
        var basic = DecimalRational.FromDecimal(Math.Max(p.BasicShare, p.MinBasicShare));
        DecimalRational[] weights = [.. new[] { p.AppliedWeight, p.TransformationWeight, p.FinanceWeight, p.TalentWeight }.Select(DecimalRational.FromDecimal)];
        var total = weights.Aggregate(DecimalRational.Zero, (sum, w) => sum + w);
        var rest = DecimalRational.One - basic;
        var quarter = DecimalRational.One / DecimalRational.FromDecimal(weights.Length);
        var shares = new DecimalRational[BudgetAllocation.Links];
        shares[(int)Link.Basic] = basic;
        for (int i = 0; i < weights.Length; i++)
            shares[i + 1] = rest * (total.IsZero ? quarter : weights[i] / total);
        return shares;
    }

    /// <summary>
    /// Cluster allocation keys, summing to one: priority times revenue to the power e (0.5 by default),
    /// so that large clusters get more but not proportionally more (assumed).
    /// </summary>
    public static double[] ClusterKeys(IReadOnlyList<double> priorities, IReadOnlyList<double> revenues, double revenueElasticity)
    {
        var keys = new double[priorities.Count];
        double total = 0;
        for (int c = 0; c < keys.Length; c++) { keys[c] = priorities[c] * ModelMath.Pow(revenues[c], revenueElasticity); total += keys[c]; }
        for (int c = 0; c < keys.Length; c++) keys[c] = total > 0 ? keys[c] / total : 1.0 / keys.Length;
        return keys;
    }
}
