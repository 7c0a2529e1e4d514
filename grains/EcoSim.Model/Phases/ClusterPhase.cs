using EcoSim.Model.Mechanisms;
using EcoSim.Model.Numerics;
using EcoSim.Model.State;
using EcoSim.Model.World;

namespace EcoSim.Model.Phases;

/// <summary>
/// Phase 3 of a tick (a cluster gathers its labs' output into signals for its firms) and the close of
/// phase 7 (the cluster's firm aggregates after entry, for the next tick).
/// </summary>
public static class ClusterPhase
{
    /// <summary>
    /// Advances the knowledge lag with the labs' stock, adds their breakthroughs to the technology pool,
    /// and computes the signals the cluster's firms act on.
    /// </summary>
    public static (ClusterSignals Signals, ClusterState State) Gather(WorldSpec spec, WorldConstants constants, int tick,
        ClusterState state, BudgetAllocation budget, LabReport labs, TalentPoolState talent, RegionSnapshot previous)
    {
        var p = spec.ParametersAt(tick);
        int c = state.Cluster;
        var stages = (double[])state.LagStages.Clone();
        double knowledge = labs.Sums[LabSums.Knowledge];
        KnowledgeRules.AdvanceLag(stages, knowledge, p.KnowledgeLagYears, WorldSpec.Dt);
        int breakthroughs = (int)labs.Sums[LabSums.Breakthroughs];
        int[] pipeline = state.Pipeline;
        int approvals = 0;
        double technology = breakthroughs;
        if (spec.Clusters[c].HasPipeline)
        {
            (pipeline, approvals) = AdvancePipeline(spec, p, c, tick, state.Pipeline, breakthroughs);
            technology = approvals * PipelineRules.ApprovalValue(p);
        }
        var (pool, newGenerations) = BreakthroughRules.AccumulatePool(state.TechnologyPool, technology,
            p.BreakthroughsPerGeneration, p.IdeaDifficultyGrowth, state.Generation);
        var others = (double[])previous.AvailableKnowledge.Clone();
        others[c] = stages[^1];
        double opportunity = WorldConstants.Opportunity(WorldConstants.OpportunityNumerator(p.KnowledgeSpillover, spec, c, stages[^1], others), constants.OpportunityBase[c]);
        var next = state with
        {
            LagStages = stages,
            LabKnowledge = knowledge,
            TechnologyPool = pool,
            Generation = state.Generation + newGenerations,
            AdopterShare = newGenerations > 0 ? 0 : state.AdopterShare,
            Pipeline = pipeline,
            Approvals = approvals,
        };
        var signals = new ClusterSignals
        {
            Tick = tick,
            Cluster = c,
            Demand = FirmRules.Demand(p, state.BaseDemand, tick * WorldSpec.Dt, state.MeanProductivity, state.BaseMeanProductivity)
                     * ShockRules.DemandMultiplier(spec, c, tick),
            WeightTotal = state.WeightTotal,
            MeanProductivity = state.MeanProductivity,
            Frontier = state.Frontier,
            Firms = state.Firms,
            Opportunity = opportunity,
            Generation = next.Generation,
            AdopterShare = next.AdopterShare,
            FillRate = talent.FillRate,
            Wage = talent.Wage,
            TransformationFunding = budget.For(c, Link.Transformation),
            RdUserCostRatio = FirmRules.RdUserCost(p with { SuperDeduction = p.SuperDeduction + ShockRules.Total(spec, ShockKind.RdSubsidy, c, tick) })
                              / constants.InitialRdUserCost,
        };
        return (signals, next);
    }

    /// <summary>
    /// One tick of the development pipeline: from the last stage back to the first, each candidate
    /// finishes its stage with probability 1 - exp(-dt / mean duration) and, if it does, passes with the
    /// stage's pass rate (moving on, or being approved after review) or fails; then this tick's
    /// breakthroughs enter phase I.
    /// </summary>
    public static (int[] Stages, int Approvals) AdvancePipeline(WorldSpec spec, Parameters.ModelParameters p, int cluster, int tick, int[] stages, int newCandidates)
    {
        var next = stages.Length == PipelineRules.Stages ? (int[])stages.Clone() : new int[PipelineRules.Stages];
        var draws = new Randomness.RandomStream(spec.Seed, Randomness.EntityIds.Cluster(cluster), tick, Randomness.RandomPurpose.Pipeline);
        int approvals = 0;
        for (int stage = PipelineRules.Stages - 1; stage >= 0; stage--)
        {
            double finish = FirmRules.TickProbability(1 / PipelineRules.StageYears(p, stage), WorldSpec.Dt);
            double pass = PipelineRules.PassRate(p, stage);
            int staying = 0, moving = 0;
            for (int k = 0; k < next[stage]; k++)
            {
                if (!draws.Bernoulli(finish)) { staying++; continue; }
                if (draws.Bernoulli(pass)) moving++;
            }
            next[stage] = staying;
            if (stage == PipelineRules.Stages - 1) approvals = moving;
            else next[stage + 1] += moving;
        }
        next[0] += newCandidates;
        return (next, approvals);
    }

