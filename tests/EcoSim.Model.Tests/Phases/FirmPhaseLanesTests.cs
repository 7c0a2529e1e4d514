using EcoSim.Model.Mechanisms;
using EcoSim.Model.Numerics;
using EcoSim.Model.Phases;
using EcoSim.Model.Randomness;
using EcoSim.Model.State;
using EcoSim.Model.Tests.Support;
using EcoSim.Model.World;

namespace EcoSim.Model.Tests.Phases;

/// <summary>
/// The firm phase in lanes (eight or four, as the CPU allows) computes what the rules say: <see cref="FirmPhase.Step"/> gives the same
/// bits as a plain loop, firm by firm, over <see cref="FirmRules"/> and <see cref="RandomStream"/> (the
/// firm phase as it was written before it was vectorised), for every firm including those of a shard's last,
/// short group, tick after tick.
/// </summary>
public class FirmPhaseLanesTests
{
    /// <summary>The scalar firm phase: one firm at a time, every rule called as documented (also the reference of <see cref="FirmInnovatorsTests"/>).</summary>
    /// <summary>Asserts that the first <paramref name="n"/> firms of two shards agree in every column, bit for bit; <paramref name="where"/> starts the message.</summary>
    internal static void AssertSameFirms(FirmShard vector, FirmShard scalar, int n, string where)
    {
        for (int i = 0; i < n; i++)
        {
            var (x, y) = (vector.Read(i), scalar.Read(i));
            Assert.True(x.Alive == y.Alive && Bits.Of(x.Productivity) == Bits.Of(y.Productivity) && Bits.Of(x.Weight) == Bits.Of(y.Weight)
                        && Bits.Of(x.Revenue) == Bits.Of(y.Revenue) && Bits.Of(x.RdStock) == Bits.Of(y.RdStock) && Bits.Of(x.Cash) == Bits.Of(y.Cash)
                        && Bits.Of(x.Researchers) == Bits.Of(y.Researchers) && x.Age == y.Age && x.Vintage == y.Vintage,
                $"{where}, firm {i} of {n}: {x} against {y}");
        }
    }

