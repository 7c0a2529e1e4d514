using System.Globalization;
using EcoSim.Model.Metrics;

namespace EcoSim.Client.Ensembles;

/// <summary>What a comparison is about: names, question, seeds, engine and when the policy first acts.</summary>
/// <param name="BaselineName">Baseline scenario name.</param>
/// <param name="PolicyName">Policy scenario name.</param>
/// <param name="Question">The policy scenario's description.</param>
/// <param name="Seeds">The paired seeds.</param>
/// <param name="Engine">Engine name.</param>
/// <param name="PolicyOnsetTick">First tick at which the policy differs from the baseline (<see cref="PolicyOnset"/>), or null.</param>
internal sealed record ComparisonContext(string BaselineName, string PolicyName, string Question, IReadOnlyList<ulong> Seeds, string Engine, int? PolicyOnsetTick);

/// <summary>
/// The headline of a comparison in words: for a few key metrics, WHAT the policy changes (the effect
/// relative to the baseline at horizon years, as the median over paired seeds with the 5-95% band),
/// WHEN (the first quarter whose band excludes zero, and whether it stays so) and HOW SURE (band width,
/// number of pairs, and the check that pairs are identical before the policy's first change).
/// findings.md and report.html print the same sentences.
/// </summary>
internal static class Findings
{
    /// <summary>Metrics the headline speaks of, in order.</summary>
    public static readonly string[] KeyMetrics =
        ["knowledge_stock", "available_knowledge", "breakthroughs", "adoptions", "productivity", "value_added", "total_rd", "firms", "researchers", "venture_investment"];

    /// <summary>Calendar years whose last quarter is a checkpoint when the run covers it.</summary>
    public static readonly int[] HorizonYears = [2030, 2035, 2050];

    /// <summary>Effects the headline names at most.</summary>
    private const int HeadlineEffects = 3;

    /// <summary>Checkpoint ticks: the last quarter of each of <see cref="HorizonYears"/> in range, and the last tick.</summary>
    public static IReadOnlyList<int> Checkpoints(IReadOnlyList<MetricsRow> periods) => Checkpoints([.. periods.Select(p => p.Period)]);

    /// <summary>Checkpoint ticks of a run whose ticks have the calendar labels <paramref name="periods"/> (e.g. "2030Q4").</summary>
    public static IReadOnlyList<int> Checkpoints(IReadOnlyList<string> periods) =>
        [.. HorizonYears.Select(y => IndexOf(periods, $"{y}Q4")).Where(t => t >= 0).Append(periods.Count - 1).Distinct().Order()];

    /// <summary>The findings of a comparison.</summary>
    /// <param name="summary">The paired runs.</param>
    /// <param name="points">Their bands (<see cref="ComparisonSummary.Points"/>).</param>
    /// <param name="context">Names, seeds and the policy's onset.</param>
    public static ComparisonFindings Describe(ComparisonSummary summary, IReadOnlyList<EffectPoint> points, ComparisonContext context)
    {
        var periods = summary.Periods;
        var checkpoints = Checkpoints(periods);
        var effects = KeyMetrics.Select(name => Metric(summary, points, MetricColumns.Get(name), periods, checkpoints, context)).ToList();
        var seeds = context.Seeds;
        string design = $"{seeds.Count} paired seeds ({seeds[0]} to {seeds[^1]}), {periods[0].Period} to {periods[^1].Period}, engine {context.Engine}. " +
                        "Each effect is the policy run minus the baseline run of the same seed, relative to the baseline; " +
                        "the figure is the median over the pairs and the band runs from the 5th to the 95th percentile (a 90% band)." +
                        (seeds.Count < 10 ? $" With only {seeds.Count} pairs the band is close to the range of the pairs' effects; more seeds give a firmer band." : "");
        return new ComparisonFindings(
            $"{context.PolicyName} compared with {context.BaselineName}",
            context.Question.Trim(),
            Headline(effects, periods[checkpoints[^1]].Period),
            design,
            PairCheck(summary.FirstDivergence(), context.PolicyOnsetTick, periods),
            effects);
    }

    /// <summary>The sentence on common random numbers: are the pairs identical before the policy's first change?</summary>
    public static string PairCheck(int? divergence, int? onset, IReadOnlyList<MetricsRow> periods)
    {
        string Period(int t) => periods[t].Period;
        return (divergence, onset) switch
        {
            (null, _) => "Baseline and policy runs are identical in every pair over the whole horizon: the policy changes nothing the model measures.",
            (0, 0) => $"The two scenarios differ from the first quarter ({Period(0)}), so there is no quarter before the policy in which to check that the pairs share their random numbers.",
            (0, _) => $"The runs of each pair differ from the first quarter ({Period(0)}).",
            (int d, int o) when d < o => $"Check failed: the runs of each pair differ from {Period(d)}, before the policy's first change in {Period(o)}; the pairs do not share their random numbers as they should, so the bands mix noise into the effect.",
            (int d, int o) when d == o => $"The runs of each pair are identical up to {Period(d - 1)} and diverge from {Period(d)}, the quarter of the policy's first change: with common random numbers, every difference from then on is the policy's effect, not noise.",
            (int d, int o) => $"The runs of each pair are identical up to {Period(d - 1)} and diverge from {Period(d)}, {d - o} quarter{(d - o == 1 ? "" : "s")} after the policy's first change in {Period(o)}: with common random numbers, every difference from then on is the policy's effect, not noise.",
            (int d, null) => $"The runs of each pair are identical up to {Period(d - 1)} and diverge from {Period(d)}: with common random numbers, every difference from then on is the policy's effect, not noise.",
        };
    }

