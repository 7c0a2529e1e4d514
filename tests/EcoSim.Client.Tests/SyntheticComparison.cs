using EcoSim.Experiments;
using EcoSim.Experiments.Ensembles;
using EcoSim.Model.Metrics;

namespace EcoSim.Client.Tests;

/// <summary>
/// A comparison with a known answer: baseline runs are <see cref="SampleRows"/>; each policy twin is the
/// same except that the basic-knowledge stock (region and clusters) is raised by the seed's effect from
/// <c>onsetTick</c> on, and that from <c>divergenceTick</c> (default: the onset) the firm count moves by one.
/// In the ticks where <c>straddlesZero</c> holds, each seed's knowledge effect is moved down by the mean
/// effect, so the pairs' effects lie on both sides of zero there.
/// </summary>
internal static class SyntheticComparison
{
    public const int Ticks = 40;

    /// <summary>Knowledge effect per seed: +10%, +11%, +12%, so the median is +11% and the 5-95% spread +10.1% to +11.9%.</summary>
    public static readonly double[] Effects = [0.10, 0.11, 0.12];

    /// <summary>Ten knowledge effects, +10% to +19%: as many pairs as a 90% band needs; median +14.5%, band +10.45% to +18.55%.</summary>
    public static readonly double[] TenEffects = [.. Enumerable.Range(0, SeedEvidence.MinimumSeeds).Select(i => 0.10 + 0.01 * i)];

    public static IReadOnlyList<ulong> Seeds => SeedsOf(Effects.Length);

    public static IReadOnlyList<ulong> SeedsOf(int count) => [.. Enumerable.Range(1, count).Select(i => (ulong)i)];

    public static ComparisonSummary Create(int onsetTick, int? divergenceTick = null, double[]? effects = null, Func<int, bool>? straddlesZero = null)
    {
        effects ??= Effects;
        double mean = effects.Average();
        var seeds = SeedsOf(effects.Length);
        var summary = new ComparisonSummary();
        var baseline = SampleRows.Create(Ticks);
        for (int i = 0; i < effects.Length; i++)
        {
            double effect = effects[i];
            summary.Add(MemberRole.Baseline, seeds[i], baseline);
            summary.Add(MemberRole.Policy, seeds[i], [.. baseline.Select(r => r.With(
                (MetricColumns.KnowledgeStock, r.Tick >= onsetTick ? r[MetricColumns.KnowledgeStock] * (1 + effect - (straddlesZero?.Invoke(r.Tick) == true ? mean : 0)) : r[MetricColumns.KnowledgeStock]),
                (MetricColumns.Firms, r.Tick >= (divergenceTick ?? onsetTick) ? r[MetricColumns.Firms] + 1 : r[MetricColumns.Firms])
            ))]);
        }
        return summary;
    }

    public static ComparisonContext Context(int? onsetTick, int seeds = 3) =>
        new("base", "policy", "What if?", SeedsOf(seeds), "reference", onsetTick);
}
