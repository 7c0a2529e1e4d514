using EcoSim.Client.Ensembles;
using EcoSim.Client.Report;

namespace EcoSim.Client.Tests;

public sealed class FindingsTests
{
    [Fact]
    public void The_when_sentence_names_the_quarter_at_which_the_band_first_excludes_zero()
    {
        // Tick 6 is 2025Q3 for a run starting 2024Q1.
        var summary = SyntheticComparison.Create(onsetTick: 6);
        var findings = Findings.Describe(summary, summary.Points(), SyntheticComparison.Context(onsetTick: 6));

        var knowledge = findings.Effects.Single(e => e.Metric == "knowledge_stock");
        Assert.Equal("Its 90% band first excludes zero in 2025Q3 (the quarter of the policy's first change) and stays clear of zero from then on.", knowledge.When);
        Assert.Equal("+11.0% by 2030Q4 (90% band +10.1% to +11.9%); +11.0% by 2033Q4 (90% band +10.1% to +11.9%).", knowledge.What);
        Assert.StartsWith("At 2033Q4 the band is 1.8 percentage points wide over 3 paired seeds and excludes zero", knowledge.HowSure);
        Assert.Contains("identical up to 2025Q2 and diverge from 2025Q3, the quarter of the policy's first change", findings.PairCheck);
        Assert.Contains("basic-knowledge stock +11.0%", findings.Headline);
    }

    [Fact]
    public void An_effect_that_starts_later_than_the_policy_is_dated_from_the_policy()
    {
        var summary = SyntheticComparison.Create(onsetTick: 9, divergenceTick: 9);
        var findings = Findings.Describe(summary, summary.Points(), SyntheticComparison.Context(onsetTick: 5));

        var knowledge = findings.Effects.Single(e => e.Metric == "knowledge_stock");
        Assert.StartsWith("Its 90% band first excludes zero in 2026Q2 (4 quarters after the policy's first change)", knowledge.When);
        Assert.Contains("diverge from 2026Q2, 4 quarters after the policy's first change in 2025Q2", findings.PairCheck);
    }

    [Fact]
    public void A_metric_the_policy_does_not_touch_is_never_clear_of_zero()
    {
        var summary = SyntheticComparison.Create(onsetTick: 6);
        var findings = Findings.Describe(summary, summary.Points(), SyntheticComparison.Context(onsetTick: 6));

        var valueAdded = findings.Effects.Single(e => e.Metric == "value_added");
        Assert.Equal("Its 90% band includes zero in every quarter: no effect can be told from chance.", valueAdded.When);
        Assert.Contains("includes zero, so the direction is not settled", valueAdded.HowSure);
        Assert.Contains("value added", findings.Headline.Split("Not distinguishable from zero")[1]);
    }

    [Fact]
    public void Pairs_that_differ_before_the_policy_fail_the_common_random_numbers_check()
    {
        var summary = SyntheticComparison.Create(onsetTick: 6, divergenceTick: 2);
        var findings = Findings.Describe(summary, summary.Points(), SyntheticComparison.Context(onsetTick: 6));

        Assert.StartsWith("Check failed: the runs of each pair differ from 2024Q3, before the policy's first change in 2025Q3", findings.PairCheck);
    }

    [Fact]
    public void First_clear_of_zero_counts_later_quarters_that_include_zero_again()
    {
        Band[] bands = [new(-1, 0, 1), new(0.1, 0.2, 0.3), new(-0.1, 0.1, 0.2), new(-0.3, -0.2, -0.1), new(0.2, 0.3, 0.4)];

        Assert.Equal((1, 1, 3), Findings.FirstClearOfZero(bands));
        Assert.Null(Findings.FirstClearOfZero([new(-1, 0, 1), new(0, 0, 0)]));
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
        var findings = Findings.Describe(summary, summary.Points(), SyntheticComparison.Context(onsetTick: 6));
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
