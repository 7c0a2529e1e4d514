using EcoSim.Experiments.Output;
using EcoSim.Model.Metrics;
using ScottPlot;

namespace EcoSim.Experiments.Validation.Facts;

/// <summary>
/// A calibrated start is on its own steady path: the exit rate of the first year (deaths per firm alive
/// at the start of each quarter, ticks 0 to 3) is within 10% of the rate of years 6 to 10 (ticks 20 to
/// 39), when the firms alive are those the model's own selection has shaped, and the first quarter alone
/// is within 15% of that later mean. Exit rates of 5 to 10% a year are the norm (Dunne, Roberts and
/// Samuelson 1988); a start drawn far from the population the exit rule selects shows instead as a burst
/// of exits that later years do not repeat.
/// </summary>
public sealed class SteadyExitRate : IStylizedFact
{
    /// <inheritdoc/>
    public string Id => "steady-exit-rate";

    /// <inheritdoc/>
    public FactResult Check(ValidationHistory history)
    {
        double firstYear = Rate(history, 0, 3), later = Rate(history, 20, 39), firstQuarter = Rate(history, 0, 0);
        return new FactResult(Id, "The calibrated start is on the model's own steady path: no burst of exits in the first year.",
            "Dunne, Roberts & Samuelson (1988), RAND J. Econ. 19: exit rates of 5 to 10% a year",
            [
                new("first year's exit rate / years 6 to 10's", firstYear / later, FactBand.Between(0.9, 1.1)),
                new("first quarter's exit rate / years 6 to 10's", firstQuarter / later, FactBand.Between(0.85, 1.15)),
            ],
            $"exit rate per year: first year {FactResult.Number(firstYear)}, first quarter {FactResult.Number(firstQuarter)}, years 6 to 10 {FactResult.Number(later)}");
    }

    /// <inheritdoc/>
    public Plot Draw(ValidationHistory history)
    {
        var plot = PlotCanvas.Create("Exit rate by year: no burst at the start");
        plot.YLabel("exits per firm alive, per year", size: 14);
        double later = Rate(history, 20, 39);
        var band = plot.Add.VerticalSpan(0.9 * later, 1.1 * later);
        band.FillColor = Colors.Green.WithAlpha(0.15);
        band.LegendText = "years 6 to 10's rate ± 10%";
        var bars = new List<Bar>();
        int start = history.World.Start.Year;
        for (int year = 0; year < history.World.Ticks / 4 && year < 10; year++)
            bars.Add(new Bar { Position = start + year, Value = Rate(history, 4 * year, 4 * year + 3), FillColor = Colors.SteelBlue, Size = 0.7 });
        plot.Add.Bars(bars);
        plot.Axes.SetLimitsY(0, 1.5 * Math.Max(later, bars.Max(b => b.Value)));
        plot.ShowLegend(Alignment.UpperRight); // above the bars: lower right it covered the last year's bar
        return plot;
    }

    /// <summary>Deaths per firm alive at the start of each quarter from tick <paramref name="from"/> to <paramref name="to"/>, a year.</summary>
    private static double Rate(ValidationHistory history, int from, int to)
    {
        var region = history.Region;
        double FirmsBefore(int t) => t == 0 ? history.World.Firms : region[t - 1][MetricColumns.Firms];
        double deaths = 0, alive = 0;
        for (int t = from; t <= to; t++) { deaths += region[t][MetricColumns.Deaths]; alive += FirmsBefore(t); }
        return deaths / alive * 4;
    }
}
