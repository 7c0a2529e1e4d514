using EcoSim.Model.Mechanisms;
using EcoSim.Model.Parameters;

namespace EcoSim.Model.Tests.Mechanisms;

public class BreakthroughRulesTests
{
    [Theory]
    // pool, breakthroughs, per generation, difficulty growth, current generation -> pool, generations
    [InlineData(25, 10, 30, 0, 0, 5, 1)]          // 35 = 30 + 5
    [InlineData(0, 65, 30, 0, 4, 5, 2)]           // no growth: 65 = 2 * 30 + 5 whatever the generation
    [InlineData(0, 29, 30, 0.15, 0, 29, 0)]       // below the first threshold of 30
    [InlineData(29.5, 0.5, 30, 0.15, 0, 0, 1)]    // exactly the threshold: one generation, nothing left
    [InlineData(3, 0, 30, 0.15, 7, 3, 0)]         // no breakthroughs: pool unchanged
    [InlineData(0, 50, 30, 0.15, 2, 10.325, 1)]   // threshold 30 * 1.15^2 = 39.675; next 45.626 > 10.325
    [InlineData(0, 30, 10, 0.5, 0, 5, 2)]         // thresholds 10, 15, 22.5: 30 - 10 - 15 = 5 < 22.5
    [InlineData(0, 7, 1, 0, 0, 0, 7)]             // one breakthrough per generation
    public void Pool_completes_generations_while_it_covers_the_growing_threshold(double pool, double breakthroughs, double perGeneration,
        double difficulty, int generation, double expectedPool, int expectedGenerations)
    {
        var (next, generations) = BreakthroughRules.AccumulatePool(pool, breakthroughs, perGeneration, difficulty, generation);
        Assert.Equal(expectedGenerations, generations);
        Assert.Equal(expectedPool, next, 1e-9);
        // Nothing is lost: what is left plus the thresholds paid is what there was.
        double paid = 0;
        for (int g = 0; g < generations; g++) paid += BreakthroughRules.GenerationThreshold(perGeneration, difficulty, generation + g);
        Assert.Equal(pool + breakthroughs, next + paid, 1e-9);
        // And what is left does not cover the next threshold.
        Assert.True(next < BreakthroughRules.GenerationThreshold(perGeneration, difficulty, generation + generations));
    }

    [Fact]
    public void Generation_threshold_grows_geometrically()
    {
        Assert.Equal(30, BreakthroughRules.GenerationThreshold(30, 0.15, 0), 1e-12);
        Assert.Equal(34.5, BreakthroughRules.GenerationThreshold(30, 0.15, 1), 1e-12);  // 30 * 1.15
        Assert.Equal(39.675, BreakthroughRules.GenerationThreshold(30, 0.15, 2), 1e-12); // 30 * 1.3225
        Assert.Equal(30, BreakthroughRules.GenerationThreshold(30, 0, 50), 1e-12);
    }

    [Fact]
    public void Rate_is_rate_times_funding_and_opportunity_powers()
    {
        var p = new ModelParameters(); // rate 2, funding elasticity 0.6, opportunity elasticity 1
        Assert.Equal(2, BreakthroughRules.Rate(p, 1, 1), 1e-12);
        Assert.Equal(2 * Math.Pow(4, 0.6), BreakthroughRules.Rate(p, 4, 1), 1e-12); // 2 * 4^0.6 = 2 * 2.2974 = 4.5948
        Assert.Equal(4.5947934, BreakthroughRules.Rate(p, 4, 1), 1e-6);
        Assert.Equal(4, BreakthroughRules.Rate(p, 1, 2), 1e-12);
        Assert.Equal(0, BreakthroughRules.Rate(p, 0, 1));
        Assert.Equal(0, BreakthroughRules.Rate(p, 1, -3)); // negative opportunity counts as zero
    }
}
