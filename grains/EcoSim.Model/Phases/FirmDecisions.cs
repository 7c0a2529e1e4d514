using System.Numerics;
using System.Runtime.CompilerServices;
using EcoSim.Model.Mechanisms;
using EcoSim.Model.Numerics;
using EcoSim.Model.Parameters;
using EcoSim.Model.Randomness;
using EcoSim.Model.State;
using EcoSim.Model.World;

namespace EcoSim.Model.Phases;

/// <summary>
/// The part of a firm's tick that decides, for four or eight firms at once (<see cref="ILanes{TSelf}"/>), on the numbers <see cref="FirmLanes{TLanes}"/>
/// computed: innovation, imitation, adoption of the newest generation, cash, the state check, exit, and
/// the shard's totals. The decisions are lane masks and selects over the same arithmetic the rules
/// define, so each lane has the bits of a firm-by-firm loop; what stays per firm is rare or integer: the
/// size of a successful innovation (its own stream, drawn only on success, for a group of innovators gathered from
/// the shard: <see cref="FirmInnovators"/>), the adoption multiplier (a power, on adoption), ages and vintages.
/// </summary>
internal struct FirmDecisions(ModelParameters p, ClusterSignals s, ulong seed, int cluster)
{
    private readonly double _jumpLow = p.InnovationJumpLow, _jumpHigh = FirmRules.JumpHigh(p, s.Opportunity);
    private readonly FirmInnovationSizes _sizes = new(p.InnovationBetaA, p.InnovationBetaB, seed, cluster, s.Tick);
    private int _multiplierGap = -1;
    private double _multiplier;

    /// <summary>
    /// Applies the decisions to the firms at slots [<paramref name="i"/>, i + the lane count) of
    /// <paramref name="shard"/> whose bits are set in <paramref name="alive"/>; the other slots are left as they are.
    /// Where the innovation sizes are drawn in lanes (<see cref="FirmInnovationSizes.InLanes"/>), a successful innovator's
    /// productivity, its state check and its productivity's totals wait in <paramref name="pending"/> until
    /// <see cref="Finish"/> sizes a full group of innovators at once; everything else of its tick is done here.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot: full optimisation from the first call (docs/PERFORMANCE.md, "JIT tiering")
    public void Apply<TLanes>(FirmShard shard, int i, in FirmLanes<TLanes> lanes, uint alive, ref FirmInnovators pending, ref FirmTotals totals, ref TLanes frontier)
        where TLanes : struct, ILanes<TLanes>
    {
        const double dt = WorldSpec.Dt;
        var aliveMask = TLanes.Mask(alive);
        var a = TLanes.Load(shard.Productivity.AsSpan(i, TLanes.Count));
        var weight = lanes.Weight;
        var revenue = lanes.Revenue;
        var rd = lanes.Rd;
        var rdStock = lanes.RdStock;
        var wanted = lanes.Wanted;

        var next = a;
        uint innovates = lanes.Innovates & alive, deferred = 0;
        if (innovates != 0)
        {
            if (_sizes.InLanes) deferred = innovates;
            else next = Innovate(FirmLaneIndices.At<TLanes>(shard, i), a, innovates);
            totals.Innovations += BitOperations.PopCount(innovates);
        }
        uint imitates = lanes.Imitates & alive;
        var imitated = TLanes.Zero;
        if (imitates != 0)
        {
            // FirmRules.Imitate: a + catchUp * max(0, mean - a).
            imitated = a + TLanes.Create(p.ImitationCatchUp) * TLanes.Max(TLanes.Zero, TLanes.Create(s.MeanProductivity) - a);
            totals.Imitations += BitOperations.PopCount(imitates);
        }

        // Ages (one tick older, in the live lanes) and vintages; adoption where a firm is behind and its draw came out.
        TLanes.Increment(shard.Age.AsSpan(i, TLanes.Count), alive);
        var vintages = shard.Vintage.AsSpan(i, TLanes.Count);
        uint adopts = TLanes.Below(vintages, s.Generation) & lanes.Adopts & alive;
        uint newest = (TLanes.EqualTo(vintages, s.Generation) | adopts) & alive;
        var multiplier = TLanes.One;
        if (adopts != 0)
        {
            for (int lane = 0; lane < TLanes.Count; lane++)
            {
                if ((adopts >> lane & 1) == 0) continue;
                multiplier = TLanes.WithElement(multiplier, lane, AdoptionMultiplier(s.Generation - shard.Vintage[i + lane]));
                shard.Vintage[i + lane] = s.Generation;
            }
            totals.Adoptions += BitOperations.PopCount(adopts);
        }
        next = AfterInnovation(next, imitates, imitated, adopts, multiplier);

        var cash = TLanes.Load(shard.Cash.AsSpan(i, TLanes.Count)) + (revenue * TLanes.Create(p.OperatingMargin) - rd) * TLanes.Create(dt);
        var researchers = wanted * TLanes.Create(s.FillRate);
        if (!TLanes.EqualsAll(TLanes.AndNot(aliveMask, Valid(next, weight, cash, rdStock)), TLanes.Zero))
        {
            // A firm fails its check: the first one of the shard is named, as firm by firm. Waiting innovators come
            // before this group, and this group's innovators are sized here.
            Finish(shard, ref pending, ref totals, ref frontier, all: true);
            if (deferred != 0) next = AfterInnovation(Innovate(FirmLaneIndices.At<TLanes>(shard, i), a, deferred), imitates, imitated, adopts, multiplier);
            deferred = 0;
            for (int lane = 0; lane < TLanes.Count; lane++)
                if ((alive >> lane & 1) != 0)
                    FirmPhase.Check(s.Tick, shard.Cluster, shard.Index[i + lane], TLanes.GetElement(next, lane), TLanes.GetElement(weight, lane), TLanes.GetElement(cash, lane), TLanes.GetElement(rdStock, lane));
        }
        Store(shard.Productivity, i, next, aliveMask);
        Store(shard.Weight, i, weight, aliveMask);
        Store(shard.Revenue, i, revenue, aliveMask);
        Store(shard.RdStock, i, rdStock, aliveMask);
        Store(shard.Cash, i, cash, aliveMask);
        Store(shard.Researchers, i, researchers, aliveMask);

        // Exit (FirmRules.Exits, or the exit draw).
        var exits = TLanes.LessThan(lanes.Share * TLanes.Create(s.Firms), TLanes.Create(p.ExitShareThreshold))
                    | TLanes.LessThan(cash, TLanes.Create(-p.ExitDebtYears) * revenue);
        uint dies = (TLanes.MostSignificantBits(exits) | lanes.ExitDraw) & alive;
        if (dies != 0)
        {
            for (int lane = 0; lane < TLanes.Count; lane++)
                if ((dies >> lane & 1) != 0) shard.Alive[i + lane] = 0;
            totals.Deaths += BitOperations.PopCount(dies);
        }
        uint survives = alive & ~dies;
        if (deferred != 0) Defer(shard, i, a, imitated, multiplier, deferred, imitates, adopts, survives, ref pending, ref totals, ref frontier);
        if (survives == 0) return;
        var keep = TLanes.Mask(survives);
        var counted = TLanes.Mask(survives & ~deferred); // the lanes whose productivity is final
        totals.Alive += BitOperations.PopCount(survives);
        totals.OnNewest += BitOperations.PopCount(survives & newest);
        frontier = TLanes.Max(frontier, TLanes.ConditionalSelect(counted, next, TLanes.Zero));
        totals.AddLanes(keep, counted, next, weight, revenue, rd, wanted, researchers);
    }