    internal static FirmReport ScalarStep(FirmShard shard, in ClusterSignals s, WorldSpec spec)
    {
        var p = spec.ParametersAt(s.Tick);
        const double dt = WorldSpec.Dt;
        double sqrtDt = Math.Sqrt(dt);
        double intensityFactor = FirmRules.ChosenIntensity(1, s.RdUserCostRatio, p.RdCostElasticity);
        double jumpLow = p.InnovationJumpLow, jumpHigh = FirmRules.JumpHigh(p, s.Opportunity);
        double averageWeight = s.Firms > 0 ? s.WeightTotal / s.Firms : 1;
        double adoptionHazardBase = FirmRules.AdoptionHazard(p, 0, s.TransformationFunding, s.AdopterShare);
        var totals = new FirmTotals();
        double frontier = 0;

        for (int i = 0; i < shard.Count; i++)
        {
            if (shard.Alive[i] == 0) continue;
            ulong id = EntityIds.Firm(shard.Cluster, shard.FirstIndex + i);
            double a = shard.Productivity[i];
            var draws = new RandomStream(spec.Seed, id, s.Tick, RandomPurpose.FirmTick);
            double z = draws.StandardNormal();
            double uInnovation = draws.NextDouble(), uImitation = draws.NextDouble(), uAdoption = draws.NextDouble(), uExit = draws.NextDouble();

            // Market: replicator on competitiveness, decreasing returns, and a size-dependent shock.
            var (volatility, drag, exitFactor) = FirmRules.SizeEffects(p, shard.Weight[i] / averageWeight, dt);
            double sigma = p.DemandShockVolatility * volatility * sqrtDt;
            double weight = shard.Weight[i] * FirmRules.ReplicatorFactor(p.ReplicatorStrength, a, s.MeanProductivity, dt, p.ReplicatorFloor)
                            * drag * ModelMath.Exp(sigma * z - 0.5 * sigma * sigma);
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
            if (uInnovation < FirmRules.TickProbability(p.InnovationZeta * effort, dt))
            {
                var size = new RandomStream(spec.Seed, id, s.Tick, RandomPurpose.InnovationSize);
                double jump = jumpLow + (jumpHigh - jumpLow) * size.Beta(p.InnovationBetaA, p.InnovationBetaB);
                next = Math.Max(next, a * (1 + jump));
                totals.Innovations++;
            }
            if (uImitation < FirmRules.TickProbability(p.ImitationZeta * effort, dt))
            {
                next = Math.Max(next, FirmRules.Imitate(a, s.MeanProductivity, p.ImitationCatchUp));
                totals.Imitations++;
            }

            // Adoption of the cluster's newest technology generation.
            int vintage = shard.Vintage[i];
            if (vintage < s.Generation)
            {
                double absorptive = FirmRules.AbsorptiveCapacity(rdStock, revenue, p.AbsorptiveHalfSaturation);
                double hazard = adoptionHazardBase + FirmRules.AdoptionHazard(p, absorptive, s.TransformationFunding, 0);
                if (uAdoption < FirmRules.TickProbability(hazard, dt))
                {
                    next *= FirmRules.AdoptionMultiplier(p.GenerationGain, s.Generation - vintage, p.MaxGenerationsPerAdoption);
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
            

            double exitHazard = p.ExitHazard * exitFactor * FirmRules.AgeFactor(p, age * dt);
            if (FirmRules.Exits(p, share, s.Firms, cash, revenue) || uExit < FirmRules.TickProbability(exitHazard, dt))
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
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(2, 3)]
    public void The_vector_step_has_the_bits_of_the_scalar_rules(int cluster, int dropLast)
    {
        var spec = TestWorlds.Small(firms: 800, ticks: 12);
        var constants = WorldConstants.Derive(spec);
        int n = constants.FirmsPerCluster[cluster] - dropLast;
        var vector = new FirmShard(cluster, 0, n);
        var scalar = new FirmShard(cluster, 0, n);
        FirmPhase.Initialize(vector, spec, constants, 0, n);
        FirmPhase.Initialize(scalar, spec, constants, 0, n);
        var state = ClusterPhase.Initial(spec, constants, cluster, FirmPhase.Summarize(vector, 0));
        long innovations = 0, imitations = 0, adoptions = 0, deaths = 0;
        for (int tick = 0; tick < spec.Ticks; tick++)
        {
            int generation = tick / 3;
            var signals = new ClusterSignals
            {
                Tick = tick, Cluster = cluster, Demand = spec.Clusters[cluster].Revenue * (1 + 0.01 * tick),
                WeightTotal = state.WeightTotal, MeanProductivity = state.MeanProductivity, Frontier = state.Frontier, Firms = state.Firms,
                Opportunity = 1 + 0.1 * tick, Generation = generation, AdopterShare = generation > 0 && tick % 3 == 0 ? 0 : state.AdopterShare,
                FillRate = 0.9, Wage = 200, TransformationFunding = 3, RdUserCostRatio = 0.95,
            };
            var a = FirmPhase.Step(vector, signals, spec);
            var b = ScalarStep(scalar, signals, spec);
            Assert.True(a.Sums.SameAs(b.Sums), $"tick {tick}: sums differ");
            Assert.Equal(Bits.Of(b.Frontier), Bits.Of(a.Frontier));
            AssertSameFirms(vector, scalar, n, $"tick {tick}");
            state = ClusterPhase.Close(state, a, EntryPhase.Plan(spec, tick, signals, state, spinOffs: 0, deals: 0));
            innovations += (long)a.Sums[FirmSums.Innovations];
            imitations += (long)a.Sums[FirmSums.Imitations];
            adoptions += (long)a.Sums[FirmSums.Adoptions];
            deaths += (long)a.Sums[FirmSums.Deaths];
        }
        Assert.True(innovations > 0 && imitations > 0 && adoptions > 0 && deaths > 0,
            $"innovations {innovations}, imitations {imitations}, adoptions {adoptions}, deaths {deaths}");
    }
}
