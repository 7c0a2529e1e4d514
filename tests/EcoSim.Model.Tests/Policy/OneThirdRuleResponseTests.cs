using System.Globalization;
using EcoSim.Model.Metrics;
using EcoSim.Model.Tests.Support;
using Xunit.Abstractions;

namespace EcoSim.Model.Tests.Policy;

/// <summary>
/// Policy responsiveness: raising the basic-research share of public S&amp;T money (the one-third rule,
/// from 20% to 33.3% from tick 3) against the baseline with the same seed. What the model says should
/// happen, given its mechanisms (docs/MODEL.md, sections 7.2 to 7.5 and 11):
/// <list type="bullet">
/// <item>short run (first 5 years): labs' basic researchers and knowledge rise at once (the stock moves
/// towards a higher steady state), but the money comes proportionally from the other links, so applied
/// money falls by a sixth and with it breakthroughs; nothing has yet reached industry through the
/// knowledge lag (mean 12 years), so productivity does not gain and may dip;</item>
/// <item>long run (after 15 to 25 years): the extra knowledge has reached industry, raising technological
/// opportunity, which raises the breakthrough rate by more than the lost applied money lowers it and
/// widens the upside of firms' innovations: breakthroughs and productivity end up above the baseline.</item>
/// </list>
/// Thresholds are set well inside the measured effects (reported in docs/MODEL.md, section 11.2).
/// </summary>
public sealed class OneThirdRuleResponseTests(OneThirdRuleFixture runs, ITestOutputHelper output) : IClassFixture<OneThirdRuleFixture>
{
    private static string P(double ratio) => Math.Round(100 * (ratio - 1), 1).ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) + "%";

    /// <summary>Ratio policy / baseline of a column at the last tick of year <paramref name="year"/> (1 = 2024).</summary>
    private double AtEndOfYear(int year, Func<MetricsRow, double> column) =>
        column(runs.PolicyRows[4 * year - 1]) / column(runs.BaselineRows[4 * year - 1]);

    /// <summary>Ratio policy / baseline of a column summed over years <paramref name="from"/> to <paramref name="to"/> (inclusive).</summary>
    private double OverYears(int from, int to, Func<MetricsRow, double> column)
    {
        double policy = 0, baseline = 0;
        for (int t = 4 * (from - 1); t < 4 * to; t++) { policy += column(runs.PolicyRows[t]); baseline += column(runs.BaselineRows[t]); }
        return policy / baseline;
    }

    [Fact]
    public void The_runs_share_their_random_numbers_and_differ_only_from_the_policy_date()
    {
        for (int t = 0; t < OneThirdRuleFixture.PolicyTick; t++) Bits.Identical(runs.BaselineRows[t], runs.PolicyRows[t]);
        Assert.True(Bits.Differ(runs.BaselineRows[OneThirdRuleFixture.PolicyTick], runs.PolicyRows[OneThirdRuleFixture.PolicyTick]));
        Assert.Equal(0.20, runs.BaselineRows[OneThirdRuleFixture.PolicyTick][MetricColumns.BasicShare], 1e-12);
        Assert.Equal(0.3333, runs.PolicyRows[OneThirdRuleFixture.PolicyTick][MetricColumns.BasicShare], 1e-12);
    }

    [Fact]
    public void Short_run_more_basic_knowledge_less_applied_money_fewer_breakthroughs_no_productivity_gain()
    {
        double knowledge3 = AtEndOfYear(3, r => r[MetricColumns.KnowledgeStock]), knowledge5 = AtEndOfYear(5, r => r[MetricColumns.KnowledgeStock]);
        double available5 = AtEndOfYear(5, r => r[MetricColumns.AvailableKnowledge]);
        double breakthroughs = OverYears(1, 5, r => r[MetricColumns.Breakthroughs]);
        double productivity5 = AtEndOfYear(5, r => r[MetricColumns.Productivity]);
        output.WriteLine($"years 1-5: basic knowledge {P(knowledge3)} after 3 years, {P(knowledge5)} after 5; knowledge reaching industry {P(available5)}; " +
                         $"breakthroughs {P(breakthroughs)}; productivity after 5 years {P(productivity5)}");

        // The split: basic money up from 20% to 33.3% of the budget, the other links down in proportion,
        // so applied money is (1 - 0.3333) / (1 - 0.2) = 0.8333 of the baseline's in every tick.
        for (int t = OneThirdRuleFixture.PolicyTick; t < 20; t++)
            Assert.Equal(0.6667 / 0.8, runs.PolicyRows[t][MetricColumns.BudgetApplied] / runs.BaselineRows[t][MetricColumns.BudgetApplied], 1e-9);
        Assert.True(knowledge3 > 1.02, $"basic knowledge after 3 years only {P(knowledge3)}");
        Assert.True(knowledge5 > 1.05, $"basic knowledge after 5 years only {P(knowledge5)}");
        // The lag: almost none of it has reached industry.
        Assert.True(available5 < 1.02, $"knowledge reaching industry already {P(available5)} after 5 years: the lag is too short");
        Assert.True(breakthroughs < 0.97, $"breakthroughs in years 1-5 {P(breakthroughs)}: they should dip with applied money");
        Assert.True(productivity5 < 1.0025, $"productivity after 5 years {P(productivity5)}: no short-run gain expected");
    }

    [Fact]
    public void Long_run_knowledge_reaches_industry_then_breakthroughs_and_productivity_rise()
    {
        double available15 = AtEndOfYear(15, r => r[MetricColumns.AvailableKnowledge]);
        double breakthroughs = OverYears(21, 25, r => r[MetricColumns.Breakthroughs]);
        double productivity = AtEndOfYear(25, r => r[MetricColumns.Productivity]);
        double productivityYears21To25 = OverYears(21, 25, r => r[MetricColumns.Productivity]);
        output.WriteLine($"knowledge reaching industry after 15 years {P(available15)}; breakthroughs in years 21-25 {P(breakthroughs)}; " +
                         $"productivity after 25 years {P(productivity)} (mean of years 21-25 {P(productivityYears21To25)})");
        for (int year = 1; year <= OneThirdRuleFixture.Ticks / 4; year++)
            output.WriteLine($"year {year}: knowledge {P(AtEndOfYear(year, r => r[MetricColumns.KnowledgeStock]))}, reaching industry {P(AtEndOfYear(year, r => r[MetricColumns.AvailableKnowledge]))}, " +
                             $"breakthroughs {P(OverYears(year, year, r => r[MetricColumns.Breakthroughs]))}, productivity {P(AtEndOfYear(year, r => r[MetricColumns.Productivity]))}, " +
                             $"firms {P(AtEndOfYear(year, r => r[MetricColumns.Firms]))}, value added {P(AtEndOfYear(year, r => r[MetricColumns.ValueAdded]))}");

        Assert.True(available15 > 1.05, $"knowledge reaching industry after 15 years only {P(available15)}");
        Assert.True(breakthroughs > 1.05, $"breakthroughs in years 21-25 {P(breakthroughs)}: opportunity should outweigh the smaller applied budget");
        Assert.True(productivityYears21To25 > 1.005, $"productivity in years 21-25 {P(productivityYears21To25)}: no long-run gain");
        Assert.True(productivity > 1.01, $"productivity after 25 years {P(productivity)}: no long-run gain");
    }
}
