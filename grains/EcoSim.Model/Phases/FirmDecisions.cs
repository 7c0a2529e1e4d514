using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using EcoSim.Model.Mechanisms;
using EcoSim.Model.Numerics;
using EcoSim.Model.Parameters;
using EcoSim.Model.Randomness;
using EcoSim.Model.State;
using EcoSim.Model.World;

namespace EcoSim.Model.Phases;

/// <summary>
/// The part of a firm's tick that decides, for four firms at once, on the numbers <see cref="FirmLanes"/>
/// computed: innovation, imitation, adoption of the newest generation, cash, the state check, exit, and
/// the shard's totals. The decisions are lane masks and selects over the same arithmetic the rules
/// define, so each lane has the bits of a firm-by-firm loop; what stays per firm is rare or integer: the
/// size of a successful innovation (its own stream, drawn only on success), the adoption multiplier (a
/// power, on adoption), ages and vintages.
/// </summary>
internal struct FirmDecisions(ModelParameters p, ClusterSignals s, ulong seed, int cluster)
{
    private readonly double _jumpLow = p.InnovationJumpLow, _jumpHigh = FirmRules.JumpHigh(p, s.Opportunity);
    private readonly FirmInnovationSizes _sizes = new(p.InnovationBetaA, p.InnovationBetaB, seed, cluster, s.Tick);
    private int _multiplierGap = -1;
    private double _multiplier;

    /// <summary>
    /// Applies the decisions to the four firms at slots [<paramref name="i"/>, i + 4) of
    /// <paramref name="shard"/> whose bits are set in <paramref name="alive"/>; the other slots are left as they are.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot: full optimisation from the first call (docs/PERFORMANCE.md, "JIT tiering")
    public void Apply(FirmShard shard, int i, in FirmLanes lanes, uint alive, ref FirmTotals totals, ref Vector256<double> frontier)
    {
        const double dt = WorldSpec.Dt;
        var aliveMask = Mask(alive);
        var a = Vector256.Create<double>(shard.Productivity.AsSpan(i, 4));
        var weight = lanes.Weight;
        var revenue = lanes.Revenue;
        var rd = lanes.Rd;
        var rdStock = lanes.RdStock;
        var wanted = lanes.Wanted;

        var next = a;
        uint innovates = lanes.Innovates & alive;
        if (innovates != 0)
        {
            next = Innovate(shard, i, a, innovates);
            totals.Innovations += BitOperations.PopCount(innovates);
        }
        uint imitates = lanes.Imitates & alive;
        if (imitates != 0)
        {
            // FirmRules.Imitate: a + catchUp * max(0, mean - a).
            var imitated = a + Vector256.Create(p.ImitationCatchUp) * Vector256.Max(Vector256<double>.Zero, Vector256.Create(s.MeanProductivity) - a);
            next = Vector256.ConditionalSelect(Mask(imitates), Vector256.Max(next, imitated), next);
            totals.Imitations += BitOperations.PopCount(imitates);
        }

        // Ages (one tick older, in the live lanes) and vintages; adoption where a firm is behind and its draw came out.
        var ages = shard.Age.AsSpan(i, 4);
        var laneBits = Vector128.Create(1, 2, 4, 8);
        (Vector128.Create<int>(ages) - Vector128.Equals(Vector128.Create((int)alive) & laneBits, laneBits)).CopyTo(ages); // minus -1 where alive
        var vintages = Vector128.Create<int>(shard.Vintage.AsSpan(i, 4));
        var generation = Vector128.Create(s.Generation);
        uint adopts = (uint)Vector128.LessThan(vintages, generation).ExtractMostSignificantBits() & lanes.Adopts & alive;
        uint newest = ((uint)Vector128.Equals(vintages, generation).ExtractMostSignificantBits() | adopts) & alive;
        if (adopts != 0)
        {
            var multiplier = Vector256<double>.One;
            for (int lane = 0; lane < 4; lane++)
            {
                if ((adopts >> lane & 1) == 0) continue;
                multiplier = multiplier.WithElement(lane, AdoptionMultiplier(s.Generation - shard.Vintage[i + lane]));
                shard.Vintage[i + lane] = s.Generation;
            }
            next = Vector256.ConditionalSelect(Mask(adopts), next * multiplier, next);
            totals.Adoptions += BitOperations.PopCount(adopts);
        }

        var cash = Vector256.Create<double>(shard.Cash.AsSpan(i, 4)) + (revenue * Vector256.Create(p.OperatingMargin) - rd) * Vector256.Create(dt);
        var researchers = wanted * Vector256.Create(s.FillRate);
        if (!Vector256.EqualsAll(Vector256.AndNot(aliveMask, Valid(next, weight, cash, rdStock)), Vector256<double>.Zero))
            for (int lane = 0; lane < 4; lane++)
                if ((alive >> lane & 1) != 0)
                    FirmPhase.Check(s.Tick, shard.Cluster, shard.Index[i + lane], next.GetElement(lane), weight.GetElement(lane), cash.GetElement(lane), rdStock.GetElement(lane));
        Store(shard.Productivity, i, next, aliveMask);
        Store(shard.Weight, i, weight, aliveMask);
        Store(shard.Revenue, i, revenue, aliveMask);
        Store(shard.RdStock, i, rdStock, aliveMask);
        Store(shard.Cash, i, cash, aliveMask);
        Store(shard.Researchers, i, researchers, aliveMask);

        // Exit (FirmRules.Exits, or the exit draw).
        var exits = Vector256.LessThan(lanes.Share * Vector256.Create(s.Firms), Vector256.Create(p.ExitShareThreshold))
                    | Vector256.LessThan(cash, Vector256.Create(-p.ExitDebtYears) * revenue);
        uint dies = ((uint)exits.ExtractMostSignificantBits() | lanes.ExitDraw) & alive;
        if (dies != 0)
        {
            for (int lane = 0; lane < 4; lane++)
                if ((dies >> lane & 1) != 0) shard.Alive[i + lane] = 0;
            totals.Deaths += BitOperations.PopCount(dies);
        }
        uint survives = alive & ~dies;
        if (survives == 0) return;
        var keep = Mask(survives);
        totals.Alive += BitOperations.PopCount(survives);
        totals.OnNewest += BitOperations.PopCount(survives & newest);
        frontier = Vector256.Max(frontier, Vector256.ConditionalSelect(keep, next, Vector256<double>.Zero));
        totals.AddLanes(keep, next, weight, revenue, rd, wanted, researchers);
    }

