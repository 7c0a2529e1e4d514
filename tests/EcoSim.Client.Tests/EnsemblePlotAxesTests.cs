using EcoSim.Experiments.Ensembles;
using EcoSim.Experiments.Output;
using EcoSim.Model.Metrics;
using ScottPlot;
using ScottPlot.Plottables;

namespace EcoSim.Client.Tests;

/// <summary>What the comparison, ensemble and sweep plots show, read from the ScottPlot objects after they are saved.</summary>
public sealed class EnsemblePlotAxesTests
{
    private static Plot Saved(Plot plot)
    {
        using var temp = new TempFolder();
        PlotCanvas.Save(plot, "caption", temp.Path, "plot.png");
        return plot;
    }

    private static List<EffectPoint> Knowledge(int onsetTick) =>
        [.. SyntheticComparison.Create(onsetTick).Points().Where(p => p.Column.Name == "knowledge_stock")];

    [Fact]
    public void Effect_and_level_plots_mark_the_policy_onset_with_a_labelled_line()
    {
        var series = Knowledge(onsetTick: 3);

        foreach (Plot plot in new[] { Saved(ComparisonPlots.Effect(series, 12, 3)), Saved(ComparisonPlots.Levels(series, 12, "base", "policy", 3)) })
        {
            VerticalLine onset = Assert.Single(plot.GetPlottables().OfType<VerticalLine>());
            Assert.Equal(2024.75, onset.X);
            Assert.Equal("2024Q4", onset.LabelText);
            Assert.Equal("policy's first change, 2024Q4", onset.LegendText);
            Assert.Equal(SyntheticComparison.Ticks, series.Count);
            Assert.Equal(series[^1].Time, plot.Axes.GetLimits().Right, 6);
        }
        Assert.Empty(Saved(ComparisonPlots.Effect(series, 12, null)).GetPlottables().OfType<VerticalLine>());
    }

    [Fact]
    public void An_effect_of_rounding_noise_only_is_drawn_flat_on_an_axis_of_at_least_one_percentage_point()
    {
        var column = MetricColumns.Get("researchers");
        var level = new Band(80000, 80000, 80000);
        List<EffectPoint> noise = [.. Enumerable.Range(0, PlotRows.Ticks).Select(t =>
        {
            double e = t % 2 == 0 ? 1.1e-15 : -1.3e-15;
            return new EffectPoint($"{2024 + t / 4}Q{t % 4 + 1}", 2024 + t / 4.0, column, level, level, new Band(0, 0, 0), new Band(e, e, e));
        })];

        Plot plot = Saved(ComparisonPlots.Effect(noise, 12, null));

        AxisLimits limits = plot.Axes.GetLimits();
        Assert.True(limits.VerticalSpan >= AxisRules.PercentMinimumSpan, $"effect axis spans {limits.VerticalSpan}");
        Assert.InRange(0, limits.Bottom, limits.Top);
    }

    [Fact]
    public void An_ensemble_band_of_a_noisy_constant_is_flat_and_ends_at_the_last_quarter()
    {
        var summary = new EnsembleSummary();
        foreach (double noise in new[] { -1.4e-14, 0, 1.2e-14 })
            summary.Add([.. SampleRows.Create(PlotRows.Ticks).Select(r => r.With((MetricColumns.Productivity, 1 + noise * (r.Tick % 2))))]);
        var column = MetricColumns.Get("productivity");

        Plot plot = Saved(EnsemblePlots.Build(column, summary.Region(column), "small", summary.Runs));

        AxisLimits limits = plot.Axes.GetLimits();
        Assert.True(limits.VerticalSpan >= AxisRules.RelativeMinimumSpan, $"productivity axis spans {limits.VerticalSpan}");
        Assert.Equal(2024, limits.Left, 6);
        Assert.Equal(PlotRows.LastTime, limits.Right, 6);
    }

