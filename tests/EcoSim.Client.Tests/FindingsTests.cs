using EcoSim.Experiments.Ensembles;
using EcoSim.Experiments.Report;

namespace EcoSim.Client.Tests;

public sealed class FindingsTests
{
    [Fact]
    public void The_when_sentence_names_the_quarter_at_which_the_spread_first_excludes_zero()
    {
        // Tick 6 is 2025Q3 for a run starting 2024Q1.
        var summary = SyntheticComparison.Create(onsetTick: 6);
        var findings = Findings.Describe(summary, SyntheticComparison.Context(onsetTick: 6));

        var knowledge = findings.Effects.Single(e => e.Metric == "knowledge_stock");
        Assert.Equal("The 5-95% spread of its 3 pairs first excludes zero in 2025Q3 (the quarter of the policy's first change) and stays clear of zero from then on.", knowledge.When);
        Assert.Contains("identical up to 2025Q2 and diverge from 2025Q3, the quarter of the policy's first change", findings.PairCheck);
    }

    [Fact]
    public void An_effect_that_starts_later_than_the_policy_is_dated_from_the_policy()
    {
        var summary = SyntheticComparison.Create(onsetTick: 9, divergenceTick: 9);
        var findings = Findings.Describe(summary, SyntheticComparison.Context(onsetTick: 5));

        var knowledge = findings.Effects.Single(e => e.Metric == "knowledge_stock");
        Assert.StartsWith("The 5-95% spread of its 3 pairs first excludes zero in 2026Q2 (4 quarters after the policy's first change)", knowledge.When);
        Assert.Contains("diverge from 2026Q2, 4 quarters after the policy's first change in 2025Q2", findings.PairCheck);
    }

    [Fact]
    public void A_metric_the_policy_does_not_touch_is_never_clear_of_zero()
    {
        var summary = SyntheticComparison.Create(onsetTick: 6);
        var findings = Findings.Describe(summary, SyntheticComparison.Context(onsetTick: 6));

        var valueAdded = findings.Effects.Single(e => e.Metric == "value_added");
        Assert.Equal("The 5-95% spread of its 3 pairs includes zero in every quarter: no effect can be told from chance.", valueAdded.When);
        Assert.False(valueAdded.Settled);

        var settled = Findings.Describe(SyntheticComparison.Create(onsetTick: 6, effects: SyntheticComparison.TenEffects), SyntheticComparison.Context(onsetTick: 6, seeds: 10));
        var untouched = settled.Effects.Single(e => e.Metric == "value_added");
        Assert.Equal("Its 90% band includes zero in every quarter: no effect can be told from chance.", untouched.When);
        Assert.EndsWith("and includes zero, so the direction is not settled.", untouched.HowSure);
        Assert.Contains("value added", settled.Headline.Split("Not settled at that point:")[1]);
    }

    [Fact]
    public void Pairs_that_differ_before_the_policy_fail_the_common_random_numbers_check()
    {
        var summary = SyntheticComparison.Create(onsetTick: 6, divergenceTick: 2);
        var findings = Findings.Describe(summary, SyntheticComparison.Context(onsetTick: 6));

        Assert.StartsWith("Check failed: the runs of each pair differ from 2024Q3, before the policy's first change in 2025Q3", findings.PairCheck);
    }

    [Fact]
    public void The_course_of_a_band_counts_later_quarters_that_include_zero_again_and_finds_the_last_clear_stretch()
    {
        Band[] bands = [new(-1, 0, 1), new(0.1, 0.2, 0.3), new(-0.1, 0.1, 0.2), new(-0.3, -0.2, -0.1), new(0.2, 0.3, 0.4)];

        Assert.Equal(new ZeroCourse(1, 1, 3, 3), ZeroCourse.Of(bands));
        Assert.Equal(new ZeroCourse(1, 2, 2, null), ZeroCourse.Of([new(-1, 0, 1), new(0.1, 0.2, 0.3), new(-0.1, 0.1, 0.2), new(0, 0, 0)]));
        Assert.Equal(new ZeroCourse(0, 0, 1, 0), ZeroCourse.Of([new(0.1, 0.2, 0.3), new(0.1, 0.2, 0.3)]));
        Assert.Null(ZeroCourse.Of([new(-1, 0, 1), new(0, 0, 0)]));
    }

