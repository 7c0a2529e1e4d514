using System.Runtime.CompilerServices;
using EcoSim.Model.Mechanisms;
using EcoSim.Model.Numerics;
using EcoSim.Model.Phases;
using EcoSim.Model.Randomness;
using EcoSim.Model.State;
using EcoSim.Model.World;

namespace EcoSim.Bench;

/// <summary>
/// The firm phase as it was on 2026-12-02, before the vectorised kernel: one firm at a time, the
/// platform's Math.Exp, Math.Log and Math.Pow, a Box-Muller normal and scalar Philox. Kept only as the
/// baseline case of <see cref="FirmPhaseBenchmarks"/>, so that the new kernel is measured against it in
/// the same run on this noisy machine; its numbers are not the model's any more.
/// </summary>
internal static class BaselineFirmKernel
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static FirmReport Step(FirmShard shard, in ClusterSignals s, WorldSpec spec)
    {
        var p = spec.ParametersAt(s.Tick);
        const double dt = WorldSpec.Dt;
        double sqrtDt = Math.Sqrt(dt);
        double intensityFactor = Math.Pow(s.RdUserCostRatio, -p.RdCostElasticity);
        double jumpLow = p.InnovationJumpLow, jumpHigh = p.InnovationJumpHigh * Math.Pow(Math.Max(s.Opportunity, 1e-9), p.OpportunityUpsideElasticity);
        double averageWeight = s.Firms > 0 ? s.WeightTotal / s.Firms : 1;
        double adoptionHazardBase = FirmRules.AdoptionHazard(p, 0, s.TransformationFunding, s.AdopterShare);
        var totals = new Totals();
        double frontier = 0;

        for (int i = 0; i < shard.Count; i++)
        {
            if (shard.Alive[i] == 0) continue;
            ulong id = EntityIds.Firm(shard.Cluster, shard.FirstIndex + i);
            double a = shard.Productivity[i];
            var draws = new RandomStream(spec.Seed, id, s.Tick, RandomPurpose.FirmTick);
            double u1 = draws.NextDoubleOpenZero(), u2 = draws.NextDouble();
            double z = Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
            double uInnovation = draws.NextDouble(), uImitation = draws.NextDouble(), uAdoption = draws.NextDouble(), uExit = draws.NextDouble();

            double log = Math.Log(Math.Max(shard.Weight[i] / averageWeight, 1e-6));
            double volatility = Math.Exp(-p.VolatilitySizeElasticity * log), drag = Math.Exp(-p.SizeMeanReversion * dt * log), exitFactor = Math.Exp(-p.ExitSizeElasticity * log);
            double sigma = p.DemandShockVolatility * volatility * sqrtDt;
            double weight = shard.Weight[i] * FirmRules.ReplicatorFactor(p.ReplicatorStrength, a, s.MeanProductivity, dt, p.ReplicatorFloor)
                            * drag * Math.Exp(sigma * z - 0.5 * sigma * sigma);
            double share = weight / s.WeightTotal;
            double revenue = s.Demand * share;

            double intensity = shard.RdIntensity[i] * intensityFactor;
            double wanted = KnowledgeRules.ResearchersFunded(intensity * revenue, p.ResearcherCostShare, s.Wage);
            double rd = intensity * revenue * s.FillRate;
            double rdStock = shard.RdStock[i] * (1 - p.RdDepreciation * dt) + rd * dt;
            double effort = intensity * s.FillRate;

            double next = a;
            if (uInnovation < TickProbability(p.InnovationZeta * effort))
            {
                var size = new RandomStream(spec.Seed, id, s.Tick, RandomPurpose.InnovationSize);
                double jump = jumpLow + (jumpHigh - jumpLow) * size.Beta(p.InnovationBetaA, p.InnovationBetaB);
                next = Math.Max(next, a * (1 + jump));
                totals.Innovations++;
            }
            if (uImitation < TickProbability(p.ImitationZeta * effort))
            {
                next = Math.Max(next, FirmRules.Imitate(a, s.MeanProductivity, p.ImitationCatchUp));
                totals.Imitations++;
            }
            int vintage = shard.Vintage[i];
            if (vintage < s.Generation)
            {
                double absorptive = FirmRules.AbsorptiveCapacity(rdStock, revenue, p.AbsorptiveHalfSaturation);
                double hazard = adoptionHazardBase + FirmRules.AdoptionHazard(p, absorptive, s.TransformationFunding, 0);
                if (uAdoption < TickProbability(hazard))
                {
                    next *= Math.Pow(1 + p.GenerationGain, Math.Min(s.Generation - vintage, p.MaxGenerationsPerAdoption));
                    vintage = s.Generation;
                    totals.Adoptions++;
                }
            }

            double cash = shard.Cash[i] + (revenue * p.OperatingMargin - rd) * dt;
            int age = ++shard.Age[i];
            shard.Productivity[i] = next;
            shard.Weight[i] = weight;
            shard.Revenue[i] = revenue;
            shard.RdStock[i] = rdStock;
            shard.Cash[i] = cash;
            shard.Researchers[i] = wanted * s.FillRate;
            shard.Vintage[i] = vintage;
            if (!(double.IsFinite(next) && next > 0 && double.IsFinite(weight) && weight >= 0 && double.IsFinite(cash) && double.IsFinite(rdStock)))
                throw new InvalidOperationException($"firm {id:X16}: invalid state at tick {s.Tick}");

            double exitHazard = p.ExitHazard * exitFactor * (1 + p.YoungFirmExitPremium * Math.Exp(-(age * dt) / p.YoungFirmAgeScale));
            if (FirmRules.Exits(p, share, s.Firms, cash, revenue) || uExit < TickProbability(exitHazard))
            {
                shard.Alive[i] = 0;
                totals.Deaths++;
                continue;
            }
            totals.Alive++;
            if (vintage == s.Generation) totals.OnNewest++;
            frontier = Math.Max(frontier, next);
            totals.Add(next, weight, revenue, rd, wanted, wanted * s.FillRate);
        }
        return new FirmReport(shard.Cluster, totals.ToSums(), frontier);

        static double TickProbability(double hazard) => 1 - Math.Exp(-Math.Max(hazard, 0) * dt);
    }

    /// <summary>The exact totals the firm phase keeps, as they were (with the platform's logarithm).</summary>
    private struct Totals
    {
        public long Alive, Deaths, Innovations, Imitations, Adoptions, OnNewest;
        private Int128 _revenue, _rd, _weight, _weightedProductivity, _log, _logSquared, _wanted, _researchers;

        public void Add(double productivity, double weight, double revenue, double rd, double wanted, double researchers)
        {
            double log = Math.Log(productivity);
            _revenue += ExactSum.RawOf(revenue);
            _rd += ExactSum.RawOf(rd);
            _weight += ExactSum.RawOf(weight);
            _weightedProductivity += ExactSum.RawOf(weight * productivity);
            _log += ExactSum.RawOf(log);
            _logSquared += ExactSum.RawOf(log * log);
            _wanted += ExactSum.RawOf(wanted);
            _researchers += ExactSum.RawOf(researchers);
        }

        public readonly SumVector ToSums()
        {
            var sums = new SumVector(FirmSums.Count);
            sums.AddRaw(FirmSums.Revenue, _revenue);
            sums.AddRaw(FirmSums.Rd, _rd);
            sums.AddRaw(FirmSums.Weight, _weight);
            sums.AddRaw(FirmSums.WeightedProductivity, _weightedProductivity);
            sums.AddRaw(FirmSums.LogProductivity, _log);
            sums.AddRaw(FirmSums.LogProductivitySquared, _logSquared);
            sums.AddRaw(FirmSums.ResearcherDemand, _wanted);
            sums.AddRaw(FirmSums.Researchers, _researchers);
            sums.AddCount(FirmSums.Alive, Alive);
            sums.AddCount(FirmSums.Deaths, Deaths);
            sums.AddCount(FirmSums.Innovations, Innovations);
            sums.AddCount(FirmSums.Imitations, Imitations);
            sums.AddCount(FirmSums.Adoptions, Adoptions);
            sums.AddCount(FirmSums.OnNewestGeneration, OnNewest);
            return sums;
        }
    }
}
