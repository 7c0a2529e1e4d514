using EcoSim.Model.Parameters;

namespace EcoSim.Model.Mechanisms;

/// <summary>Basic knowledge: its production by labs and the distributed lag that carries it to industry.</summary>
public static class KnowledgeRules
{
    /// <summary>Knowledge produced per year: delta R^lambda K^phi.</summary>
    public static double Production(ModelParameters p, double researchers, double stock) =>
        researchers <= 0 ? 0 : p.KnowledgeProductivity * Math.Pow(researchers, p.ResearcherElasticity) * Math.Pow(Math.Max(stock, 0), p.StockElasticity);

    /// <summary>The stock one tick later: depreciation then new production, K' = K (1 - d dt) + P dt.</summary>
    public static double NextStock(ModelParameters p, double researchers, double stock, double dt) =>
        stock * (1 - p.KnowledgeDepreciation * dt) + Production(p, researchers, stock) * dt;

    /// <summary>The stock at which production equals depreciation for a steady research staff.</summary>
    public static double SteadyStock(ModelParameters p, double researchers) =>
        researchers <= 0 ? 0 : Math.Pow(p.KnowledgeProductivity * Math.Pow(researchers, p.ResearcherElasticity) / p.KnowledgeDepreciation, 1 / (1 - p.StockElasticity));

    /// <summary>
    /// Advances an Erlang distributed lag (a chain of n first-order delays with mean total delay L) by
    /// one tick, in place, using the exact exponential update so that any tick length is stable. The
    /// last stage is the knowledge available to industry.
    /// </summary>
    public static void AdvanceLag(double[] stages, double input, double meanLagYears, double dt)
    {
        double rate = 1 - Math.Exp(-stages.Length * dt / meanLagYears);
        double upstream = input;
        for (int k = 0; k < stages.Length; k++)
        {
            double before = stages[k];
            stages[k] = before + (upstream - before) * rate;
            upstream = before;
        }
    }

    /// <summary>Researchers a budget pays for: funding (bn yuan/yr) times the labour share over the wage (thousand yuan/yr).</summary>
    public static double ResearchersFunded(double fundingBn, double costShare, double wageThousand) =>
        wageThousand <= 0 ? 0 : fundingBn * 1e6 * costShare / wageThousand;
}