    /// <summary>The cluster's state after its firms' step and the entry of new firms.</summary>
    public static ClusterState Close(ClusterState state, FirmReport firms, EntrantBatch entrants)
    {
        var s = firms.Sums;
        var e = entrants.Sums;
        double weight = s[FirmSums.Weight] + e[FirmSums.Weight];
        double count = s[FirmSums.Alive] + e[FirmSums.Alive];
        return state with
        {
            WeightTotal = weight,
            MeanProductivity = weight > 0 ? (s[FirmSums.WeightedProductivity] + e[FirmSums.WeightedProductivity]) / weight : state.MeanProductivity,
            MeanLogProductivity = count > 0 ? (s[FirmSums.LogProductivity] + e[FirmSums.LogProductivity]) / count : state.MeanLogProductivity,
            Frontier = Math.Max(firms.Frontier, entrants.Frontier),
            Firms = count,
            AdopterShare = count > 0 ? (s[FirmSums.OnNewestGeneration] + e[FirmSums.OnNewestGeneration]) / count : 0,
            NextFirmIndex = state.NextFirmIndex + entrants.Firms.Count,
        };
    }

    /// <summary>The state of a cluster at tick 0, from the summary of its initial firms.</summary>
    public static ClusterState Initial(WorldSpec spec, WorldConstants constants, int cluster, FirmReport firms)
    {
        var s = firms.Sums;
        double weight = s[FirmSums.Weight], count = s[FirmSums.Alive];
        double mean = weight > 0 ? s[FirmSums.WeightedProductivity] / weight : 1;
        int stages = (int)Math.Round(spec.ParametersAt(0).KnowledgeLagStages);
        return new ClusterState
        {
            Cluster = cluster,
            LagStages = Enumerable.Repeat(constants.InitialKnowledge[cluster], stages).ToArray(),
            LabKnowledge = constants.InitialKnowledge[cluster],
            TechnologyPool = 0,
            Generation = 0,
            BaseDemand = spec.Clusters[cluster].Revenue,
            WeightTotal = weight,
            MeanProductivity = mean,
            BaseMeanProductivity = mean,
            MeanLogProductivity = count > 0 ? s[FirmSums.LogProductivity] / count : 0,
            Frontier = firms.Frontier,
            Firms = count,
            AdopterShare = count > 0 ? s[FirmSums.OnNewestGeneration] / count : 0,
            NextFirmIndex = constants.FirmsPerCluster[cluster],
            Pipeline = spec.Clusters[cluster].HasPipeline ? new int[PipelineRules.Stages] : [],
        };
    }
}

/// <summary>The firms entering one cluster in a tick, with their aggregates.</summary>
/// <param name="Cluster">Cluster index.</param>
/// <param name="FirstIndex">Cluster index of the first entrant.</param>
/// <param name="Firms">The entrants, in index order.</param>
/// <param name="Sums">Their aggregates, in <see cref="FirmSums"/> slots.</param>
/// <param name="Frontier">Their highest productivity.</param>
public sealed record EntrantBatch(int Cluster, long FirstIndex, IReadOnlyList<FirmRecord> Firms, SumVector Sums, double Frontier)
{
    /// <summary>What the metrics read of the entrants: their number and aggregates, not the firms themselves.</summary>
    public EntrantSummary Summary => new(Firms.Count, Sums);
}

/// <summary>How many firms entered a cluster in a tick, and their aggregates: small enough for a message.</summary>
/// <param name="Count">Entrants.</param>
/// <param name="Sums">Their aggregates, in <see cref="FirmSums"/> slots.</param>
public sealed record EntrantSummary(int Count, SumVector Sums);
