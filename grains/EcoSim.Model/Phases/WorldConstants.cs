using EcoSim.Model.Mechanisms;
using EcoSim.Model.State;
using EcoSim.Model.World;

namespace EcoSim.Model.Phases;

/// <summary>
/// Quantities derived once from a <see cref="WorldSpec"/> that every entity of a run needs: allocation
/// keys, the labs' initial state, firm counts, the bases of the indices. A pure function of the spec,
/// so every engine and every grain derives the same values.
/// </summary>
public sealed class WorldConstants
{
    /// <summary>Budget allocation key of each cluster (sums to one).</summary>
    public required double[] ClusterKeys { get; init; }
    /// <summary>Initial firms per cluster.</summary>
    public required int[] FirmsPerCluster { get; init; }
    /// <summary>Every lab at tick 0, in index order.</summary>
    public required LabState[] Labs { get; init; }
    /// <summary>Labs' knowledge by cluster at tick 0.</summary>
    public required double[] InitialKnowledge { get; init; }
    /// <summary>Region knowledge at tick 0: the base (=100) of the knowledge indices.</summary>
    public required double KnowledgeIndexBase { get; init; }
    /// <summary>Opportunity denominator per cluster: own plus related clusters' knowledge at tick 0.</summary>
    public required double[] OpportunityBase { get; init; }
    /// <summary>Public research (basic + applied) funding per cluster at tick 0, bn yuan/yr.</summary>
    public required double[] InitialLabFunding { get; init; }
    /// <summary>After-tax cost of R&amp;D at tick 0.</summary>
    public required double InitialRdUserCost { get; init; }
    /// <summary>Ticks a venture investment is held.</summary>
    public required int HoldingTicks { get; init; }
    /// <summary>Every fund's kind, in index order.</summary>
    public required FundKind[] FundKinds { get; init; }
    /// <summary>Initial capital of every fund, bn yuan.</summary>
    public required double[] FundCapital { get; init; }
    /// <summary>Number of guidance funds (they share the public finance money).</summary>
    public required int GuidanceFunds { get; init; }

    /// <summary>Derives the constants of a world.</summary>
    public static WorldConstants Derive(WorldSpec spec)
    {
        var p = spec.ParametersAt(0);
        int n = spec.ClusterCount;
        var keys = BudgetRules.ClusterKeys([.. spec.Clusters.Select(c => c.Priority)], [.. spec.Clusters.Select(c => c.Revenue)], p.ClusterKeyRevenueElasticity);
        var firms = Apportion(spec.Firms, [.. spec.Clusters.Select(c => c.Revenue)]);
        var labs = PlaceLabs(spec, keys);
        var allocation = PolicyPhase.Allocate(spec, keys, 0);
        var knowledge = new double[n];
        var labFunding = new double[n];
        for (int c = 0; c < n; c++) labFunding[c] = allocation.For(c, Link.Basic) + allocation.For(c, Link.Applied);
        for (int l = 0; l < labs.Length; l++)
        {
            double basic = allocation.For(labs[l].Cluster, Link.Basic) * labs[l].BasicShare;
            double researchers = KnowledgeRules.ResearchersFunded(basic, p.ResearcherCostShare, p.InitialWage);
            labs[l].Knowledge = KnowledgeRules.SteadyStock(p, researchers);
            labs[l].Researchers = researchers;
            knowledge[labs[l].Cluster] += labs[l].Knowledge;
        }
        var opportunityBase = new double[n];
        for (int c = 0; c < n; c++) opportunityBase[c] = OpportunityNumerator(p.KnowledgeSpillover, spec, c, knowledge[c], knowledge);
        var fundKinds = spec.Funds.SelectMany(g => Enumerable.Repeat(g.Kind, g.Count)).ToArray();
        var fundCapital = spec.Funds.SelectMany(g => Enumerable.Repeat(g.Count > 0 ? g.Capital / g.Count : 0, g.Count)).ToArray();
        return new WorldConstants
        {
            ClusterKeys = keys,
            FirmsPerCluster = firms,
            Labs = labs,
            InitialKnowledge = knowledge,
            KnowledgeIndexBase = knowledge.Sum(),
            OpportunityBase = opportunityBase,
            InitialLabFunding = labFunding,
            InitialRdUserCost = FirmRules.RdUserCost(p),
            HoldingTicks = FinanceRules.HoldingTicks(p, WorldSpec.TicksPerYear),
            FundKinds = fundKinds,
            FundCapital = fundCapital,
            GuidanceFunds = fundKinds.Count(k => k == FundKind.Guidance),
        };
    }

    /// <summary>Own available knowledge plus the spillover-weighted knowledge of the other clusters.</summary>
    public static double OpportunityNumerator(double spillover, WorldSpec spec, int cluster, double own, IReadOnlyList<double> all)
    {
        double spill = 0;
        for (int j = 0; j < all.Count; j++) if (j != cluster) spill += spec.Related(cluster, j) * all[j];
        return own + spillover * spill;
    }

    /// <summary>Opportunity relative to the start: numerator over the start's; 1 when there was no knowledge at the start.</summary>
    public static double Opportunity(double numerator, double baseNumerator) => baseNumerator > 0 ? numerator / baseNumerator : 1;

    /// <summary>Splits a whole number over weights by the largest-remainder method (ties to the lower index).</summary>
    public static int[] Apportion(int total, IReadOnlyList<double> weights)
    {
        double sum = weights.Sum();
        var counts = new int[weights.Count];
        var remainders = new (double Remainder, int Index)[weights.Count];
        int given = 0;
        for (int i = 0; i < counts.Length; i++)
        {
            double exact = sum > 0 ? total * weights[i] / sum : 0;
            counts[i] = (int)Math.Floor(exact);
            given += counts[i];
            remainders[i] = (exact - counts[i], i);
        }
        foreach (var (_, index) in remainders.OrderByDescending(r => r.Remainder).ThenBy(r => r.Index).Take(total - given)) counts[index]++;
        return counts;
    }

    private static LabState[] PlaceLabs(WorldSpec spec, double[] keys)
    {
        var labs = new List<LabState>();
        foreach (var group in spec.Labs)
        {
            var perCluster = Apportion(group.Count, keys);
            for (int c = 0; c < perCluster.Length; c++)
                for (int k = 0; k < perCluster[c]; k++)
                    labs.Add(new LabState { Index = labs.Count, Cluster = c, Kind = group.Kind, BasicShare = group.BasicWeight, AppliedShare = group.AppliedWeight });
        }
        var result = labs.ToArray();
        for (int c = 0; c < spec.ClusterCount; c++)
        {
            double basic = 0, applied = 0;
            foreach (var lab in result) if (lab.Cluster == c) { basic += lab.BasicShare; applied += lab.AppliedShare; }
            for (int l = 0; l < result.Length; l++)
            {
                if (result[l].Cluster != c) continue;
                result[l].BasicShare = basic > 0 ? result[l].BasicShare / basic : 0;
                result[l].AppliedShare = applied > 0 ? result[l].AppliedShare / applied : 0;
            }
        }
        return result;
    }
}
