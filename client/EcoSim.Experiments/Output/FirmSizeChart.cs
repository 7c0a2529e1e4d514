using System.Globalization;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace EcoSim.Experiments.Output;

/// <summary>
/// The firm-size distribution on log-log axes: for the first and the last tick, the share of firms whose
/// revenue is at least x against x. A straight line is a Pareto (power-law) tail; rank-size (Zipf) is a
/// slope of -1. Saved as PNG and SVG.
/// </summary>
internal static class FirmSizeChart
{
    public const string FileName = "firm-size-distribution.png";
    public const string SvgFileName = "firm-size-distribution.svg";

    /// <summary>Million yuan per bn yuan: revenue is drawn in million yuan/yr, the scale of a firm.</summary>
    public const double MillionPerBillion = 1000;

    /// <summary>Draws the distributions and saves both files into <paramref name="directory"/>; returns their paths.</summary>
    public static IReadOnlyList<string> Write(IReadOnlyList<FirmSizeDistribution> ticks, string directory, string caption)
    {
        Plot plot = PlotCanvas.Create("Firm size distribution");
        var palette = new ScottPlot.Palettes.Category10();
        for (int i = 0; i < ticks.Count; i++)
        {
            var tick = ticks[i];
            if (tick.Firms == 0) continue;
            var line = plot.Add.ScatterLine(tick.Sizes.Select(s => Math.Log10(s * MillionPerBillion)).ToArray(), tick.Shares.Select(Math.Log10).ToArray());
            line.LegendText = string.Create(CultureInfo.InvariantCulture, $"{tick.Label} ({tick.Firms:N0} firms)");
            line.LineWidth = 2;
            line.MarkerSize = 0;
            line.Color = palette.GetColor(i);
            line.ConnectStyle = ConnectStyle.StepVertical;
        }
        plot.XLabel("Revenue of a firm, x (million yuan/yr, log scale)", size: 14);
        plot.YLabel("Share of firms with revenue ≥ x (log scale)", size: 14);
        plot.Axes.Bottom.TickGenerator = LogTicks(v => Power(v, "N0", plainUpTo: 7));
        plot.Axes.Left.TickGenerator = LogTicks(v => Power(v, "0.####", plainUpTo: 4));
        plot.ShowLegend(Alignment.LowerLeft);
        plot.Legend.FontSize = 12;

        string png = PlotCanvas.Save(plot, caption, directory, FileName);
        return [png, PlotFiles.SvgTwin(png)]; // PlotCanvas.Save wrote the twin, SvgFileName
    }

    private static NumericAutomatic LogTicks(Func<double, string> label) => new()
    {
        MinorTickGenerator = new LogMinorTickGenerator(),
        IntegerTicksOnly = true,
        LabelFormatter = label,
    };

    // 10^v in plain digits for |v| <= plainUpTo, otherwise as 1e±v.
    private static string Power(double v, string format, int plainUpTo) =>
        Math.Abs(v) <= plainUpTo ? Math.Pow(10, v).ToString(format, CultureInfo.InvariantCulture) : string.Create(CultureInfo.InvariantCulture, $"1e{v:0}");
}