    /// <summary>
    /// Puts the innovators of <paramref name="deferred"/> (slots [i, i + the lane count)) on <paramref name="pending"/>,
    /// and sizes the full groups waiting once a group more might not fit.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)] // rare: kept out of Apply's code
    private readonly void Defer<TLanes>(FirmShard shard, int i, TLanes a, TLanes imitated, TLanes multiplier, uint deferred, uint imitates, uint adopts,
        uint survives, ref FirmInnovators pending, ref FirmTotals totals, ref TLanes frontier) where TLanes : struct, ILanes<TLanes>
    {
        for (int lane = 0; lane < TLanes.Count; lane++)
        {
            if ((deferred >> lane & 1) == 0) continue;
            byte flags = (byte)((imitates >> lane & 1) * FirmInnovators.Imitates | (adopts >> lane & 1) * FirmInnovators.Adopts
                                | (survives >> lane & 1) * FirmInnovators.Survives);
            pending.Add(i + lane, shard.Index[i + lane], TLanes.GetElement(a, lane), TLanes.GetElement(imitated, lane), TLanes.GetElement(multiplier, lane), flags);
        }
        if (pending.Count > FirmInnovators.Capacity - TLanes.Count) Finish(shard, ref pending, ref totals, ref frontier, all: false);
    }

