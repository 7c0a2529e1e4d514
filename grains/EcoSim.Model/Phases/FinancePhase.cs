using EcoSim.Model.Mechanisms;
using EcoSim.Model.Numerics;
using EcoSim.Model.Randomness;
using EcoSim.Model.State;
using EcoSim.Model.World;

namespace EcoSim.Model.Phases;

/// <summary>Slots of a <see cref="FundReport"/>: deals and investment per cluster, then totals.</summary>
public static class FundSums
{
    /// <summary>Slot of the deals in cluster <paramref name="cluster"/>.</summary>
    public static int Deals(int cluster) => 2 * cluster;
    /// <summary>Slot of the investment (bn yuan) in cluster <paramref name="cluster"/>.</summary>
    public static int Investment(int cluster) => 2 * cluster + 1;
    /// <summary>Slot of the funds' capital after the tick, for a region of <paramref name="clusters"/> clusters.</summary>
    public static int Capital(int clusters) => 2 * clusters;
    /// <summary>Slot of the money returned at exits.</summary>
    public static int Returns(int clusters) => 2 * clusters + 1;
    /// <summary>Number of slots.</summary>
    public static int Count(int clusters) => 2 * clusters + 2;
}

/// <summary>What funds did in a tick, as exact sums.</summary>
/// <param name="Sums">See <see cref="FundSums"/>.</param>
public sealed record FundReport(SumVector Sums);

/// <summary>Phase 5 of a tick: funds collect exits, receive public money and invest in start-ups.</summary>
public static class FinancePhase
{
    /// <summary>
    /// A fund at tick 0: its capital and, as if in a steady state, a full book of past investments,
    /// spread over clusters as new deals are (demand times opportunity) and valued at each cluster's
    /// productivity at the start, so that early exits carry no bias.
    /// </summary>
    public static FundState Initial(WorldSpec spec, WorldConstants constants, int index, RegionSnapshot start)
    {
        int n = spec.ClusterCount;
        var held = new double[constants.HoldingTicks * n];
        var heldProductivity = new double[held.Length];
        double perTick = FinanceRules.Investment(spec.ParametersAt(0), constants.FundCapital[index], WorldSpec.Dt);
        double total = 0;
        for (int c = 0; c < n; c++) total += start.Demand[c] * start.Opportunity[c];
        for (int slot = 0; slot < constants.HoldingTicks; slot++)
            for (int c = 0; c < n; c++)
            {
                held[slot * n + c] = total > 0 ? perTick * start.Demand[c] * start.Opportunity[c] / total : 0;
                heldProductivity[slot * n + c] = start.MeanProductivity[c];
            }
        return new FundState { Index = index, Kind = constants.FundKinds[index], Capital = constants.FundCapital[index], Held = held, HeldProductivity = heldProductivity };
    }

    /// <summary>Demand-weighted productivity growth of the region over the exiting cohort's holding period.</summary>
    private static double RegionGrowth(FundState fund, RegionSnapshot region, int slot, int n)
    {
        double weighted = 0, total = 0;
        for (int c = 0; c < n; c++)
        {
            double then = fund.HeldProductivity[slot * n + c];
            if (then <= 0) continue;
            weighted += region.Demand[c] * region.MeanProductivity[c] / then;
            total += region.Demand[c];
        }
        return total > 0 ? weighted / total : 1;
    }

    /// <summary>
    /// One fund's tick: the cohort invested one holding period ago exits at a multiple that rises with
    /// its cluster's productivity growth relative to the region's; a guidance fund receives its share of public finance money,
    /// levered; then the fund invests a share of its capital, screening clusters by demand times
    /// opportunity, in whole deals (the fractional deal is drawn).
    /// </summary>
    public static FundReport Invest(FundState fund, WorldSpec spec, WorldConstants constants, int tick, BudgetAllocation budget, RegionSnapshot region)
    {
        var p = spec.ParametersAt(tick);
        int n = spec.ClusterCount;
        int slot = tick % constants.HoldingTicks;
        double returns = 0;
        double regionGrowth = RegionGrowth(fund, region, slot, n);
        for (int c = 0; c < n; c++)
        {
            double amount = fund.Held[slot * n + c];
            double then = fund.HeldProductivity[slot * n + c];
            if (amount > 0 && then > 0) returns += amount * FinanceRules.ExitMultiple(p, region.MeanProductivity[c] / then, regionGrowth);
        }
        double capital = fund.Capital + returns;
        if (fund.Kind == FundKind.Guidance && constants.GuidanceFunds > 0)
        {
            double publicFinance = 0;
            for (int c = 0; c < n; c++) publicFinance += budget.For(c, Link.Finance);
            capital += FinanceRules.GuidanceInflow(p, publicFinance / constants.GuidanceFunds, WorldSpec.Dt)
                       + ShockRules.GuidanceInjection(spec, tick) / constants.GuidanceFunds;
        }

        double toInvest = FinanceRules.Investment(p, capital, WorldSpec.Dt);
        double dealSize = FinanceRules.DealSize(p, region.Demand.Sum(), spec.Clusters.Sum(c => c.Revenue));
        var attractiveness = new double[n];
        double total = 0;
        for (int c = 0; c < n; c++) { attractiveness[c] = region.Demand[c] * region.Opportunity[c]; total += attractiveness[c]; }
        var screening = new RandomStream(spec.Seed, EntityIds.Fund(fund.Index), tick, RandomPurpose.Screening);
        var sums = new SumVector(FundSums.Count(n));
        for (int c = 0; c < n; c++)
        {
            double expectedDeals = total > 0 ? toInvest * attractiveness[c] / total / dealSize : 0;
            int deals = (int)Math.Floor(expectedDeals);
            if (screening.NextDouble() < expectedDeals - deals) deals++;
            double invested = deals * dealSize;
            capital -= invested;
            fund.Held[slot * n + c] = invested;
            fund.HeldProductivity[slot * n + c] = region.MeanProductivity[c];
            sums.AddCount(FundSums.Deals(c), deals);
            sums.Add(FundSums.Investment(c), invested);
        }
        fund.Capital = capital;
        sums.Add(FundSums.Capital(n), capital);
        sums.Add(FundSums.Returns(n), returns);
        return new FundReport(sums);
    }
}
