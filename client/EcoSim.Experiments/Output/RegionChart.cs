using EcoSim.Model.Metrics;
using ScottPlot;

namespace EcoSim.Experiments.Output;

/// <summary>One region plot: which metric columns go on the left and right y axes.</summary>
/// <param name="FileName">PNG file name.</param>
/// <param name="Title">Plot title.</param>
/// <param name="Left">Columns on the left y axis.</param>
/// <param name="Right">Columns on the right y axis (drawn dashed); may be empty.</param>
internal sealed record RegionChart(string FileName, string Title, string[] Left, string[] Right)
{
    /// <summary>The region plots, in the order they are written.</summary>
    public static IReadOnlyList<RegionChart> All { get; } =
    [
        new("rd.png", "R&D spending", ["firm_rd", "total_rd", "public_budget"], []),
        new("budget.png", "Public S&T budget by link",
            ["budget_basic", "budget_applied", "budget_transformation", "budget_finance", "budget_talent"], ["basic_share"]),
        new("knowledge.png", "Basic knowledge", ["knowledge_stock", "available_knowledge"], []),
        // Breakthroughs are a few dozen a quarter against thousands of firm innovations: their own axis.
        new("innovation.png", "Firm innovations and technology adoptions; breakthroughs", ["innovations", "adoptions"], ["breakthroughs"]),
        new("firms.png", "Firms, births and deaths", ["firms"], ["births", "deaths"]),
        new("talent.png", "Researchers and wage", ["researchers"], ["wage"]),
        new("output.png", "Value added and productivity", ["value_added"], ["productivity"]),
    ];

    /// <summary>Draws this chart for the region rows (ordered by tick) and saves it into <paramref name="directory"/>.</summary>
    public string Write(IReadOnlyList<MetricsRow> regionRows, string directory, string caption) =>
        PlotCanvas.Save(Build(regionRows), caption, directory, FileName);

    /// <summary>The chart for the region rows (ordered by tick), limits set, not yet saved.</summary>
    public Plot Build(IReadOnlyList<MetricsRow> regionRows)
    {
        Plot plot = PlotCanvas.Create($"{Title} (region)");
        MetricColumn[] left = [.. Left.Select(MetricColumns.Get)];
        MetricColumn[] right = [.. Right.Select(MetricColumns.Get)];
        foreach (MetricColumn column in left)
            PlotCanvas.AddLine(plot, regionRows, column, plot.Axes.Left, column.Title);
        foreach (MetricColumn column in right)
            PlotCanvas.AddLine(plot, regionRows, column, plot.Axes.Right, $"{column.Title} (right axis)");
        plot.Axes.Left.Label.Text = PlotCanvas.AxisLabel(left);
        if (right.Length > 0)
            plot.Axes.Right.Label.Text = PlotCanvas.AxisLabel(right);
        plot.ShowLegend(Edge.Bottom);
        // Side by side, wrapping: one entry under another runs out of room below the plot.
        plot.Legend.Orientation = Orientation.Horizontal;
        plot.Legend.FontSize = 11;
        return PlotCanvas.Finish(plot, new Dictionary<IYAxis, double>
        {
            [plot.Axes.Left] = left.Max(c => AxisRules.MinimumSpan(c.Unit)),
            [plot.Axes.Right] = right.Length > 0 ? right.Max(c => AxisRules.MinimumSpan(c.Unit)) : 0,
        });
    }
}
