using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
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
    /// <summary>
    /// Steps every live firm of <paramref name="shard"/> and returns the shard's aggregates. Each firm
    /// draws from one stream keyed by (seed, firm, tick) at fixed positions, all consumed every tick so
    /// that a policy that changes one decision never shifts another's numbers: 0-1 the demand shock (a
    /// normal), 2 innovation, 3 imitation, 4 adoption, 5 exit. The size of a successful innovation comes
    /// from a second stream. Size effects use the firm's size at the start of the tick. The branch-free
    /// part runs a group of firms at a time (<see cref="FirmLanes{TLanes}"/>), and so do the decisions that follow from its
    /// draws (<see cref="FirmDecisions"/>, lane masks over the same arithmetic): eight where the CPU has AVX-512
    /// (<see cref="EightLanes"/>), four elsewhere (<see cref="FourLanes"/>), with the same bits either way. The sizes of
    /// successful innovations are drawn for a full group of innovators at once (<see cref="FirmInnovators"/>).
    /// </summary>
    public static FirmReport Step(FirmShard shard, in ClusterSignals s, WorldSpec spec) =>
        Vector512.IsHardwareAccelerated ? Step<EightLanes>(shard, s, spec) : Step<FourLanes>(shard, s, spec);

    /// <summary>
    /// <see cref="Step(FirmShard, in ClusterSignals, WorldSpec)"/> at the width <typeparamref name="TLanes"/>. Every lane
    /// computes its own firm with the same operations at either width; what the lanes share is order-free (exact sums,
    /// counts, the frontier's maximum), so the width moves no bit.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot: full optimisation from the first call (docs/PERFORMANCE.md, "JIT tiering")
    internal static FirmReport Step<TLanes>(FirmShard shard, in ClusterSignals s, WorldSpec spec) where TLanes : struct, ILanes<TLanes>
    {
        var p = spec.ParametersAt(s.Tick);
        var terms = new FirmTickTerms(spec.Seed, shard.Cluster, s.Tick, p, s);
        var decisions = new FirmDecisions(p, s, spec.Seed, shard.Cluster);
        var totals = new FirmTotals();
        var frontier = TLanes.Zero;
        int width = TLanes.Count, n = shard.Count, whole = n - n % width;
        if (n > 0 && (ulong)shard.Index[n - 1] >= 1UL << 32) throw new ArgumentOutOfRangeException(nameof(shard), shard.Index[n - 1], "firm indices have 32 bits");
        int ages = FirmAgeFactors.TableLength(n, s.Tick, p.InitialMaxAgeYears);
        Span<double> ageFactors = stackalloc double[ages];
        FirmAgeFactors.Fill(ageFactors, terms.YoungFirmExitPremium, terms.YoungFirmAgeScale);
        const int waiting = FirmInnovators.Capacity;
        var pending = new FirmInnovators(stackalloc int[waiting], stackalloc long[waiting], stackalloc double[waiting], stackalloc double[waiting],
            stackalloc double[waiting], stackalloc byte[waiting]);

        var stepping = shard; // the shard whose slots the waiting innovators name
        try
        {
            for (int i = 0; i < whole; i += width)
            {
                uint alive = AliveBits<TLanes>(shard, i);
                if (alive == 0) continue; // a group of dead firms
                var lanes = Lanes<TLanes>(shard, i, terms, ageFactors);
                decisions.Apply(shard, i, lanes, alive, ref pending, ref totals, ref frontier);
            }
            decisions.Finish(shard, ref pending, ref totals, ref frontier, all: true);
            if (whole < n)
            {
                // The last firms short of a group: the same code on a shard of one group whose extra slots are dead
                // copies of the last firm (with the indices that follow it), written back afterwards.
                var tail = new FirmShard(shard.Cluster, shard.Index[whole], width);
                for (int lane = 0; lane < width; lane++)
                    tail.Append(shard.Read(Math.Min(whole + lane, n - 1)) with { Alive = whole + lane < n && shard.Alive[whole + lane] != 0 },
                        whole + lane < n ? shard.Index[whole + lane] : shard.Index[n - 1] + (whole + lane - (n - 1)));
                uint alive = AliveBits<TLanes>(tail, 0);
                stepping = tail;
                if (alive != 0) decisions.Apply(tail, 0, Lanes<TLanes>(tail, 0, terms, ageFactors), alive, ref pending, ref totals, ref frontier);
                decisions.Finish(tail, ref pending, ref totals, ref frontier, all: true);
                for (int lane = 0; whole + lane < n; lane++) tail.CopySlot(lane, shard, whole + lane);
            }
        }
        catch (ArithmeticException) when (pending.Count > 0)
        {
            // An exact sum met a term it cannot hold. Firm by firm, a waiting innovator's impossible state would have
            // stopped the tick before it: that is checked first, in slot order, and names the firm.
            var unused = new FirmTotals();
            var none = TLanes.Zero;
            decisions.Finish(stepping, ref pending, ref unused, ref none, all: true, count: false);
            throw;
        }
        double top = TLanes.GetElement(frontier, 0);
        for (int lane = 1; lane < width; lane++) top = Math.Max(top, TLanes.GetElement(frontier, lane)); // exact: the order does not matter
        return new FirmReport(shard.Cluster, totals.ToSums(), top);
    }

    /// <summary>One bit a firm of slots [i, i + the lane count): set when it is alive.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint AliveBits<TLanes>(FirmShard shard, int i) where TLanes : struct, ILanes<TLanes>
    {
        var bytes = shard.Alive.AsSpan(i, TLanes.Count);
        ulong word = TLanes.Count == 8 ? MemoryMarshal.Read<ulong>(bytes) : MemoryMarshal.Read<uint>(bytes);
        uint dead = (uint)Vector128.Equals(Vector128.CreateScalar(word).AsByte(), Vector128<byte>.Zero).ExtractMostSignificantBits();
        return ~dead & ((1u << TLanes.Count) - 1);
    }

    /// <summary>The branch-free part of the tick for slots [i, i + the lane count).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static FirmLanes<TLanes> Lanes<TLanes>(FirmShard shard, int i, in FirmTickTerms terms, ReadOnlySpan<double> ageFactors)
        where TLanes : struct, ILanes<TLanes>
    {
        int width = TLanes.Count;
        return new(terms, FirmLaneIndices.At<TLanes>(shard, i),
            TLanes.Load(shard.Productivity.AsSpan(i, width)), TLanes.Load(shard.Weight.AsSpan(i, width)),
            TLanes.Load(shard.RdIntensity.AsSpan(i, width)), TLanes.Load(shard.RdStock.AsSpan(i, width)),
            FirmAgeFactors.ForSlots<TLanes>(ageFactors, shard.Age, i, terms.YoungFirmExitPremium, terms.YoungFirmAgeScale));
    }

    /// <summary>Aggregates of a shard's live firms without stepping them (tick 0).</summary>
    public static FirmReport Summarize(FirmShard shard, int generation)
    {
        var totals = new FirmTotals();
        double frontier = 0;
        for (int i = 0; i < shard.Count; i++)
        {
            if (shard.Alive[i] == 0) continue;
            totals.Alive++;
            if (shard.Vintage[i] == generation) totals.OnNewest++;
            frontier = Math.Max(frontier, shard.Productivity[i]);
            totals.Add(shard.Productivity[i], shard.Weight[i], shard.Revenue[i], shard.Revenue[i] * shard.RdIntensity[i], shard.Researchers[i], shard.Researchers[i]);
        }
        return new FirmReport(shard.Cluster, totals.ToSums(), frontier);
    }

    /// <summary>Fills a shard with the initial firms of indices [first, first + count) of a cluster.</summary>
    public static void Initialize(FirmShard shard, WorldSpec spec, WorldConstants constants, long first, int count)
    {
        var p = spec.ParametersAt(0);
        var cluster = spec.Clusters[shard.Cluster];
        int firms = constants.FirmsPerCluster[shard.Cluster];
        double sizeMean = SplitLogNormalMean(p.InitialSmallSizeDispersion, p.InitialSizeDispersion);
        double sizeScale = SizeIntensityScale(p, sizeMean);
        for (long index = first; index < first + count; index++)
        {
            var draws = new RandomStream(spec.Seed, EntityIds.Firm(shard.Cluster, index), 0, RandomPurpose.FirmInit);
            double weight = SplitLogNormalMeanOne(ref draws, p.InitialSmallSizeDispersion, p.InitialSizeDispersion, sizeMean);
            double productivity = LogNormalMeanOne(ref draws, p.InitialProductivityDispersion);
            double intensity = cluster.RdIntensity * LogNormalMeanOne(ref draws, p.RdIntensityDispersion);
            intensity *= SizeIntensityFactor(p, weight, sizeScale);
            double revenue = cluster.Revenue * weight / firms;
            double researchers = KnowledgeRules.ResearchersFunded(intensity * revenue, p.ResearcherCostShare, p.InitialWage);
            var firm = new FirmRecord(productivity, weight, revenue, intensity, p.InitialRdStockYears * intensity * revenue,
                p.InitialCashYears * revenue, researchers, (int)(draws.NextDouble() * p.InitialMaxAgeYears * WorldSpec.TicksPerYear), 0, true);
            shard.Append(spec.Certification ? firm with { CertifiedTick = CertificationPhase.StartTick(spec, shard.Cluster, index, firm) } : firm);
        }
    }

    /// <summary>
    /// How much more (or less) of its revenue a firm of relative weight <paramref name="weight"/> (its weight over the
    /// average firm's) spends on R&amp;D than its cluster's draw: w^-e times <paramref name="sizeScale"/>
    /// (<see cref="SizeIntensityScale"/>). Exactly 1 when the elasticity is zero, so that worlds without it keep their bits.
    /// One rule for initial firms and entrants: an entrant is small, so with e above zero it starts R&amp;D-intensive,
    /// as small technology firms are (the premise of the certification rules' 5/4/3% by size).
    /// </summary>
    public static double SizeIntensityFactor(ModelParameters p, double weight, double sizeScale) =>
        p.RdIntensitySizeElasticity == 0 ? 1 : sizeScale * ModelMath.Pow(weight, -p.RdIntensitySizeElasticity);

    /// <summary>
    /// The factor that keeps a cluster's revenue-weighted R&amp;D intensity when an initial firm's intensity falls with its
    /// weight w (mean one) as w^-e: E[w] / E[w^(1-e)], with w = u / E[u] for the split lognormal u of
    /// <see cref="SplitLogNormalMeanOne"/>, so E[u^(1-e)] is the same mean at (1 - e) times each half's dispersion.
    /// </summary>
    public static double SizeIntensityScale(ModelParameters p, double sizeMean)
    {
        double e = p.RdIntensitySizeElasticity;
        if (e == 0) return 1;
        return ModelMath.Pow(sizeMean, 1 - e) / SplitLogNormalMean((1 - e) * p.InitialSmallSizeDispersion, (1 - e) * p.InitialSizeDispersion);
    }

    /// <summary>
    /// exp(sigma z) / mean with sigma = <paramref name="sigmaLow"/> for z below 0 and
    /// <paramref name="sigmaHigh"/> above: a lognormal whose two halves (around the median) have their
    /// own dispersion, scaled to mean one by <paramref name="mean"/> (<see cref="SplitLogNormalMean"/>).
    /// </summary>
    public static double SplitLogNormalMeanOne(ref RandomStream draws, double sigmaLow, double sigmaHigh, double mean)
    {
        double z = draws.StandardNormal();
        return ModelMath.Exp((z < 0 ? sigmaLow : sigmaHigh) * z) / mean;
    }

    /// <summary>E[exp(sigma z)] of the split lognormal: exp(lo^2/2) Phi(-lo) + exp(hi^2/2) Phi(hi).</summary>
    public static double SplitLogNormalMean(double sigmaLow, double sigmaHigh) =>
        ModelMath.Exp(0.5 * sigmaLow * sigmaLow) * NormalCdf(-sigmaLow) + ModelMath.Exp(0.5 * sigmaHigh * sigmaHigh) * NormalCdf(sigmaHigh);

    /// <summary>
    /// The standard normal distribution function, through the complementary error function of
    /// Numerical Recipes (erfcc: relative error below 1.2e-7), which is plain arithmetic and so gives
    /// the same bits everywhere.
    /// </summary>
    public static double NormalCdf(double x)
    {
        double u = -x / Math.Sqrt(2), a = Math.Abs(u), t = 1 / (1 + 0.5 * a);
        double erfc = t * ModelMath.Exp(-a * a - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
                      + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
        return 0.5 * (u >= 0 ? erfc : 2 - erfc);
    }

    /// <summary>exp(sigma z - sigma^2 / 2): a lognormal draw with mean one.</summary>
    public static double LogNormalMeanOne(ref RandomStream draws, double sigma) => ModelMath.Exp(sigma * draws.StandardNormal() - 0.5 * sigma * sigma);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot: full optimisation from the first call (docs/PERFORMANCE.md, "JIT tiering")
    internal static void Check(int tick, int cluster, long index, double productivity, double weight, double cash, double rdStock)
    {
        if (double.IsFinite(productivity) && productivity > 0 && double.IsFinite(weight) && weight >= 0 && double.IsFinite(cash) && double.IsFinite(rdStock)) return;
        string what = !double.IsFinite(productivity) || productivity <= 0 ? $"productivity = {productivity}"
            : !double.IsFinite(weight) || weight < 0 ? $"market weight = {weight}"
            : !double.IsFinite(cash) ? $"cash = {cash}" : $"R&D stock = {rdStock}";
        throw new ModelStateException(tick, $"firm {EntityIds.Firm(cluster, index):X16}", what);
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
