using EcoSim.Client.Ensembles;
using EcoSim.Model.Metrics;

namespace EcoSim.Client.Tests;

/// <summary>
/// A comparison with a known answer: baseline runs are <see cref="SampleRows"/>; each policy twin is the
/// same except that the basic-knowledge stock (region and clusters) is raised by the seed's effect from
/// <c>onsetTick</c> on, and that from <c>divergenceTick</c> (default: the onset) the firm count moves by one.
/// </summary>
internal static class SyntheticComparison
{
    public const int Ticks = 40;

    /// <summary>Knowledge effect per seed: +10%, +11%, +12%, so the median is +11% and the 90% band +10.1% to +11.9%.</summary>
    public static readonly double[] Effects = [0.10, 0.11, 0.12];

    public static IReadOnlyList<ulong> Seeds => [.. Enumerable.Range(1, Effects.Length).Select(i => (ulong)i)];

    public static ComparisonSummary Create(int onsetTick, int? divergenceTick = null)
    {
        var summary = new ComparisonSummary();
        var baseline = SampleRows.Create(Ticks);
        for (int i = 0; i < Effects.Length; i++)
        {
            double effect = Effects[i];
            summary.Add("baseline", Seeds[i], baseline);
            summary.Add("policy", Seeds[i], [.. baseline.Select(r => r with
            {
                KnowledgeStock = r.Tick >= onsetTick ? r.KnowledgeStock * (1 + effect) : r.KnowledgeStock,
                Firms = r.Tick >= (divergenceTick ?? onsetTick) ? r.Firms + 1 : r.Firms,
            })]);
        }
        return summary;
    }

    public static ComparisonContext Context(int? onsetTick) =>
        new("base", "policy", "What if?", Seeds, "reference", onsetTick);
}
