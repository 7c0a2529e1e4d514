using System.Runtime.CompilerServices;
using EcoSim.Model.Numerics;

namespace EcoSim.Model.Phases;

/// <summary>
/// Running exact totals of a firm partition, held in locals while a shard is stepped and turned into
/// a <see cref="SumVector"/> at the end. The same fixed-point rounding as <see cref="ExactSum"/>, so the
/// totals are order-free; 128-bit sums of 2^62-bounded terms cannot overflow for any shard size.
/// </summary>
internal struct FirmTotals
{
    public long Alive, Deaths, Innovations, Imitations, Adoptions, OnNewest;
    private Int128 _revenue, _rd, _weight, _weightedProductivity, _log, _logSquared, _wanted, _researchers;

    /// <summary>Adds one live firm.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot: full optimisation from the first call (docs/PERFORMANCE.md, "JIT tiering")
    public void Add(double productivity, double weight, double revenue, double rd, double wanted, double researchers)
    {
        double log = ModelMath.Log(productivity);
        _revenue += ExactSum.RawOf(revenue);
        _rd += ExactSum.RawOf(rd);
        _weight += ExactSum.RawOf(weight);
        _weightedProductivity += ExactSum.RawOf(weight * productivity);
        _log += ExactSum.RawOf(log);
        _logSquared += ExactSum.RawOf(log * log);
        _wanted += ExactSum.RawOf(wanted);
        _researchers += ExactSum.RawOf(researchers);
    }

    /// <summary>The totals as a report's sums; with <paramref name="counts"/> false the counters are left out.</summary>
    public readonly SumVector ToSums(bool counts = true)
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
