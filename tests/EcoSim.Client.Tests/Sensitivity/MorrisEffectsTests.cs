using EcoSim.Experiments.Sensitivity;

namespace EcoSim.Client.Tests.Sensitivity;

/// <summary>Morris elementary effects: exact on a linear function, the expected mu* on Ishigami, the g-function's ranking, and the trajectory design itself.</summary>
public sealed class MorrisEffectsTests
{
    private static IReadOnlyList<MorrisEffect> Effects(int parameters, int trajectories, ulong seed, Func<double[], double> function)
    {
        var design = new MorrisDesign(parameters, trajectories, seed);
        return MorrisEffects.Estimate(design, [.. design.Points.Select(function)], seed);
    }

    [Fact]
    public void A_linear_function_has_effects_equal_to_its_coefficients_with_no_spread()
    {
        double[] coefficients = [3, -2, 0.5, 0];
        var effects = Effects(4, 10, 1, x => 1 + x.Zip(coefficients, (v, c) => v * c).Sum());
        for (int i = 0; i < 4; i++)
        {
            Assert.Equal(coefficients[i], effects[i].Mu, 12);
            Assert.Equal(Math.Abs(coefficients[i]), effects[i].MuStar.Estimate, 12);
            Assert.Equal(0, effects[i].Sigma, 12);
        }
    }

    /// <summary>
    /// Every other coordinate is uniform over the levels when a parameter moves (see <see cref="MorrisDesign"/>),
    /// so E|EE_i| is the average of |f(x + Δe_i) - f(x)| / Δ over the 4^3 grid points x whose x_i is in the
    /// lower half of the levels. With r = 400 trajectories mu* is within 5% of it.
    /// </summary>
    [Fact]
    public void Ishigami_mu_star_approaches_its_expectation_over_the_grid_and_ranks_x1_and_x2_above_x3()
    {
        var design = new MorrisDesign(3, 400, 11);
        var effects = MorrisEffects.Estimate(design, [.. design.Points.Select(AnalyticFunctions.Ishigami)], 11);
        double[] levels = [0, 1 / 3.0, 2 / 3.0, 1];
        for (int i = 0; i < 3; i++)
        {
            var grid = from a in levels from b in levels from c in levels select new[] { a, b, c };
            double expected = grid.Where(x => x[i] < 0.5).Average(x =>
            {
                var moved = (double[])x.Clone();
                moved[i] += design.Delta;
                return Math.Abs(AnalyticFunctions.Ishigami(moved) - AnalyticFunctions.Ishigami(x)) / design.Delta;
            });
            Assert.InRange(effects[i].MuStar.Estimate, expected * 0.95, expected * 1.05);
            Assert.True(effects[i].MuStar.Contains(expected) || Math.Abs(effects[i].MuStar.Estimate - expected) < 0.05 * expected);
        }
        Assert.True(effects[0].MuStar.Estimate > effects[2].MuStar.Estimate && effects[1].MuStar.Estimate > effects[2].MuStar.Estimate);
    }

    [Fact]
    public void G_function_mu_star_ranks_the_parameters_as_their_coefficients_do()
    {
        var effects = Effects(8, 50, 3, AnalyticFunctions.GFunction);
        for (int i = 0; i < 3; i++) Assert.True(effects[i].MuStar.Estimate > effects[i + 1].MuStar.Estimate, $"mu* of x{i + 1} is not above x{i + 2}'s");
        Assert.All(effects.Skip(4), e => Assert.True(e.MuStar.Estimate < 0.05 * effects[0].MuStar.Estimate));
    }

    [Fact]
    public void Each_trajectory_moves_every_parameter_once_by_delta_and_stays_on_the_grid()
    {
        var design = new MorrisDesign(5, 30, 8);
        Assert.Equal(30 * 6, design.Points.Count);
        for (int t = 0; t < 30; t++)
        {
            Assert.Equal(Enumerable.Range(0, 5), design.Orders[t].Order());
            for (int step = 1; step <= 5; step++)
            {
                var (before, after) = (design.Points[design.IndexOf(t, step - 1)], design.Points[design.IndexOf(t, step)]);
                var changed = Enumerable.Range(0, 5).Where(i => before[i] != after[i]).ToArray();
                Assert.Equal([design.Orders[t][step - 1]], changed);
                Assert.Equal(design.Delta, Math.Abs(after[changed[0]] - before[changed[0]]), 12);
            }
        }
        Assert.All(design.Points.SelectMany(p => p), x => Assert.Contains(Math.Round(x * 3, 9), new[] { 0.0, 1, 2, 3 }));
        var starts = Enumerable.Range(0, 30).Select(t => design.Points[design.IndexOf(t, 0)][0]).Distinct().Count();
        Assert.True(starts > 1, "every trajectory starts at the same level");
    }

    [Fact]
    public void The_same_seed_gives_the_same_design_and_odd_levels_are_refused()
    {
        Assert.Equal(new MorrisDesign(4, 10, 5).Points, new MorrisDesign(4, 10, 5).Points);
        Assert.NotEqual(new MorrisDesign(4, 10, 5).Points, new MorrisDesign(4, 10, 6).Points);
        Assert.Throws<ArgumentOutOfRangeException>(() => new MorrisDesign(4, 10, 5, levels: 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => new MorrisDesign(4, 1, 5));
    }
}
