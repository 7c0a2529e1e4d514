using EcoSim.Model.Numerics;
using EcoSim.Model.Parameters;

namespace EcoSim.Model.Mechanisms;

/// <summary>Basic knowledge: its production by labs and the distributed lag that carries it to industry.</summary>
public static class KnowledgeRules
{
    /// <summary>Knowledge produced per year: delta R^lambda K^phi.</summary>
    public static double Production(ModelParameters p, double researchers, double stock) =>
        researchers <= 0 ? 0 : p.KnowledgeProductivity * ModelMath.Pow(researchers, p.ResearcherElasticity) * ModelMath.Pow(Math.Max(stock, 0), p.StockElasticity);

    /// <summary>The stock one tick later: depreciation then new production, K' = K (1 - d dt) + m P dt, m the facility multiplier.</summary>
    public static double NextStock(ModelParameters p, double researchers, double stock, double dt, double multiplier = 1) =>
        stock * (1 - p.KnowledgeDepreciation * dt) + multiplier * Production(p, researchers, stock) * dt;

    /// <summary>The stock at which production equals depreciation for a steady research staff.</summary>
    public static double SteadyStock(ModelParameters p, double researchers) =>
        researchers <= 0 ? 0 : ModelMath.Pow(p.KnowledgeProductivity * ModelMath.Pow(researchers, p.ResearcherElasticity) / p.KnowledgeDepreciation, 1 / (1 - p.StockElasticity));

    /// <summary>
    /// Advances an Erlang distributed lag (a chain of n first-order delays, each with rate a = n / L, so
    /// that the mean total delay is L) by one tick, in place, with the exact solution of the chain for an
    /// input held constant over the tick: s_k' = u + sum_{j=0..k} e^-x x^j / j! (s_(k-j) - u), x = a dt.
    /// Stable for any tick length. The last stage is the knowledge available to industry.
    /// </summary>
    public static void AdvanceLag(double[] stages, double input, double meanLagYears, double dt)
    {
        double x = stages.Length * dt / meanLagYears;
        Span<double> weights = stackalloc double[stages.Length];
        weights[0] = ModelMath.Exp(-x);
        for (int j = 1; j < weights.Length; j++) weights[j] = weights[j - 1] * x / j;
        for (int k = stages.Length - 1; k >= 0; k--)
        {
            double next = input;
            for (int j = 0; j <= k; j++) next += weights[j] * (stages[k - j] - input);
            stages[k] = next;
        }
    }

    /// <summary>Researchers a budget pays for: funding (bn yuan/yr) times the labour share over the wage (thousand yuan/yr).</summary>
    public static double ResearchersFunded(double fundingBn, double costShare, double wageThousand) =>
        wageThousand <= 0 ? 0 : fundingBn * 1e6 * costShare / wageThousand;
}
