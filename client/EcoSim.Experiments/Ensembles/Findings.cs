using System.Globalization;
using EcoSim.Model.Metrics;

namespace EcoSim.Experiments.Ensembles;

/// <summary>What a comparison is about: names, question, seeds, engine and when the policy first acts.</summary>
/// <param name="BaselineName">Baseline scenario name.</param>
/// <param name="PolicyName">Policy scenario name.</param>
/// <param name="Question">The policy scenario's description.</param>
/// <param name="Seeds">The paired seeds.</param>
/// <param name="Engine">Engine name.</param>
/// <param name="PolicyOnsetTick">First tick at which the policy differs from the baseline (<see cref="PolicyOnset"/>), or null.</param>
internal sealed record ComparisonContext(string BaselineName, string PolicyName, string Question, IReadOnlyList<ulong> Seeds, string Engine, int? PolicyOnsetTick)
{
    /// <summary>Parameters each seed pair drew from a range (<c>--parameter-uncertainty</c>), whose uncertainty the bands then cover; empty for none.</summary>
    public IReadOnlyList<Sensitivity.SensitivityRange> Uncertain { get; init; } = [];
}

/// <summary>
/// The headline of a comparison in words: for a few key metrics, WHAT the policy changes (the effect
/// relative to the baseline at horizon years, as the median over paired seeds with the 5-95% band),
/// WHEN (the first quarter whose band excludes zero, how often it includes zero again, and since when it
/// has excluded zero without a break) and HOW SURE (band width, number of pairs, whether they are enough
/// for a band at all (<see cref="SeedEvidence"/>), and the check that pairs are identical before the
/// policy's first change). A direction is called settled only with enough pairs and only from the quarter
/// since which the band has stayed clear of zero. findings.md and report.html print the same sentences.
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
    /// <param name="summary">The paired runs (under parameter uncertainty, the pairs that draw the parameters).</param>
    /// <param name="context">Names, seeds and the policy's onset.</param>
    /// <param name="seedOnly">Under parameter uncertainty, the same seeds' pairs with the scenarios' own parameter values, whose bands each finding sets beside the wider ones; null for none.</param>
    public static ComparisonFindings Describe(ComparisonSummary summary, ComparisonContext context, ComparisonSummary? seedOnly = null)
    {
        var periods = summary.Periods;
        var checkpoints = Checkpoints(periods);
        var effects = KeyMetrics.Select(name => Metric(summary, MetricColumns.Get(name), periods, checkpoints, context)).ToList();
        if (seedOnly is not null)
            effects = [.. effects.Select(e => e with { Both = new BothBands(seedOnly.YearEffect(MetricColumns.Get(e.Metric), checkpoints[^1]), e.EndBand, context.Seeds.Count) })];
        return new ComparisonFindings(
            $"{context.PolicyName} compared with {context.BaselineName}",
            context.Question.Trim(),
            Headline(effects, periods[checkpoints[^1]].Period, context.Seeds.Count),
            Design(context.Seeds, periods, context.Engine, context.Uncertain, seedOnly is not null),
            PairCheck(summary.FirstDivergence(), context.PolicyOnsetTick, periods),
            effects);
    }

    /// <summary>The paragraph on how the comparison was run, what its figures mean, what the bands cover and what they leave out.</summary>
    private static string Design(IReadOnlyList<ulong> seeds, IReadOnlyList<MetricsRow> periods, string engine, IReadOnlyList<Sensitivity.SensitivityRange> uncertain, bool seedOnly)
    {
        int n = seeds.Count;
        string runs = $"{n} paired seed{(n == 1 ? $" ({seeds[0]})" : $"s ({seeds[0]} to {seeds[^1]})")}, {periods[0].Period} to {periods[^1].Period}, engine {engine}. " +
                      "Each effect is the policy run minus the baseline run of the same seed, relative to the baseline";
        string figures = n switch
        {
            1 => ": one paired difference per metric and quarter. ",
            _ when SeedEvidence.HasBand(n) => "; the figure is the median over the pairs and the band runs from the 5th to the 95th percentile (a 90% band). ",
            _ => "; the figure is the median over the pairs, with their 5th and 95th percentiles beside it. ",
        };
        string tooFew = SeedEvidence.TooFew(n, "pairs", "pair");
        if (uncertain.Count > 0)
        {
            string drawn = $"Each pair also draws {Sensitivity.ParameterDraws.Describe(uncertain)}, the same values for both of its runs. ";
            string both = n == 1
                ? "One pair is one draw of the model's chance and of those parameters, and says nothing of their spread. "
                : "The spread covers two kinds of uncertainty: chance within the model (paired seeds under common random numbers) and the uncertainty of those parameters over their ranges. ";
            string beside = seedOnly
                ? "Beside it stands the spread of seed noise alone: the same seeds run once more as pairs with the scenarios' own parameter values (the seed-only runs), as ecosim compare without --parameter-uncertainty would run them. " +
                  "A direction survives parameter uncertainty only where both bands exclude zero on the same side. "
                : "";
            return runs + figures + (tooFew.Length > 0 ? tooFew + " " : "") + drawn + both + beside + SeedEvidence.LeftOut([.. uncertain.Select(r => r.Parameter.Name)], "drawn");
        }
        string covered = n == 1
            ? "One pair is one draw of the model's chance and says nothing of its spread. "
            : "The spread covers only chance within the model: how the effect varies over paired seeds under common random numbers (both runs of a seed draw the same random numbers). ";
        return runs + figures + (tooFew.Length > 0 ? tooFew + " " : "") + covered + SeedEvidence.LeftOut();
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

    private static MetricFinding Metric(ComparisonSummary summary, MetricColumn column, IReadOnlyList<MetricsRow> periods, IReadOnlyList<int> checkpoints, ComparisonContext context)
    {
        int n = context.Seeds.Count;
        bool perTick = column.Unit.Contains("per tick", StringComparison.Ordinal);
        string By(int t) => perTick ? $"in the year to {periods[t].Period}" : $"by {periods[t].Period}";
        string In(int t) => perTick ? $"in the year to {periods[t].Period}" : $"in {periods[t].Period}";
        // One series for every sentence: the relative effect per quarter, a year's total for counts per quarter.
        var byTick = Enumerable.Range(0, periods.Count).Select(t => summary.YearEffect(column, t)).ToList();
        string label = n == 1 ? "one pair, no band" : SeedEvidence.BandName(n, "pairs");
        string what = string.Join("; ", checkpoints.Select(t => n == 1
            ? $"{Percent(byTick[t].Median)} {By(t)} (one pair, no band)"
            : $"{Percent(byTick[t].Median)} {By(t)} ({label} {Percent(byTick[t].P05)} to {Percent(byTick[t].P95)})")) + ".";

        int end = checkpoints[^1];
        var course = ZeroCourse.Of(byTick);
        string band = SeedEvidence.HasBand(n) ? "Its 90% band" : $"The 5-95% spread of its {n} pairs";
        string when = (n, course) switch
        {
            (1, _) => "With one pair, no quarter can be named from which it stands out from chance.",
            (_, null) => $"{band} includes zero in every quarter: no effect can be told from chance.",
            (_, { Later: 0 } c) => $"{band} first excludes zero {In(c.First)}{AfterOnset(c.First, context.PolicyOnsetTick)}, the last quarter.",
            (_, { NeverReturns: true } c) => $"{band} first excludes zero {In(c.First)}{AfterOnset(c.First, context.PolicyOnsetTick)} and stays clear of zero from then on.",
            (_, { ClearSince: int since } c) => $"{band} first excludes zero {In(c.First)}{AfterOnset(c.First, context.PolicyOnsetTick)}, but includes zero again in {c.LaterWithZero} of the {c.Later} later quarters; " +
                                                  $"it has excluded zero without a break only since {periods[since].Period}.",
            (_, { } c) => $"{band} first excludes zero {In(c.First)}{AfterOnset(c.First, context.PolicyOnsetTick)}, but includes zero again in {c.LaterWithZero} of the {c.Later} later quarters, the last one among them.",
        };

        var last = byTick[end];
        double width = (last.P95 - last.P05) * 100;
        bool settled = SeedEvidence.HasBand(n) && course is { ClearAtEnd: true };
        string at = $"At {periods[end].Period}";
        string howSure = !double.IsFinite(width)
            ? $"{at} there is no relative effect to measure: the baseline is zero in every pair."
            : n == 1
            ? "Whether other seeds give the same direction is unknown."
            : !SeedEvidence.HasBand(n)
            ? string.Create(CultureInfo.InvariantCulture, $"{at} the 5-95% spread of the {n} pairs is {width:0.0} percentage points wide and {(ZeroCourse.Excludes(last) ? "excludes" : "includes")} zero, ") +
              $"but {n} pairs are fewer than the {SeedEvidence.MinimumSeeds} a band needs, so the direction is not settled."
            : string.Create(CultureInfo.InvariantCulture, $"{at} the band is {width:0.0} percentage points wide over {n} paired seeds and ") + (course switch
            {
                { ClearAtEnd: true, NeverReturns: true } c => $"excludes zero, as it has in every quarter since {periods[c.First].Period}: the direction is settled from then on.",
                { ClearSince: int since } => $"excludes zero, but only since {periods[since].Period}: it included zero again after first clearing it, so the direction is settled from {periods[since].Period} on, not before.",
                _ => "includes zero, so the direction is not settled.",
            });
        string settledSince = settled ? periods[course!.ClearSince!.Value].Period : "";
        return new MetricFinding(column.Name, column.Title, what, when, howSure, last, settled, settledSince, perTick ? $"in the year to {periods[end].Period}" : "")
        {
            EndAt = perTick ? $"In the year to {periods[end].Period}" : $"At {periods[end].Period}",
        };
    }

    private static string AfterOnset(int tick, int? onset) => onset is int o && tick >= o
        ? tick == o ? " (the quarter of the policy's first change)" : $" ({tick - o} quarter{(tick - o == 1 ? "" : "s")} after the policy's first change)"
        : "";

    private static string Headline(IReadOnlyList<MetricFinding> effects, string lastPeriod, int seeds)
    {
        string Effect(MetricFinding e, string band) =>
            $"{e.Title.ToLowerInvariant()} {Percent(e.EndBand.Median)}{(e.EndQualifier.Length > 0 ? " " + e.EndQualifier : "")}{band}";
        string Settled(MetricFinding e) => e.Both is { } both
            ? $" (90% band with parameter uncertainty {Percent(e.EndBand.P05)} to {Percent(e.EndBand.P95)}, of seed noise alone {Percent(both.SeedOnly.P05)} to {Percent(both.SeedOnly.P95)}; clear of zero since {e.SettledSince})"
            : $" (90% band {Percent(e.EndBand.P05)} to {Percent(e.EndBand.P95)}, clear of zero since {e.SettledSince})";
        var largest = effects.Where(e => double.IsFinite(e.EndBand.Median)).OrderByDescending(e => Math.Abs(e.EndBand.Median)).Take(HeadlineEffects).ToList();
        if (seeds == 1)
            return $"By {lastPeriod}, one paired seed gives one difference per metric and no band, so nothing is settled; the largest differences are on " +
                   string.Join(", ", largest.Select(e => Effect(e, ""))) + ".";
        if (!SeedEvidence.HasBand(seeds))
            return $"By {lastPeriod}, {seeds} paired seeds are too few to settle any direction; the largest median effects are on " +
                   string.Join(", ", largest.Select(e => Effect(e, $" (5-95% of the pairs {Percent(e.EndBand.P05)} to {Percent(e.EndBand.P95)})"))) + ".";
        var settled = effects.Where(e => e.Settled).OrderByDescending(e => Math.Abs(e.EndBand.Median)).Take(HeadlineEffects).ToList();
        var unsettled = effects.Where(e => !e.Settled).Select(e => e.Title.ToLowerInvariant()).ToList();
        string main = settled.Count == 0
            ? $"By {lastPeriod} no key metric's 90% band excludes zero."
            : $"By {lastPeriod} the largest settled effects{(effects.Any(e => e.Both is not null) ? " with parameter uncertainty" : "")} are on " + string.Join(", ", settled.Select(e => Effect(e, Settled(e)))) + ".";
        var lost = effects.Where(e => e.Both?.Direction == DirectionUnderParameters.LostToParameters).Select(e => e.Title.ToLowerInvariant()).ToList();
        if (lost.Count > 0)
            main += $" Clear under seed noise alone but not once parameter uncertainty is included: {string.Join(", ", lost)}.";
        return unsettled.Count == 0 ? main : $"{main} Not settled at that point: {string.Join(", ", unsettled)}.";
    }

    private static int IndexOf(IReadOnlyList<string> periods, string period)
    {
        for (int t = 0; t < periods.Count; t++) if (periods[t] == period) return t;
        return -1;
    }

    /// <summary>
    /// A relative change as <see cref="Percent"/> writes it, except that a change too small for one decimal
    /// is written with two significant digits (e.g. "+0.0012%") rather than as "0.0%": where a band's side of
    /// zero decides a verdict, the printed end must show which side it is on.
    /// </summary>
    public static string SignedPercent(double value)
    {
        double percent = value * 100;
        if (!double.IsFinite(value) || percent == 0 || Math.Abs(percent) >= 0.05) return Percent(value);
        return (percent > 0 ? "+" : "-") + Math.Abs(percent).ToString("G2", CultureInfo.InvariantCulture) + "%";
    }

    /// <summary>A relative change as a signed percentage with one decimal, or "n/a".</summary>
    public static string Percent(double value) =>
        double.IsFinite(value) ? (value * 100).ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) + "%" : "n/a";
}
