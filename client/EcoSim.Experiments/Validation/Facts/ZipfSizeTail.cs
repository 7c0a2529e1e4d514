using EcoSim.Experiments.Output;
using ScottPlot;

namespace EcoSim.Experiments.Validation.Facts;

/// <summary>
/// Right-skewed firm sizes (revenue) after 20 years: skewness above 1, mean above 1.5 times the median,
/// and an upper tail that looks like a power law: the slope of log rank on log size over the largest 5%
/// of firms between 0.8 and 2 (Axtell 2001, Science 293: a Zipf exponent of about 1 for all US firms;
/// Gibrat growth with entry and exit gives such tails). The rank is taken as rank - 1/2, which removes
/// most of the small-sample bias of the OLS rank-size slope (Gabaix and Ibragimov 2011, JBES 29).
/// </summary>
public sealed class ZipfSizeTail : IStylizedFact
{
    /// <inheritdoc/>
    public string Id => "zipf-size-tail";

    /// <inheritdoc/>
    public FactResult Check(ValidationHistory history)
    {
        var revenue = Revenue(history);
        var sorted = revenue.Order().ToArray();
        double skewness = FactStatistics.Skewness(revenue);
        double meanOverMedian = FactStatistics.Mean(revenue) / FactStatistics.Quantile(sorted, 0.5);
        var (logSize, logRank) = Tail(sorted);
        double exponent = -FactStatistics.Slope(logSize, logRank);
        return new FactResult(Id, "Firm sizes are right-skewed with a Zipf-like upper tail.",
            "Axtell (2001), Science 293: Zipf exponent about 1; Gabaix & Ibragimov (2011), JBES 29: the rank - 1/2 estimator",
            [
                new("skewness of revenue", skewness, FactBand.Above(1)),
                new("mean / median revenue", meanOverMedian, FactBand.Above(1.5)),
                new("rank-size exponent of the largest 5%", exponent, FactBand.Between(0.8, 2.0)),
            ],
            $"firms {revenue.Count} after 20 years: skewness {FactResult.Number(skewness)}, mean/median {FactResult.Number(meanOverMedian)}, rank-size slope of the top 5% ({logSize.Length} firms) {FactResult.Number(exponent)}");
    }

    /// <inheritdoc/>
    public Plot Draw(ValidationHistory history)
    {
        var sorted = Revenue(history).Order().ToArray();
        var (logSize, logRank) = Tail(sorted);
        double slope = FactStatistics.Slope(logSize, logRank), meanX = FactStatistics.Mean(logSize), meanY = FactStatistics.Mean(logRank);
        var plot = PlotCanvas.Create("Rank and size of the largest 5% of firms after 20 years");
        plot.XLabel("log revenue (bn yuan/yr)", size: 14);
        plot.YLabel("log (rank - 1/2)", size: 14);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic();
        var firms = plot.Add.ScatterPoints(logSize, logRank);
        firms.MarkerSize = 3;
        firms.LegendText = "firms";
        var fit = plot.Add.Line(logSize.Min(), meanY + slope * (logSize.Min() - meanX), logSize.Max(), meanY + slope * (logSize.Max() - meanX));
        fit.LineWidth = 2;
        fit.LineColor = Colors.FireBrick;
        fit.LegendText = $"OLS: exponent {-slope:0.00} (Zipf: 1)";
        plot.ShowLegend(Alignment.UpperRight);
        return plot;
    }

    private static List<double> Revenue(ValidationHistory history) => history.Snapshots[ValidationHistory.Ticks - 1].LiveRevenue();

    /// <summary>Log size and log (rank - 1/2) of the largest 5% of <paramref name="sorted"/>, largest first.</summary>
    private static (double[] LogSize, double[] LogRank) Tail(double[] sorted)
    {
        int top = sorted.Length / 20;
        var logSize = new double[top];
        var logRank = new double[top];
        for (int k = 0; k < top; k++)
        {
            logSize[k] = Math.Log(sorted[^(k + 1)]);
            logRank[k] = Math.Log(k + 0.5);
        }
        return (logSize, logRank);
    }
}
