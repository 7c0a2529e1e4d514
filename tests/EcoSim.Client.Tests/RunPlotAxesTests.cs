using EcoSim.Experiments.Output;
using EcoSim.Model.Metrics;
using ScottPlot;
using ScottPlot.Plottables;

namespace EcoSim.Client.Tests;

/// <summary>What the run plots show, read from the ScottPlot objects after they are saved: axis ranges, lines, legends.</summary>
public sealed class RunPlotAxesTests
{
    private static Plot Saved(string fileName)
    {
        using var temp = new TempFolder();
        RegionChart chart = RegionChart.All.Single(c => c.FileName == fileName);
        Plot plot = chart.Build(PlotRows.Region());
        PlotCanvas.Save(plot, "caption", temp.Path, fileName);
        return plot;
    }

    private static Scatter Line(Plot plot, string legendStart) =>
        plot.GetPlottables().OfType<Scatter>().Single(s => s.LegendText.StartsWith(legendStart, StringComparison.Ordinal));

    private static IEnumerable<(RegionChart Chart, Plot Plot)> AllCharts() =>
        RegionChart.All.Select(c => (c, Saved(c.FileName)));

    [Fact]
    public void A_constant_share_stored_with_floating_point_noise_is_drawn_flat()
    {
        Plot plot = Saved("budget.png");

        AxisLimits share = plot.Axes.GetLimits(plot.Axes.Bottom, plot.Axes.Right);
        Assert.True(share.VerticalSpan >= AxisRules.ShareMinimumSpan, $"share axis spans only {share.VerticalSpan}");
        Assert.InRange(0.2, share.Bottom, share.Top);
    }

    [Fact]
    public void Every_axis_spans_at_least_a_small_fraction_of_its_magnitude()
    {
        foreach (var (chart, plot) in AllCharts())
            foreach (IYAxis axis in plot.Axes.GetYAxes().Where(a => plot.GetPlottables().Any(p => p.Axes.YAxis == a)))
            {
                AxisLimits limits = plot.Axes.GetLimits(plot.Axes.Bottom, axis);
                double magnitude = Math.Max(Math.Abs(limits.Bottom), Math.Abs(limits.Top));
                Assert.True(limits.VerticalSpan >= AxisRules.RelativeMinimumSpan * magnitude * 0.99, $"{chart.FileName}: {axis.Edge} axis spans {limits.VerticalSpan} at magnitude {magnitude}");
            }
    }

    [Fact]
    public void Lines_that_coincide_stay_visible_and_the_legend_says_so()
    {
        Plot plot = Saved("budget.png");
        Scatter transformation = Line(plot, "Budget: results transformation");
        Scatter talent = Line(plot, "Budget: talent support");
        var order = plot.GetPlottables().ToList();

        // Whichever is drawn on top is dashed over the solid one, and names the line it hides.
        var (top, under) = order.IndexOf(transformation) > order.IndexOf(talent) ? (transformation, talent) : (talent, transformation);
        Assert.Equal(LinePattern.Solid, under.LinePattern);
        Assert.NotEqual(LinePattern.Solid, top.LinePattern);
        Assert.Equal($"{(top == talent ? "Budget: talent support (= results transformation" : "Budget: results transformation (= talent support")}, coincides)", top.LegendText);
        Assert.DoesNotContain("coincides", Line(plot, "Budget: basic research").LegendText);
        Assert.DoesNotContain("coincides", Line(plot, "Budget: technology breakthroughs").LegendText);
    }

    [Fact]
    public void No_line_is_drawn_flat_against_another_of_ten_times_its_size_on_one_axis()
    {
        foreach (var (chart, plot) in AllCharts())
            foreach (var axisLines in plot.GetPlottables().OfType<Scatter>().GroupBy(s => s.Axes.YAxis))
            {
                var peaks = axisLines.Select(s => (s.LegendText, Peak: s.Data.GetScatterPoints().Max(p => Math.Abs(p.Y)))).ToList();
                double highest = peaks.Max(p => p.Peak);
                Assert.All(peaks, p => Assert.True(p.Peak >= highest / 10, $"{chart.FileName}: {p.LegendText} peaks at {p.Peak} beside {highest}"));
            }
    }

    [Fact]
    public void Axes_of_data_that_cannot_be_negative_do_not_go_below_zero()
    {
        foreach (var (chart, plot) in AllCharts())
            foreach (IYAxis axis in plot.Axes.GetYAxes())
            {
                var lines = plot.GetPlottables().OfType<Scatter>().Where(s => s.Axes.YAxis == axis).ToList();
                if (lines.Count == 0 || lines.Any(s => s.Data.GetScatterPoints().Any(p => p.Y < 0))) continue;
                Assert.True(plot.Axes.GetLimits(plot.Axes.Bottom, axis).Bottom >= 0, $"{chart.FileName}: {axis.Edge} axis goes below zero");
            }
    }

    [Fact]
    public void The_year_axis_runs_from_the_first_to_the_last_quarter_of_the_run()
    {
        foreach (var (chart, plot) in AllCharts())
        {
            AxisLimits limits = plot.Axes.GetLimits();
            Assert.Equal(2024, limits.Left, 6);
            Assert.Equal(PlotRows.LastTime, limits.Right, 6);
        }
        using var temp = new TempFolder();
        Plot clusters = ClusterValueAddedChart.Build(SampleRows.Create(PlotRows.Ticks));
        Assert.Equal(PlotRows.LastTime, clusters.Axes.GetLimits().Right, 6);
    }

    [Fact]
    public void Innovation_plot_says_that_adoptions_are_firms_taking_up_the_newest_technology_and_puts_breakthroughs_apart()
    {
        Plot plot = Saved("innovation.png");
        Scatter adoptions = Line(plot, MetricColumns.Get("adoptions").Title);
        Scatter breakthroughs = Line(plot, "Breakthroughs");

        Assert.Equal("Firm adoptions of the newest technology", adoptions.LegendText);
        Assert.DoesNotContain("breakthrough", adoptions.LegendText, StringComparison.OrdinalIgnoreCase);
        Assert.NotEqual(adoptions.Axes.YAxis, breakthroughs.Axes.YAxis);
        Assert.Equal("count per quarter", adoptions.Axes.YAxis.Label.Text);
        Assert.Equal("Breakthroughs (count per quarter)", breakthroughs.Axes.YAxis.Label.Text);
    }
}
