using EcoSim.Model.Mechanisms;
using EcoSim.Model.Parameters;
using EcoSim.Model.World;

namespace EcoSim.Model.Tests.Mechanisms;

public class KnowledgeRulesTests
{
    private const double Dt = WorldSpec.Dt;
    // delta = 2, lambda = 1/2, phi = 1/2, d = 0.1: powers with round results.
    private static readonly ModelParameters P = new() { KnowledgeProductivity = 2, ResearcherElasticity = 0.5, StockElasticity = 0.5, KnowledgeDepreciation = 0.1 };

    [Fact]
    public void Production_is_delta_R_to_the_lambda_K_to_the_phi()
    {
        Assert.Equal(24, KnowledgeRules.Production(P, 16, 9), 1e-12);   // 2 * sqrt(16) * sqrt(9) = 2 * 4 * 3
        Assert.Equal(0, KnowledgeRules.Production(P, 0, 9));
        Assert.Equal(0, KnowledgeRules.Production(P, -5, 9));
        Assert.Equal(0, KnowledgeRules.Production(P, 16, -1));          // negative stock counts as zero
    }

    [Fact]
    public void Next_stock_depreciates_then_adds_a_tick_of_production()
    {
        // 9 (1 - 0.1 * 0.25) + 24 * 0.25 = 8.775 + 6 = 14.775
        Assert.Equal(14.775, KnowledgeRules.NextStock(P, 16, 9, Dt), 1e-12);
        // No researchers: pure depreciation, 9 * 0.975.
        Assert.Equal(8.775, KnowledgeRules.NextStock(P, 0, 9, Dt), 1e-12);
    }

    [Fact]
    public void Steady_stock_is_a_fixed_point_of_next_stock()
    {
        // K* = (delta R^lambda / d)^(1 / (1 - phi)) = (2 * 4 / 0.1)^2 = 6400; production there 2 * 4 * 80 = 640 = 0.1 * 6400.
        Assert.Equal(6400, KnowledgeRules.SteadyStock(P, 16), 1e-9);
        Assert.Equal(6400, KnowledgeRules.NextStock(P, 16, 6400, Dt), 1e-9);
        Assert.Equal(0, KnowledgeRules.SteadyStock(P, 0));

        // The same with the default parameters and a few staff sizes.
        var defaults = new ModelParameters();
        foreach (double researchers in new[] { 1.0, 250, 12_345 })
        {
            double k = KnowledgeRules.SteadyStock(defaults, researchers);
            Assert.True(k > 0);
            Assert.Equal(k, KnowledgeRules.NextStock(defaults, researchers, k, Dt), k * 1e-12);
            // Below the steady state the stock grows, above it shrinks.
            Assert.True(KnowledgeRules.NextStock(defaults, researchers, 0.5 * k, Dt) > 0.5 * k);
            Assert.True(KnowledgeRules.NextStock(defaults, researchers, 2 * k, Dt) < 2 * k);
        }
    }

    [Fact]
    public void Researchers_funded_is_money_times_labour_share_over_wage()
    {
        // 2 bn yuan = 2e6 thousand yuan; 55% of it at 200 thousand yuan each: 5,500 researchers.
        Assert.Equal(5500, KnowledgeRules.ResearchersFunded(2, 0.55, 200), 1e-9);
        Assert.Equal(0, KnowledgeRules.ResearchersFunded(2, 0.55, 0));
    }

    [Fact]
    public void Lag_conserves_a_constant_input()
    {
        var stages = new[] { 5.0, 5.0, 5.0 };
        for (int t = 0; t < 100; t++)
        {
            KnowledgeRules.AdvanceLag(stages, 5.0, 12, Dt);
            Assert.Equal([5.0, 5.0, 5.0], stages); // (5 - 5) * rate adds exactly nothing
        }
    }

    [Fact]
    public void Lag_approaches_a_step_input_monotonically()
    {
        var stages = new double[3];
        var previous = (double[])stages.Clone();
        for (int t = 0; t < 600; t++)
        {
            KnowledgeRules.AdvanceLag(stages, 1.0, 12, Dt);
            for (int k = 0; k < stages.Length; k++)
            {
                Assert.True(stages[k] >= previous[k], $"tick {t}: stage {k} fell");
                Assert.True(stages[k] <= 1, $"tick {t}: stage {k} overshot");
                if (k > 0) Assert.True(stages[k] <= stages[k - 1], $"tick {t}: stage {k} ahead of stage {k - 1}");
            }
            Array.Copy(stages, previous, stages.Length);
        }
        Assert.True(stages[^1] > 0.999, $"after 150 years the last stage is {stages[^1]}");
    }

    /// <summary>
    /// Mean delay of the last stage in ticks for a unit step applied from tick 0: sum over ticks of
    /// (1 - output after the tick). For a continuous lag of mean L sampled at tick ends this is
    /// E[floor(T / dt)] = L / dt - 1/2 (up to a few hundredths), so the test allows one tick.
    /// </summary>
    private static double MeanDelayTicks(int stages, double meanLagYears)
    {
        var s = new double[stages];
        double delay = 0;
        for (int t = 0; t < 100_000 && (t < 10 || 1 - s[^1] > 1e-13); t++)
        {
            KnowledgeRules.AdvanceLag(s, 1.0, meanLagYears, Dt);
            delay += 1 - s[^1];
        }
        return delay;
    }

    [Theory]
    [InlineData(3, 12.0)] // the default: rate 1 - exp(-3 * 0.25 / 12); measured 48.5 ticks vs 48
    [InlineData(1, 2.0)]  // one stage: (1 - r) / r = 7.5 ticks vs 8
    [InlineData(2, 20.0)]
    public void Lag_has_the_declared_mean_delay(int stages, double meanLagYears)
    {
        double ticks = MeanDelayTicks(stages, meanLagYears);
        Assert.True(Math.Abs(ticks - meanLagYears / Dt) <= 1, $"{stages} stages, L = {meanLagYears} yr: mean delay {ticks:F2} ticks, expected {meanLagYears / Dt} +- 1");
    }

    [Theory]
    [InlineData(12, 3.0)]   // r = 1 - e^-1; 12 (1 - r) / r + 11 = 17.98 ticks vs 12
    [InlineData(12, 12.0)]  // 53.3 ticks vs 48
    [InlineData(6, 1.0)]    // 6 * e^-1.5 / (1 - e^-1.5) + 5 = 6.34 ticks vs 4
    public void Lag_has_the_declared_mean_delay_with_many_stages(int stages, double meanLagYears)
    {
        // Both parameters are within their documented ranges (stages 1..12, lag 0.25..40 yr).
        double ticks = MeanDelayTicks(stages, meanLagYears);
        Assert.True(Math.Abs(ticks - meanLagYears / Dt) <= 1, $"{stages} stages, L = {meanLagYears} yr: mean delay {ticks:F2} ticks, expected {meanLagYears / Dt} +- 1");
    }
}
