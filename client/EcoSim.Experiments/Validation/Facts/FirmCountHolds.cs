using EcoSim.Experiments.Output;
using EcoSim.Model.Metrics;
using ScottPlot;

namespace EcoSim.Experiments.Validation.Facts;

/// <summary>
/// The firm count does not drift away from its calibrated start in the first ten years: at no quarter is
/// it more than 3% below the start. Guangdong's high-tech enterprises grew in every year for which there
/// are figures (19,857 in 2016, more than 75,000 in 2023), so a baseline that continues 2023's conditions
/// has no reason to shed firms first.
/// </summary>
public sealed class FirmCountHolds : IStylizedFact
{
    private const int Quarters = 40;

    /// <inheritdoc/>
    public string Id => "firm-count-holds";

    /// <inheritdoc/>
    public FactResult Check(ValidationHistory history)
    {
        var firms = Firms(history);
        double lowest = firms.Min(), start = history.World.Firms;
        return new FactResult(Id, "The firm count holds its calibrated level in the first decade.",
            "Guangdong's certified high-tech enterprises: 19,857 (2016) to more than 75,000 (2023), growth in every year (docs/SCENARIOS.md)",
            [new("lowest firm count in the first ten years / the start", lowest / start, FactBand.AtLeast(0.97))],
            $"firms: start {start}, lowest in the first ten years {lowest} (tick {Array.IndexOf(firms, lowest)}), after ten years {firms[^1]}");
    }

    /// <inheritdoc/>
    public Plot Draw(ValidationHistory history)
    {
        var plot = PlotCanvas.Create("Firms in the first decade: no drift below the start");
        plot.YLabel("live firms", size: 14);
        var firms = Firms(history);
        var line = plot.Add.ScatterLine([.. history.Region.Take(firms.Length).Select(r => r.Time)], firms);
        line.LineWidth = 2;
        line.MarkerSize = 0;
        line.LegendText = "live firms";
        var floor = plot.Add.HorizontalLine(0.97 * history.World.Firms);
        floor.LinePattern = LinePattern.Dashed;
        floor.LegendText = "97% of the start";
        var start = plot.Add.HorizontalLine(history.World.Firms);
        start.Color = Colors.Gray;
        start.LegendText = "the start";
        double low = Math.Min(firms.Min(), 0.97 * history.World.Firms), high = Math.Max(firms.Max(), history.World.Firms);
        plot.Axes.SetLimitsY(low - 0.05 * (high - low), high + 0.05 * (high - low));
        plot.ShowLegend(Alignment.LowerRight);
        return plot;
    }

    private static double[] Firms(ValidationHistory history) => [.. history.Region.Take(Quarters).Select(r => r[MetricColumns.Firms])];
}
