using System.Runtime.CompilerServices;
using EcoSim.Model.Numerics;

namespace EcoSim.Model.Phases;

/// <summary>
/// Running exact totals of a firm partition, held in locals while a shard is stepped and turned into
/// a <see cref="SumVector"/> at the end. The same fixed-point rounding as <see cref="ExactSum"/>, so the
/// totals are order-free, whether firms are added four or eight at a time (<see cref="AddLanes"/>, the firm
/// phase) or one at a time (<see cref="Add"/>, a shard's summary): <see cref="ExactSumLanes"/>.
/// </summary>
internal struct FirmTotals
{
    public long Alive, Deaths, Innovations, Imitations, Adoptions, OnNewest;
    private ExactSumLanes _revenue, _rd, _weight, _weightedProductivity, _log, _logSquared, _wanted, _researchers;

    /// <summary>Adds one live firm.</summary>
    public void Add(double productivity, double weight, double revenue, double rd, double wanted, double researchers)
    {
        double log = ModelMath.Log(productivity);
        _revenue.Add(revenue);
        _rd.Add(rd);
        _weight.Add(weight);
        _weightedProductivity.Add(weight * productivity);
        _log.Add(log);
        _logSquared.Add(log * log);
        _wanted.Add(wanted);
        _researchers.Add(researchers);
    }

    /// <summary>
    /// Adds the lanes of the firms whose <paramref name="keep"/> lane is all ones (the others are left
    /// out): each lane's terms are those of <see cref="Add"/>, with the logarithm from <see cref="ModelMathVector"/>;
    /// the terms of productivity only in the lanes of <paramref name="counted"/> (within keep), the others' come
    /// later through <see cref="AddProductivity"/> (innovators still to be sized: <see cref="FirmInnovators"/>).
    /// </summary>
    /// <remarks>Not inlined, for the reason of <see cref="FirmInnovationSizes.FirstTry{TLanes}"/>.</remarks>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    public void AddLanes<TLanes>(TLanes keep, TLanes counted, TLanes productivity, TLanes weight, TLanes revenue, TLanes rd, TLanes wanted, TLanes researchers)
        where TLanes : struct, ILanes<TLanes>
    {
        var zero = TLanes.Zero;
        _revenue.Add(TLanes.ConditionalSelect(keep, revenue, zero));
        _rd.Add(TLanes.ConditionalSelect(keep, rd, zero));
        _weight.Add(TLanes.ConditionalSelect(keep, weight, zero));
        ProductivityTerms(counted, productivity, weight);
        _wanted.Add(TLanes.ConditionalSelect(keep, wanted, zero));
        _researchers.Add(TLanes.ConditionalSelect(keep, researchers, zero));
    }

    /// <summary>The terms of productivity (weighted, its logarithm and square) of the lanes of <paramref name="keep"/>, as <see cref="AddLanes"/> adds them.</summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    public void AddProductivity<TLanes>(TLanes keep, TLanes productivity, TLanes weight) where TLanes : struct, ILanes<TLanes> =>
        ProductivityTerms(keep, productivity, weight);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void ProductivityTerms<TLanes>(TLanes keep, TLanes productivity, TLanes weight) where TLanes : struct, ILanes<TLanes>
    {
        var log = ModelMathVector.Log(TLanes.ConditionalSelect(keep, productivity, TLanes.One)); // log 1 = 0 in the lanes left out
        _weightedProductivity.Add(TLanes.ConditionalSelect(keep, weight, TLanes.Zero) * productivity);
        _log.Add(log);
        _logSquared.Add(log * log);
    }

    /// <summary>The totals as a report's sums; with <paramref name="counts"/> false the counters are left out.</summary>
    public readonly SumVector ToSums(bool counts = true)
    {
        var sums = new SumVector(FirmSums.Count);
        sums.AddRaw(FirmSums.Revenue, _revenue.Raw);
        sums.AddRaw(FirmSums.Rd, _rd.Raw);
        sums.AddRaw(FirmSums.Weight, _weight.Raw);
        sums.AddRaw(FirmSums.WeightedProductivity, _weightedProductivity.Raw);
        sums.AddRaw(FirmSums.LogProductivity, _log.Raw);
        sums.AddRaw(FirmSums.LogProductivitySquared, _logSquared.Raw);
        sums.AddRaw(FirmSums.ResearcherDemand, _wanted.Raw);
        sums.AddRaw(FirmSums.Researchers, _researchers.Raw);
        if (!counts) return sums;
        sums.AddCount(FirmSums.Alive, Alive);
        sums.AddCount(FirmSums.Deaths, Deaths);
        sums.AddCount(FirmSums.Innovations, Innovations);
        sums.AddCount(FirmSums.Imitations, Imitations);
        sums.AddCount(FirmSums.Adoptions, Adoptions);
        sums.AddCount(FirmSums.OnNewestGeneration, OnNewest);
        return sums;
    }
}
