using EcoSim.Experiments.Output;
using ScottPlot;

namespace EcoSim.Experiments.Validation.Facts;

/// <summary>
/// Tent-shaped growth rates: annual growth (<see cref="AnnualGrowth"/>) has fat tails: excess kurtosis
/// above 1 (a normal has 0, a Laplace 3), and a Laplace fitted by maximum likelihood beats a fitted normal
/// in log-likelihood (Stanley et al. 1996, Nature 379; Bottazzi and Secchi 2006, RAND J. Econ. 37: growth
/// rates are Laplace-like).
/// </summary>
public sealed class TentShapedGrowth : IStylizedFact
{
    private const int Bins = 60;

    /// <inheritdoc/>
    public string Id => "tent-shaped-growth";

    /// <inheritdoc/>
    public FactResult Check(ValidationHistory history)
    {
        var (growth, _) = AnnualGrowth.Of(history);
        double kurtosis = FactStatistics.ExcessKurtosis(growth);
        double laplace = FactStatistics.LaplaceLogLikelihood(growth), normal = FactStatistics.NormalLogLikelihood(growth);
        return new FactResult(Id, "Annual growth rates are tent-shaped (Laplace-like), not normal.",
            "Stanley et al. (1996), Nature 379; Bottazzi & Secchi (2006), RAND J. Econ. 37",
            [
                new("excess kurtosis of annual growth", kurtosis, FactBand.Above(1)),
                new("mean log-likelihood, Laplace minus normal", laplace - normal, FactBand.Above(0)),
            ],
            $"{growth.Count} growth rates: s.d. {FactResult.Number(FactStatistics.StandardDeviation(growth))}, excess kurtosis {FactResult.Number(kurtosis)}, mean log-likelihood Laplace {FactResult.Number(laplace)} vs normal {FactResult.Number(normal)}");
    }

    /// <inheritdoc/>
    public Plot Draw(ValidationHistory history)
    {
        var (growth, _) = AnnualGrowth.Of(history);
        var sorted = growth.Order().ToArray();
        double sd = FactStatistics.StandardDeviation(growth), median = FactStatistics.Quantile(sorted, 0.5);
        double scale = growth.Sum(g => Math.Abs(g - median)) / growth.Count;
        double low = FactStatistics.Quantile(sorted, 0.001), high = FactStatistics.Quantile(sorted, 0.999), width = (high - low) / Bins;
        var counts = new double[Bins];
        foreach (double g in growth)
            if (g >= low && g < high) counts[Math.Min(Bins - 1, (int)((g - low) / width))]++;
        var xs = new List<double>();
        var ys = new List<double>();
        for (int b = 0; b < Bins; b++)
            if (counts[b] > 0) { xs.Add(low + (b + 0.5) * width); ys.Add(Math.Log10(counts[b] / (growth.Count * width))); }

        var plot = PlotCanvas.Create("Annual growth rates: a tent, not a bell");
        plot.XLabel("annual log revenue growth, net of the cluster's mean", size: 14);
        plot.YLabel("log10 density", size: 14);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic();
        var observed = plot.Add.ScatterPoints(xs.ToArray(), ys.ToArray());
        observed.MarkerSize = 6;
        observed.LegendText = "the run's firms";
        var grid = Enumerable.Range(0, 201).Select(i => low + i * (high - low) / 200).ToArray();
        AddCurve(plot, grid, [.. grid.Select(x => Math.Log10(Math.Exp(-Math.Abs(x - median) / scale) / (2 * scale)))], "fitted Laplace", Colors.FireBrick);
        AddCurve(plot, grid, [.. grid.Select(x => Math.Log10(Math.Exp(-0.5 * x * x / (sd * sd)) / (sd * Math.Sqrt(2 * Math.PI))))], "fitted normal", Colors.Gray);
        plot.Axes.SetLimitsY(ys.Min() - 0.5, ys.Max() + 0.3);
        plot.ShowLegend(Alignment.LowerCenter);
        return plot;
    }

    private static void AddCurve(Plot plot, double[] xs, double[] ys, string legend, Color color)
    {
        var line = plot.Add.ScatterLine(xs, ys);
        line.LineWidth = 2;
        line.MarkerSize = 0;
        line.Color = color;
        line.LegendText = legend;
    }
}
