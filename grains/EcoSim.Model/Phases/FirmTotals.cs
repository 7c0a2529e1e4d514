using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using EcoSim.Model.Numerics;

namespace EcoSim.Model.Phases;

/// <summary>
/// Running exact totals of a firm partition, held in locals while a shard is stepped and turned into
/// a <see cref="SumVector"/> at the end. The same fixed-point rounding as <see cref="ExactSum"/>, so the
/// totals are order-free, whether firms are added four at a time (<see cref="AddLanes"/>, the firm
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
    /// Adds the lanes of four firms whose <paramref name="keep"/> lane is all ones (the others are left
    /// out): each lane's terms are those of <see cref="Add"/>, with the logarithm from <see cref="ModelMathVector"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void AddLanes(Vector256<double> keep, Vector256<double> productivity, Vector256<double> weight, Vector256<double> revenue,
        Vector256<double> rd, Vector256<double> wanted, Vector256<double> researchers)
    {
        var zero = Vector256<double>.Zero;
        var log = ModelMathVector.Log(Vector256.ConditionalSelect(keep, productivity, Vector256<double>.One)); // log 1 = 0 in the lanes left out
        weight = Vector256.ConditionalSelect(keep, weight, zero);
        _revenue.Add(Vector256.ConditionalSelect(keep, revenue, zero));
        _rd.Add(Vector256.ConditionalSelect(keep, rd, zero));
        _weight.Add(weight);
        _weightedProductivity.Add(weight * productivity);
        _log.Add(log);
        _logSquared.Add(log * log);
        _wanted.Add(Vector256.ConditionalSelect(keep, wanted, zero));
        _researchers.Add(Vector256.ConditionalSelect(keep, researchers, zero));
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
