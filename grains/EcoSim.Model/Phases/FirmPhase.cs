using EcoSim.Model.Mechanisms;
using EcoSim.Model.Numerics;
using EcoSim.Model.Parameters;
using EcoSim.Model.Randomness;
using EcoSim.Model.State;
using EcoSim.Model.World;

namespace EcoSim.Model.Phases;

/// <summary>
/// Phase 4 of a tick: every live firm of a shard competes, does R&amp;D, draws innovation and imitation,
/// may adopt the newest technology, and may exit. Each firm reads only its own state, its cluster's
/// signals and its own random streams, so shards can run anywhere, in any order.
/// </summary>
public static class FirmPhase
{
    /// <summary>Steps every live firm of <paramref name="shard"/> and returns the shard's aggregates.</summary>
    public static FirmReport Step(FirmShard shard, in ClusterSignals s, WorldSpec spec)
    {
        var p = spec.ParametersAt(s.Tick);
        const double dt = WorldSpec.Dt;
        double sqrtDt = Math.Sqrt(dt);
        double intensityFactor = FirmRules.ChosenIntensity(1, s.RdUserCostRatio, p.RdCostElasticity);
        double jumpLow = p.InnovationJumpLow, jumpHigh = FirmRules.JumpHigh(p, s.Opportunity);
        double averageWeight = s.Firms > 0 ? s.WeightTotal / s.Firms : 1;
        var sums = new SumVector(FirmSums.Count);
        double frontier = 0;
        long alive = 0, deaths = 0, innovations = 0, imitations = 0, adoptions = 0, onNewest = 0;

        for (int i = 0; i < shard.Count; i++)
        {
            if (shard.Alive[i] == 0) continue;
            ulong id = EntityIds.Firm(shard.Cluster, shard.FirstIndex + i);
            double a = shard.Productivity[i];

            // Market: replicator on competitiveness plus a size-dependent idiosyncratic shock.
            var shock = new RandomStream(spec.Seed, id, s.Tick, RandomPurpose.MarketShock);
            double relativeSize = shard.Weight[i] / averageWeight;
            double sigma = FirmRules.ShockVolatility(p.DemandShockVolatility, relativeSize, p.VolatilitySizeElasticity) * sqrtDt;
            double weight = shard.Weight[i] * FirmRules.ReplicatorFactor(p.ReplicatorStrength, a, s.MeanProductivity, dt, p.ReplicatorFloor)
                            * FirmRules.SizeDrag(p.SizeMeanReversion, relativeSize, dt)
                            * Math.Exp(sigma * shock.StandardNormal() - 0.5 * sigma * sigma);
            double share = weight / s.WeightTotal;
            double revenue = s.Demand * share;

            // R&D: intensity responds to the user cost; the talent pool rations researchers.
            double intensity = shard.RdIntensity[i] * intensityFactor;
            double wanted = KnowledgeRules.ResearchersFunded(intensity * revenue, p.ResearcherCostShare, s.Wage);
            double rd = intensity * revenue * s.FillRate;
            double rdStock = shard.RdStock[i] * (1 - p.RdDepreciation * dt) + rd * dt;
            double effort = intensity * s.FillRate;

            // Innovation: success with 1 - exp(-zeta effort dt), then a Beta-distributed jump.
            double next = a;
            var innovation = new RandomStream(spec.Seed, id, s.Tick, RandomPurpose.Innovation);
            if (innovation.NextDouble() < FirmRules.TickProbability(p.InnovationZeta * effort, dt))
            {
                double jump = jumpLow + (jumpHigh - jumpLow) * innovation.Beta(p.InnovationBetaA, p.InnovationBetaB);
                next = Math.Max(next, a * (1 + jump));
                innovations++;
            }
            var imitation = new RandomStream(spec.Seed, id, s.Tick, RandomPurpose.Imitation);
            if (imitation.NextDouble() < FirmRules.TickProbability(p.ImitationZeta * effort, dt))
            {
                next = Math.Max(next, FirmRules.Imitate(a, s.MeanProductivity, p.ImitationCatchUp));
                imitations++;
            }

            // Adoption of the cluster's newest technology generation.
            int vintage = shard.Vintage[i];
            if (vintage < s.Generation)
            {
                double absorptive = FirmRules.AbsorptiveCapacity(rdStock, revenue, p.AbsorptiveHalfSaturation);
                double adoptionHazard = FirmRules.AdoptionHazard(p, absorptive, s.TransformationFunding, s.AdopterShare);
                var adoption = new RandomStream(spec.Seed, id, s.Tick, RandomPurpose.Adoption);
                if (adoption.NextDouble() < FirmRules.TickProbability(adoptionHazard, dt))
                {
                    next *= FirmRules.AdoptionMultiplier(p.GenerationGain, s.Generation - vintage, p.MaxGenerationsPerAdoption);
                    vintage = s.Generation;
                    adoptions++;
                }
            }

            double cash = shard.Cash[i] + (revenue * p.OperatingMargin - rd) * dt;
            shard.Productivity[i] = next;
            shard.Weight[i] = weight;
            shard.Revenue[i] = revenue;
            shard.RdStock[i] = rdStock;
            shard.Cash[i] = cash;
            shard.Researchers[i] = wanted * s.FillRate;
            shard.Vintage[i] = vintage;
            shard.Age[i]++;
            Check(s.Tick, id, next, weight, cash, rdStock);

            var exit = new RandomStream(spec.Seed, id, s.Tick, RandomPurpose.Exit);
            double hazard = FirmRules.ExitHazard(p, weight / averageWeight, shard.Age[i] * dt);
            if (FirmRules.Exits(p, share, s.Firms, cash, revenue) || exit.NextDouble() < FirmRules.TickProbability(hazard, dt))
            {
                shard.Alive[i] = 0;
                deaths++;
                continue;
            }
            alive++;
            if (vintage == s.Generation) onNewest++;
            frontier = Math.Max(frontier, next);
            Accumulate(sums, next, weight, revenue, rd, wanted, wanted * s.FillRate);
        }
        sums.AddCount(FirmSums.Alive, alive);
        sums.AddCount(FirmSums.Deaths, deaths);
        sums.AddCount(FirmSums.Innovations, innovations);
        sums.AddCount(FirmSums.Imitations, imitations);
        sums.AddCount(FirmSums.Adoptions, adoptions);
        sums.AddCount(FirmSums.OnNewestGeneration, onNewest);
        return new FirmReport(shard.Cluster, sums, frontier);
    }

