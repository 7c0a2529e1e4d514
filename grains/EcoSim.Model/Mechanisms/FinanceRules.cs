using EcoSim.Model.Numerics;
using EcoSim.Model.Parameters;

namespace EcoSim.Model.Mechanisms;

/// <summary>S&amp;T finance: investment, guidance-fund leverage and exit returns.</summary>
public static class FinanceRules
{
    /// <summary>Money a fund invests in one tick.</summary>
    public static double Investment(ModelParameters p, double capital, double dt) => Math.Max(capital, 0) * p.FundInvestmentRate * dt;

    /// <summary>Capital a guidance fund receives in a tick from its share of public finance money, with private leverage.</summary>
    public static double GuidanceInflow(ModelParameters p, double publicFinance, double dt) => publicFinance * dt * (1 + p.GuidanceLeverage);

    /// <summary>
    /// Gross exit multiple: base * (cluster growth / region growth)^elasticity, growth being the ratio of
    /// productivity at exit to productivity at investment. Relative, so that funds earn more in clusters
    /// that outgrow the region without compounding the region's own growth into venture capital.
    /// </summary>
    public static double ExitMultiple(ModelParameters p, double clusterGrowth, double regionGrowth) =>
        regionGrowth <= 0 ? 0 : p.ExitMultiple * ModelMath.Pow(Math.Max(clusterGrowth, 0) / regionGrowth, p.ExitMultipleElasticity);

    /// <summary>
    /// Size of a deal: the start-year size grown with nominal demand (the region's when funds invest,
    /// the cluster's for the cash a funded start-up enters with), so that deals keep their weight in
    /// the economy as funds' capital compounds.
    /// </summary>
    public static double DealSize(ModelParameters p, double demand, double startDemand) =>
        startDemand > 0 ? p.DealSize * demand / startDemand : p.DealSize;

    /// <summary>Number of ticks a venture investment is held.</summary>
    public static int HoldingTicks(ModelParameters p, int ticksPerYear) => Math.Max(1, (int)Math.Round(p.HoldingYears * ticksPerYear));
}
