using EcoSim.Model.Mechanisms;
using EcoSim.Model.Numerics;
using EcoSim.Model.Randomness;
using EcoSim.Model.State;
using EcoSim.Model.World;

namespace EcoSim.Model.Phases;

/// <summary>What a lab needs from its cluster in a tick.</summary>
/// <param name="BasicFunding">The cluster's basic-research money for labs (after facility construction), bn yuan/yr.</param>
/// <param name="AppliedFunding">The cluster's breakthrough money, bn yuan/yr.</param>
/// <param name="FillRate">Share of wanted researchers that can be hired.</param>
/// <param name="Wage">Researcher wage, thousand yuan/yr.</param>
/// <param name="Opportunity">The cluster's technological opportunity (previous tick).</param>
/// <param name="KnowledgeMultiplier">Boost to knowledge production from operating science facilities (1 = none).</param>
public readonly record struct LabInputs(double BasicFunding, double AppliedFunding, double FillRate, double Wage, double Opportunity, double KnowledgeMultiplier)
{
    /// <summary>The inputs of cluster <paramref name="cluster"/>'s labs at <paramref name="tick"/>: one function for every engine.</summary>
    public static LabInputs For(WorldSpec spec, BudgetAllocation budget, int cluster, int tick, TalentPoolState talent, double opportunity)
    {
        double basic = budget.For(cluster, Link.Basic);
        return new LabInputs(basic - FacilityRules.ConstructionSpending(spec, cluster, tick, basic), budget.For(cluster, Link.Applied),
            talent.FillRate, talent.Wage, opportunity, FacilityRules.KnowledgeMultiplier(spec, cluster, tick));
    }
}

/// <summary>Phase 2 of a tick: labs do basic research and applied work.</summary>
public static class ResearchPhase
{
    /// <summary>
    /// One lab's tick: it hires researchers with its share of the cluster's money (rationed by the talent
    /// pool), adds to its knowledge stock, and draws breakthroughs and spin-offs.
    /// </summary>
    public static LabReport Step(ref LabState lab, WorldSpec spec, int tick, in LabInputs inputs)
    {
        var p = spec.ParametersAt(tick);
        double basic = inputs.BasicFunding * lab.BasicShare;
        double applied = inputs.AppliedFunding * lab.AppliedShare;
        double basicResearchers = KnowledgeRules.ResearchersFunded(basic, p.ResearcherCostShare, inputs.Wage) * inputs.FillRate;
        double appliedResearchers = KnowledgeRules.ResearchersFunded(applied, p.ResearcherCostShare, inputs.Wage) * inputs.FillRate;
        lab.Knowledge = KnowledgeRules.NextStock(p, basicResearchers, lab.Knowledge, WorldSpec.Dt, inputs.KnowledgeMultiplier);
        lab.Researchers = basicResearchers + appliedResearchers;

        ulong id = EntityIds.Lab(lab.Index);
        var draws = new RandomStream(spec.Seed, id, tick, RandomPurpose.Breakthrough);
        int breakthroughs = draws.Poisson(BreakthroughRules.Rate(p, applied * inputs.FillRate, inputs.Opportunity) * WorldSpec.Dt);
        var spin = new RandomStream(spec.Seed, id, tick, RandomPurpose.SpinOff);
        int spinOffs = 0;
        for (int b = 0; b < breakthroughs; b++) if (spin.Bernoulli(p.SpinOffProbability)) spinOffs++;

        var sums = new SumVector(LabSums.Count);
        sums.Add(LabSums.Knowledge, lab.Knowledge);
        sums.AddCount(LabSums.Breakthroughs, breakthroughs);
        sums.AddCount(LabSums.SpinOffs, spinOffs);
        sums.Add(LabSums.ResearcherDemand, KnowledgeRules.ResearchersFunded(basic + applied, p.ResearcherCostShare, inputs.Wage));
        sums.Add(LabSums.Researchers, lab.Researchers);
        sums.Add(LabSums.Funding, basic + applied);
        sums.Add(LabSums.Spending, (basic + applied) * inputs.FillRate);
        return new LabReport(lab.Cluster, sums);
    }
}
