using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using EcoSim.Model.Mechanisms;
using EcoSim.Model.Parameters;
using EcoSim.Model.Randomness;
using EcoSim.Model.State;
using EcoSim.Model.World;

namespace EcoSim.Model.Phases;

/// <summary>
/// The part of a firm's tick that branches, one firm at a time, on the numbers <see cref="FirmLanes"/>
/// computed: the size of a successful innovation (its own stream, drawn only on success), imitation,
/// adoption of the newest generation, cash, the state check, exit, and the shard's totals.
/// </summary>
internal readonly struct FirmDecisions(ModelParameters p, ClusterSignals s, ulong seed, int cluster)
{
    private readonly double _jumpLow = p.InnovationJumpLow, _jumpHigh = FirmRules.JumpHigh(p, s.Opportunity);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot: full optimisation from the first call (docs/PERFORMANCE.md, "JIT tiering")
    public void Apply(FirmShard shard, int i, in FirmLanes lanes, int lane, ref FirmTotals totals, ref double frontier)
    {
        const double dt = WorldSpec.Dt;
        double a = shard.Productivity[i];
        double weight = lanes.Weight.GetElement(lane), revenue = lanes.Revenue.GetElement(lane), rd = lanes.Rd.GetElement(lane);
        double rdStock = lanes.RdStock.GetElement(lane), wanted = lanes.Wanted.GetElement(lane);

        double next = a;
        if ((lanes.Innovates >> lane & 1) != 0)
        {
            var size = new RandomStream(seed, EntityIds.Firm(cluster, shard.FirstIndex + i), s.Tick, RandomPurpose.InnovationSize);
            double jump = _jumpLow + (_jumpHigh - _jumpLow) * size.Beta(p.InnovationBetaA, p.InnovationBetaB);
            next = Math.Max(next, a * (1 + jump));
            totals.Innovations++;
        }
        if ((lanes.Imitates >> lane & 1) != 0)
        {
            next = Math.Max(next, FirmRules.Imitate(a, s.MeanProductivity, p.ImitationCatchUp));
            totals.Imitations++;
        }
        int vintage = shard.Vintage[i];
        if (vintage < s.Generation && (lanes.Adopts >> lane & 1) != 0)
        {
            next *= FirmRules.AdoptionMultiplier(p.GenerationGain, s.Generation - vintage, p.MaxGenerationsPerAdoption);
            vintage = s.Generation;
            totals.Adoptions++;
        }

        double cash = shard.Cash[i] + (revenue * p.OperatingMargin - rd) * dt;
        ++shard.Age[i];
        shard.Productivity[i] = next;
        shard.Weight[i] = weight;
        shard.Revenue[i] = revenue;
        shard.RdStock[i] = rdStock;
        shard.Cash[i] = cash;
        shard.Researchers[i] = wanted * s.FillRate;
        shard.Vintage[i] = vintage;
        FirmPhase.Check(s.Tick, shard.Cluster, shard.FirstIndex + i, next, weight, cash, rdStock);

        double share = weight / s.WeightTotal;
        if (FirmRules.Exits(p, share, s.Firms, cash, revenue) || (lanes.ExitDraw >> lane & 1) != 0)
        {
            shard.Alive[i] = 0;
            totals.Deaths++;
            return;
        }
        totals.Alive++;
        if (vintage == s.Generation) totals.OnNewest++;
        frontier = Math.Max(frontier, next);
        totals.Add(next, weight, revenue, rd, wanted, wanted * s.FillRate);
    }
}