    /// <summary>
    /// The productivity after a successful innovation, max(a, a (1 + jump)), in the lanes of <paramref name="innovates"/>:
    /// in lanes where the size's Beta draw succeeds on its first try (<see cref="FirmInnovationSizes"/>), otherwise firm by firm.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // full optimisation from the first call: at tier 0 its vector code would not be inlined
    private readonly Vector256<double> Innovate(FirmShard shard, int i, Vector256<double> a, uint innovates)
    {
        var next = a;
        uint byFirm = innovates;
        if (_sizes.InLanes)
        {
            var beta = _sizes.FirstTry(FirmLaneIndices.At(shard, i), out uint drawn);
            uint inLanes = innovates & drawn;
            if (inLanes != 0)
            {
                var jump = Vector256.Create(_jumpLow) + Vector256.Create(_jumpHigh - _jumpLow) * beta;
                next = Vector256.ConditionalSelect(Mask(inLanes), Vector256.Max(a, a * (Vector256<double>.One + jump)), next);
            }
            byFirm = innovates & ~drawn;
        }
        for (int lane = 0; lane < 4; lane++)
        {
            if ((byFirm >> lane & 1) == 0) continue;
            var size = new RandomStream(seed, EntityIds.Firm(cluster, shard.Index[i + lane]), s.Tick, RandomPurpose.InnovationSize);
            double jump = _jumpLow + (_jumpHigh - _jumpLow) * size.Beta(p.InnovationBetaA, p.InnovationBetaB);
            double before = a.GetElement(lane);
            next = next.WithElement(lane, Math.Max(before, before * (1 + jump)));
        }
        return next;
    }

    /// <summary><see cref="FirmRules.AdoptionMultiplier"/> for a gap of <paramref name="generations"/>, kept for the next firm with the same gap.</summary>
    private double AdoptionMultiplier(int generations)
    {
        if (generations != _multiplierGap)
            (_multiplierGap, _multiplier) = (generations, FirmRules.AdoptionMultiplier(p.GenerationGain, generations, p.MaxGenerationsPerAdoption));
        return _multiplier;
    }

    /// <summary>All ones in the lanes where <see cref="FirmPhase.Check"/> passes: finite, productivity positive, weight not negative.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Valid(Vector256<double> productivity, Vector256<double> weight, Vector256<double> cash, Vector256<double> rdStock)
    {
        var zero = Vector256<double>.Zero;
        // x - x is 0 for a finite x and NaN for an infinite or NaN one.
        var finite = Vector256.Equals(productivity - productivity, zero) & Vector256.Equals(weight - weight, zero)
                     & Vector256.Equals(cash - cash, zero) & Vector256.Equals(rdStock - rdStock, zero);
        return finite & Vector256.GreaterThan(productivity, zero) & Vector256.GreaterThanOrEqual(weight, zero);
    }

    /// <summary>Writes the lanes of <paramref name="mask"/> to slots [i, i + 4) of <paramref name="column"/>, keeping the others.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(double[] column, int i, Vector256<double> values, Vector256<double> mask)
    {
        var slots = column.AsSpan(i, 4);
        Vector256.ConditionalSelect(mask, values, Vector256.Create<double>(slots)).CopyTo(slots);
    }

    /// <summary>All ones in lane k where bit k of <paramref name="bits"/> is set.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector256<double> Mask(uint bits)
    {
        var lanes = Vector256.Create(1L, 2, 4, 8);
        return Vector256.Equals(Vector256.Create((long)bits) & lanes, lanes).AsDouble();
    }
}