    [Fact]
    public void Sweep_titles_say_whether_the_value_is_summed_over_the_year_or_taken_at_the_quarter_and_legends_carry_units()
    {
        var grid = SweepGrid.TryParse(["basicShare=0.1:0.3:0.1", "publicBudget=90:100:10"], 2, out _)!;
        var summary = new SweepSummary(grid.Points, 8);
        foreach (var point in grid.Points)
            foreach (int seed in new[] { 0, 1 })
                summary.Add(point, [.. SampleRows.Create(8).Select(r => r.With((MetricColumns.Firms, 2000 + seed + 100 * point.Settings[0].Value + point.Settings[1].Value)))]);
        var atEnd = summary.AtEnd();

        Plot breakthroughs = Saved(SweepPlots.Build(grid, [.. atEnd.Where(r => r.Column.Name == "breakthroughs")], 2));
        Plot firms = Saved(SweepPlots.Build(grid, [.. atEnd.Where(r => r.Column.Name == "firms")], 2));

        Assert.Equal("Breakthroughs summed over 2025 by basicShare", breakthroughs.Axes.Title.Label.Text);
        Assert.Equal("Firms at 2025Q4 by basicShare", firms.Axes.Title.Label.Text);
        Assert.Equal("Breakthroughs (count per year)", breakthroughs.Axes.Left.Label.Text);
        Assert.Equal(["publicBudget = 90 bn yuan/yr", "publicBudget = 100 bn yuan/yr"],
            firms.GetPlottables().OfType<Scatter>().Select(s => s.LegendText));
        Assert.Equal("basicShare (share)", firms.Axes.Bottom.Label.Text);
        AxisLimits limits = firms.Axes.GetLimits();
        Assert.Equal(0.1 - SweepPlots.MarkerRoom * 0.2, limits.Left, 9);
        Assert.Equal(0.3 + SweepPlots.MarkerRoom * 0.2, limits.Right, 9);
    }

    [Fact]
    public void A_checkpoint_that_is_not_a_year_end_says_which_four_quarters_are_summed()
    {
        var grid = SweepGrid.TryParse(["basicShare=0.1:0.2:0.1"], 1, out _)!;
        var summary = new SweepSummary(grid.Points, 6);
        foreach (var point in grid.Points)
            summary.Add(point, SampleRows.Create(6));

        var breakthroughs = summary.AtEnd().First(r => r.Column.Name == "breakthroughs");

        Assert.Equal("summed over the four quarters to 2025Q2", SweepPlots.When(breakthroughs));
    }

    [Theory]
    [InlineData(1, "one pair, no band", "one run, no band")]
    [InlineData(4, "median; shade: 5-95% of 4 pairs, too few for a band", "median; shade: 5-95% of 4 runs, too few for a band")]
    [InlineData(12, "median, 5-95% band", "median, 5-95% band")]
    public void Legends_call_a_shade_a_band_only_from_ten_seeds_on(int seeds, string effectShade, string levelShade)
    {
        var series = Knowledge(onsetTick: 3);
        string[] Legends(Plot plot) => [.. plot.GetPlottables().OfType<Scatter>().Select(s => s.LegendText)];

        Assert.Equal([$"policy vs baseline, {seeds} paired {(seeds == 1 ? "seed" : "seeds")} ({effectShade})"], Legends(Saved(ComparisonPlots.Effect(series, seeds, 3))));
        Assert.Equal([$"base ({levelShade})", $"policy ({levelShade})"], Legends(Saved(ComparisonPlots.Levels(series, seeds, "base", "policy", 3))));

        var summary = new EnsembleSummary();
        for (int run = 0; run < seeds; run++)
            summary.Add([.. SampleRows.Create(PlotRows.Ticks).Select(r => r.With((MetricColumns.Productivity, 1 + 0.01 * run)))]);
        var column = MetricColumns.Get("productivity");
        Assert.Equal([$"small, {seeds} seeds ({levelShade})"], Legends(Saved(EnsemblePlots.Build(column, summary.Region(column), "small", summary.Runs))));
    }
}