    [Fact]
    public void One_paired_seed_gives_one_difference_and_no_band_and_settles_nothing()
    {
        var findings = Findings.Describe(SyntheticComparison.Create(onsetTick: 6, effects: [0.10]), SyntheticComparison.Context(onsetTick: 6, seeds: 1));

        var knowledge = findings.Effects.Single(e => e.Metric == "knowledge_stock");
        Assert.Equal("+10.0% by 2030Q4 (one pair, no band); +10.0% by 2033Q4 (one pair, no band).", knowledge.What);
        Assert.Equal("With one pair, no quarter can be named from which it stands out from chance.", knowledge.When);
        Assert.Equal("Whether other seeds give the same direction is unknown.", knowledge.HowSure);
        Assert.StartsWith("By 2033Q4, one paired seed gives one difference per metric and no band, so nothing is settled; the largest differences are on basic-knowledge stock +10.0%", findings.Headline);
        Assert.Contains("1 paired seed (1), 2024Q1 to 2033Q4", findings.Design);
        Assert.Contains("With one pair there is no band at all", findings.Design);
        Assert.All(findings.Effects, e => Assert.False(e.Settled));
        AssertNoClaimOfABand(findings);
    }

    [Fact]
    public void Fewer_pairs_than_a_band_needs_are_named_as_a_spread_and_settle_nothing()
    {
        var findings = Findings.Describe(SyntheticComparison.Create(onsetTick: 6), SyntheticComparison.Context(onsetTick: 6));

        var knowledge = findings.Effects.Single(e => e.Metric == "knowledge_stock");
        Assert.Equal("+11.0% by 2030Q4 (5-95% of 3 pairs +10.1% to +11.9%); +11.0% by 2033Q4 (5-95% of 3 pairs +10.1% to +11.9%).", knowledge.What);
        Assert.Equal("At 2033Q4 the 5-95% spread of the 3 pairs is 1.8 percentage points wide and excludes zero, but 3 pairs are fewer than the 10 a band needs, so the direction is not settled.", knowledge.HowSure);
        Assert.StartsWith("By 2033Q4, 3 paired seeds are too few to settle any direction; the largest median effects are on basic-knowledge stock +11.0% (5-95% of the pairs +10.1% to +11.9%)", findings.Headline);
        Assert.Contains($"With 3 pairs, fewer than the {SeedEvidence.MinimumSeeds} that a 90% band needs", findings.Design);
        Assert.All(findings.Effects, e => Assert.False(e.Settled));
        AssertNoClaimOfABand(findings);
    }

    [Fact]
    public void A_band_clear_of_zero_from_its_first_clearing_to_the_end_settles_the_direction_from_then_on()
    {
        var findings = Findings.Describe(SyntheticComparison.Create(onsetTick: 6, effects: SyntheticComparison.TenEffects), SyntheticComparison.Context(onsetTick: 6, seeds: 10));

        var knowledge = findings.Effects.Single(e => e.Metric == "knowledge_stock");
        Assert.StartsWith("+14.5% by 2030Q4 (90% band +10.", knowledge.What);
        Assert.Equal("Its 90% band first excludes zero in 2025Q3 (the quarter of the policy's first change) and stays clear of zero from then on.", knowledge.When);
        Assert.StartsWith("At 2033Q4 the band is 8.1 percentage points wide over 10 paired seeds and excludes zero, as it has in every quarter since 2025Q3: the direction is settled from then on.", knowledge.HowSure);
        Assert.True(knowledge.Settled);
        Assert.Equal("2025Q3", knowledge.SettledSince);
        Assert.StartsWith("By 2033Q4 the largest settled effects are on basic-knowledge stock +14.5% (90% band +10.", findings.Headline);
        Assert.Contains("clear of zero since 2025Q3)", findings.Headline);
        Assert.DoesNotContain("fewer than", findings.Design);
    }

    [Fact]
    public void A_band_that_includes_zero_again_is_settled_only_from_its_last_clear_stretch()
    {
        // Ticks 10 to 29 (2026Q3 to 2031Q2): the pairs' effects straddle zero; from tick 30 (2031Q3) they are all above it again.
        var summary = SyntheticComparison.Create(onsetTick: 6, effects: SyntheticComparison.TenEffects, straddlesZero: t => t is >= 10 and < 30);
        var findings = Findings.Describe(summary, SyntheticComparison.Context(onsetTick: 6, seeds: 10));

        var knowledge = findings.Effects.Single(e => e.Metric == "knowledge_stock");
        Assert.Equal("Its 90% band first excludes zero in 2025Q3 (the quarter of the policy's first change), but includes zero again in 20 of the 33 later quarters; " +
                     "it has excluded zero without a break only since 2031Q3.", knowledge.When);
        Assert.EndsWith("excludes zero, but only since 2031Q3: it included zero again after first clearing it, so the direction is settled from 2031Q3 on, not before.", knowledge.HowSure);
        Assert.Contains("(90% band", knowledge.What);
        Assert.Equal("2031Q3", knowledge.SettledSince);
        Assert.Contains("clear of zero since 2031Q3)", findings.Headline);
        Assert.DoesNotContain("settled from then on", knowledge.HowSure);
    }