    /// <summary>
    /// The first tick whose 5-95% band of the paired effect (policy minus baseline) excludes zero, and
    /// how many later ticks include zero again; null if the band never excludes zero.
    /// </summary>
    public static (int First, int LaterWithZero, int Later)? FirstClearOfZero(IReadOnlyList<Band> effectByTick)
    {
        static bool Clear(Band b) => b.P05 > 0 || b.P95 < 0;
        for (int t = 0; t < effectByTick.Count; t++)
            if (Clear(effectByTick[t]))
                return (t, effectByTick.Skip(t + 1).Count(b => !Clear(b)), effectByTick.Count - t - 1);
        return null;
    }

    private static MetricFinding Metric(ComparisonSummary summary, IReadOnlyList<EffectPoint> points, MetricColumn column,
        IReadOnlyList<MetricsRow> periods, IReadOnlyList<int> checkpoints, ComparisonContext context)
    {
        bool perTick = column.Unit.Contains("per tick", StringComparison.Ordinal);
        string When(int t) => perTick ? $"in the year to {periods[t].Period}" : $"by {periods[t].Period}";
        var at = checkpoints.Select(t => (Tick: t, Band: summary.YearEffect(column, t))).ToList();
        string what = string.Join("; ", at.Select(c => $"{Percent(c.Band.Median)} {When(c.Tick)} (90% band {Percent(c.Band.P05)} to {Percent(c.Band.P95)})")) + ".";

        var byTick = points.Where(p => p.Column.Name == column.Name).Select(p => p.Effect).ToList();
        string when = FirstClearOfZero(byTick) switch
        {
            null => "Its 90% band includes zero in every quarter: no effect can be told from chance.",
            var (first, again, later) =>
                $"Its 90% band first excludes zero in {periods[first].Period}{AfterOnset(first, context.PolicyOnsetTick)}" +
                (again == 0 ? (later == 0 ? "." : " and stays clear of zero from then on.") : $", but includes zero again in {again} of the {later} later quarters."),
        };

        var last = at[^1];
        double width = (last.Band.P95 - last.Band.P05) * 100;
        bool clear = last.Band.P05 > 0 || last.Band.P95 < 0;
        string howSure = string.Create(CultureInfo.InvariantCulture,
            $"At {periods[last.Tick].Period} the band is {width:0.0} percentage points wide over {context.Seeds.Count} paired seeds") +
            (double.IsFinite(width) ? (clear ? " and excludes zero, so the direction is clear." : " and includes zero, so the direction is not settled.") : ".");
        return new MetricFinding(column.Name, column.Title, what, when, howSure, last.Band, clear, perTick ? $"in the year to {periods[last.Tick].Period}" : "");
    }

    private static string AfterOnset(int tick, int? onset) => onset is int o && tick >= o
        ? tick == o ? " (the quarter of the policy's first change)" : $" ({tick - o} quarter{(tick - o == 1 ? "" : "s")} after the policy's first change)"
        : "";

    private static string Headline(IReadOnlyList<MetricFinding> effects, string lastPeriod)
    {
        var clear = effects.Where(e => e.ClearAtEnd).OrderByDescending(e => Math.Abs(e.EndBand.Median)).Take(HeadlineEffects).ToList();
        var unclear = effects.Where(e => !e.ClearAtEnd).Select(e => e.Title.ToLowerInvariant()).ToList();
        string main = clear.Count == 0
            ? $"By {lastPeriod} no key metric's 90% band excludes zero."
            : $"By {lastPeriod} the largest clear effects are on " + string.Join(", ", clear.Select(e =>
                $"{e.Title.ToLowerInvariant()} {Percent(e.EndBand.Median)}{(e.EndQualifier.Length > 0 ? " " + e.EndQualifier : "")} (90% band {Percent(e.EndBand.P05)} to {Percent(e.EndBand.P95)})")) + ".";
        return unclear.Count == 0 ? main : $"{main} Not distinguishable from zero at that point: {string.Join(", ", unclear)}.";
    }

    private static int IndexOf(IReadOnlyList<string> periods, string period)
    {
        for (int t = 0; t < periods.Count; t++) if (periods[t] == period) return t;
        return -1;
    }

    /// <summary>A relative change as a signed percentage with one decimal, or "n/a".</summary>
    public static string Percent(double value) =>
        double.IsFinite(value) ? (value * 100).ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) + "%" : "n/a";
}