    /// <summary>Aggregates of a shard's live firms without stepping them (tick 0).</summary>
    public static FirmReport Summarize(FirmShard shard, int generation)
    {
        var sums = new SumVector(FirmSums.Count);
        double frontier = 0;
        long alive = 0, onNewest = 0;
        for (int i = 0; i < shard.Count; i++)
        {
            if (shard.Alive[i] == 0) continue;
            alive++;
            if (shard.Vintage[i] == generation) onNewest++;
            frontier = Math.Max(frontier, shard.Productivity[i]);
            Accumulate(sums, shard.Productivity[i], shard.Weight[i], shard.Revenue[i], shard.Revenue[i] * shard.RdIntensity[i],
                shard.Researchers[i], shard.Researchers[i]);
        }
        sums.AddCount(FirmSums.Alive, alive);
        sums.AddCount(FirmSums.OnNewestGeneration, onNewest);
        return new FirmReport(shard.Cluster, sums, frontier);
    }

    /// <summary>Adds one live firm's contribution to a report's sums.</summary>
    public static void Accumulate(SumVector sums, double productivity, double weight, double revenue, double rd, double wanted, double researchers)
    {
        double log = Math.Log(productivity);
        sums.Add(FirmSums.Revenue, revenue);
        sums.Add(FirmSums.Rd, rd);
        sums.Add(FirmSums.Weight, weight);
        sums.Add(FirmSums.WeightedProductivity, weight * productivity);
        sums.Add(FirmSums.LogProductivity, log);
        sums.Add(FirmSums.LogProductivitySquared, log * log);
        sums.Add(FirmSums.ResearcherDemand, wanted);
        sums.Add(FirmSums.Researchers, researchers);
    }

    /// <summary>Fills a shard with the initial firms of indices [first, first + count) of a cluster.</summary>
    public static void Initialize(FirmShard shard, WorldSpec spec, WorldConstants constants, long first, int count)
    {
        var p = spec.ParametersAt(0);
        var cluster = spec.Clusters[shard.Cluster];
        int firms = constants.FirmsPerCluster[shard.Cluster];
        for (long index = first; index < first + count; index++)
        {
            var draws = new RandomStream(spec.Seed, EntityIds.Firm(shard.Cluster, index), 0, RandomPurpose.FirmInit);
            double weight = LogNormalMeanOne(ref draws, p.InitialSizeDispersion);
            double productivity = LogNormalMeanOne(ref draws, p.InitialProductivityDispersion);
            double intensity = cluster.RdIntensity * LogNormalMeanOne(ref draws, p.RdIntensityDispersion);
            double revenue = cluster.Revenue * weight / firms;
            double researchers = KnowledgeRules.ResearchersFunded(intensity * revenue, p.ResearcherCostShare, p.InitialWage);
            shard.Append(new FirmRecord(productivity, weight, revenue, intensity, p.InitialRdStockYears * intensity * revenue,
                p.InitialCashYears * revenue, researchers, (int)(draws.NextDouble() * p.InitialMaxAgeYears * WorldSpec.TicksPerYear), 0, true));
        }
    }

    /// <summary>exp(sigma z - sigma^2 / 2): a lognormal draw with mean one.</summary>
    public static double LogNormalMeanOne(ref RandomStream draws, double sigma) => Math.Exp(sigma * draws.StandardNormal() - 0.5 * sigma * sigma);

    private static void Check(int tick, ulong firm, double productivity, double weight, double cash, double rdStock)
    {
        if (double.IsFinite(productivity) && productivity > 0 && double.IsFinite(weight) && weight >= 0 && double.IsFinite(cash) && double.IsFinite(rdStock)) return;
        string what = !double.IsFinite(productivity) || productivity <= 0 ? $"productivity = {productivity}"
            : !double.IsFinite(weight) || weight < 0 ? $"market weight = {weight}"
            : !double.IsFinite(cash) ? $"cash = {cash}" : $"R&D stock = {rdStock}";
        throw new ModelStateException(tick, $"firm {firm:X16}", what);
    }
}

/// <summary>The model reached an impossible state (NaN, infinity, a negative stock): names the tick, entity and quantity.</summary>
public sealed class ModelStateException(int tick, string entity, string quantity)
    : Exception($"model state invalid at tick {tick}: {entity} has {quantity}")
{
    /// <summary>The tick.</summary>
    public int Tick { get; } = tick;
    /// <summary>The entity.</summary>
    public string Entity { get; } = entity;
    /// <summary>The quantity and its value.</summary>
    public string Quantity { get; } = quantity;
}