    /// <summary>
    /// Sizes the innovators waiting in <paramref name="pending"/> a full group at a time, as <see cref="Apply"/> would have
    /// where they stood (the same draws, the same operations), writes their productivity, checks their state in the
    /// order of their slots, and adds the productivity terms of the survivors to the totals and the frontier (exact,
    /// so in any order). With <paramref name="all"/> false, a short last group stays waiting; with <paramref name="count"/>
    /// false the totals and the frontier are left alone (the check alone, when a tick is stopping anyway).
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    public readonly void Finish<TLanes>(FirmShard shard, ref FirmInnovators pending, ref FirmTotals totals, ref TLanes frontier, bool all, bool count = true)
        where TLanes : struct, ILanes<TLanes>
    {
        int width = TLanes.Count, waiting = pending.Count, whole = waiting - waiting % width;
        int end = all ? waiting : whole;
        if (end == 0) return;
        if (end > whole) pending.PadTo(whole + width);
        for (int k = 0; k < end; k += width)
        {
            int real = Math.Min(width, end - k);
            uint valid = (1u << real) - 1, imitates = 0, adopts = 0, survives = 0;
            for (int lane = 0; lane < real; lane++)
            {
                byte flags = pending.Flags[k + lane];
                imitates |= (uint)(flags & FirmInnovators.Imitates) / FirmInnovators.Imitates << lane;
                adopts |= (uint)(flags & FirmInnovators.Adopts) / FirmInnovators.Adopts << lane;
                survives |= (uint)(flags & FirmInnovators.Survives) / FirmInnovators.Survives << lane;
            }
            var slots = pending.Slot.Slice(k, width);
            var next = AfterInnovation(Innovate(TLanes.LoadBits(pending.Index.Slice(k, width)), TLanes.Load(pending.Before.Slice(k, width)), valid),
                imitates, TLanes.Load(pending.Imitated.Slice(k, width)), adopts, TLanes.Load(pending.Multiplier.Slice(k, width)));
            for (int lane = 0; lane < real; lane++)
            {
                int slot = slots[lane];
                double value = TLanes.GetElement(next, lane);
                FirmPhase.Check(s.Tick, shard.Cluster, pending.Index[k + lane], value, shard.Weight[slot], shard.Cash[slot], shard.RdStock[slot]);
                shard.Productivity[slot] = value;
            }
            if (survives == 0 || !count) continue;
            var keep = TLanes.Mask(survives);
            frontier = TLanes.Max(frontier, TLanes.ConditionalSelect(keep, next, TLanes.Zero));
            totals.AddProductivity(keep, next, TLanes.Gather(shard.Weight, slots));
        }
        pending.Drop(end);
    }

    /// <summary>
    /// The productivity after imitation and adoption from <paramref name="next"/>, the one after innovation: the larger of it and
    /// <paramref name="imitated"/> in the lanes of <paramref name="imitates"/>, then times <paramref name="multiplier"/> in the lanes of <paramref name="adopts"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TLanes AfterInnovation<TLanes>(TLanes next, uint imitates, TLanes imitated, uint adopts, TLanes multiplier) where TLanes : struct, ILanes<TLanes>
    {
        if (imitates != 0) next = TLanes.ConditionalSelect(TLanes.Mask(imitates), TLanes.Max(next, imitated), next);
        if (adopts != 0) next = TLanes.ConditionalSelect(TLanes.Mask(adopts), next * multiplier, next);
        return next;
    }

    /// <summary>
    /// The productivity after a successful innovation, max(a, a (1 + jump)), in the lanes of <paramref name="innovates"/>, for the firms of
    /// indices <paramref name="index"/>: in lanes where the size's Beta draw succeeds on its first try (<see cref="FirmInnovationSizes"/>), otherwise firm by firm.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // full optimisation from the first call: at tier 0 its vector code would not be inlined
    private readonly TLanes Innovate<TLanes>(TLanes index, TLanes a, uint innovates) where TLanes : struct, ILanes<TLanes>
    {
        var next = a;
        uint byFirm = innovates;
        if (_sizes.InLanes)
        {
            var beta = _sizes.FirstTry(index, out uint drawn);
            uint inLanes = innovates & drawn;
            if (inLanes != 0)
            {
                var jump = TLanes.Create(_jumpLow) + TLanes.Create(_jumpHigh - _jumpLow) * beta;
                next = TLanes.ConditionalSelect(TLanes.Mask(inLanes), TLanes.Max(a, a * (TLanes.One + jump)), next);
            }
            byFirm = innovates & ~drawn;
        }
        for (int lane = 0; lane < TLanes.Count; lane++)
        {
            if ((byFirm >> lane & 1) == 0) continue;
            var size = new RandomStream(seed, EntityIds.Firm(cluster, (long)TLanes.GetBits(index, lane)), s.Tick, RandomPurpose.InnovationSize);
            double jump = _jumpLow + (_jumpHigh - _jumpLow) * size.Beta(p.InnovationBetaA, p.InnovationBetaB);
            double before = TLanes.GetElement(a, lane);
            next = TLanes.WithElement(next, lane, Math.Max(before, before * (1 + jump)));
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
    private static TLanes Valid<TLanes>(TLanes productivity, TLanes weight, TLanes cash, TLanes rdStock) where TLanes : struct, ILanes<TLanes>
    {
        var zero = TLanes.Zero;
        // x - x is 0 for a finite x and NaN for an infinite or NaN one.
        var finite = TLanes.Equals(productivity - productivity, zero) & TLanes.Equals(weight - weight, zero)
                     & TLanes.Equals(cash - cash, zero) & TLanes.Equals(rdStock - rdStock, zero);
        return finite & TLanes.GreaterThan(productivity, zero) & TLanes.GreaterThanOrEqual(weight, zero);
    }

    /// <summary>Writes the lanes of <paramref name="mask"/> to slots [i, i + the lane count) of <paramref name="column"/>, keeping the others.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store<TLanes>(double[] column, int i, TLanes values, TLanes mask) where TLanes : struct, ILanes<TLanes>
    {
        var slots = column.AsSpan(i, TLanes.Count);
        TLanes.Store(TLanes.ConditionalSelect(mask, values, TLanes.Load(slots)), slots);
    }
}