    [Fact]
    public void A_band_that_includes_zero_again_at_the_end_is_not_settled()
    {
        var summary = SyntheticComparison.Create(onsetTick: 6, effects: SyntheticComparison.TenEffects, straddlesZero: t => t >= 30);
        var findings = Findings.Describe(summary, SyntheticComparison.Context(onsetTick: 6, seeds: 10));

        var knowledge = findings.Effects.Single(e => e.Metric == "knowledge_stock");
        Assert.Equal("Its 90% band first excludes zero in 2025Q3 (the quarter of the policy's first change), but includes zero again in 10 of the 33 later quarters, the last one among them.", knowledge.When);
        Assert.EndsWith("and includes zero, so the direction is not settled.", knowledge.HowSure);
        Assert.False(knowledge.Settled);
        Assert.Contains("basic-knowledge stock", findings.Headline.Split("Not settled at that point:")[1]);
        Assert.DoesNotContain("basic-knowledge stock", findings.Headline.Split("Not settled at that point:")[0]);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(10)]
    public void The_design_says_what_the_bands_cover_and_what_they_leave_out(int seeds)
    {
        double[] effects = [.. SyntheticComparison.TenEffects.Take(seeds)];
        var findings = Findings.Describe(SyntheticComparison.Create(onsetTick: 6, effects: effects), SyntheticComparison.Context(onsetTick: 6, seeds: seeds));
        var (assumed, all) = SeedEvidence.AssumedParameters();

        Assert.True(assumed > all / 2, "most parameters of the catalogue are assumed");
        Assert.Contains($"parameter uncertainty, since {assumed} of the {all} model parameters have assumed defaults", findings.Design);
        Assert.Contains("uncertainty in the model's structure", findings.Design);
        Assert.Contains(seeds == 1 ? "One pair is one draw of the model's chance" : "paired seeds under common random numbers", findings.Design);
        Assert.Contains(findings.Design, findings.ToMarkdown());
    }

    /// <summary>No sentence about an effect calls a direction clear or settled, or names a 90% band.</summary>
    private static void AssertNoClaimOfABand(ComparisonFindings findings)
    {
        foreach (var text in findings.Effects.Select(e => e.Text).Append(findings.Headline))
        {
            Assert.DoesNotContain("90% band", text);
            Assert.DoesNotContain("direction is clear", text);
            Assert.DoesNotContain("direction is settled", text);
            Assert.DoesNotContain("settled effects", text);
        }
    }

    [Fact]
    public void Checkpoints_are_the_horizon_years_in_range_and_the_last_quarter()
    {
        var region = SampleRows.Create(108).Where(r => r.Cluster == EcoSim.Model.Metrics.MetricsRow.RegionIndex).ToList();

        Assert.Equal(["2030Q4", "2035Q4", "2050Q4"], Findings.Checkpoints(region).Select(t => region[t].Period));
    }

    [Fact]
    public void Findings_md_and_the_report_print_the_same_sentences()
    {
        var summary = SyntheticComparison.Create(onsetTick: 6);
        var findings = Findings.Describe(summary, SyntheticComparison.Context(onsetTick: 6));
        string markdown = findings.ToMarkdown();
        var section = ComparisonReport.Section(findings);

        Assert.Contains(findings.Headline, markdown);
        Assert.Equal(findings.Headline, section.Headline);
        Assert.Contains(findings.PairCheck, markdown);
        Assert.Contains(findings.PairCheck, section.Paragraphs);
        Assert.Equal(Findings.KeyMetrics.Length, section.Items.Count);
        foreach (var (effect, item) in findings.Effects.Zip(section.Items))
        {
            Assert.Contains($"- {effect.Title}: {item.Text}\n", markdown);
            Assert.Equal(effect.Title, item.Title);
        }
    }
}
