using ScottPlot;

namespace EcoSim.Experiments.Output;

/// <summary>
/// The axis limits every EcoSim plot uses instead of ScottPlot's auto-scaling, which stretches any
/// range to fill the frame: a constant stored with floating-point noise would otherwise be drawn as a
/// zigzag, and padding would push a count axis below zero and the year axis past the run's end.
/// </summary>
internal static class AxisRules
{
    /// <summary>The smallest y span, as a fraction of the largest absolute value drawn on the axis.</summary>
    public const double RelativeMinimumSpan = 0.02;

    /// <summary>The smallest span of an axis of shares: five percentage points.</summary>
    public const double ShareMinimumSpan = 0.05;

    /// <summary>The smallest span of an axis of percent differences: one percentage point.</summary>
    public const double PercentMinimumSpan = 1;

    /// <summary>The minimum span an axis of values in <paramref name="unit"/> needs beyond the relative one.</summary>
    public static double MinimumSpan(string unit) => unit switch
    {
        "share" => ShareMinimumSpan,
        "%" => PercentMinimumSpan,
        _ => 0,
    };

    /// <summary>Space above and below the data, as a fraction of the y span.</summary>
    public const double Padding = 0.05;

    /// <summary>
    /// Sets the bottom axis to the data's first and last x (lines drawn at a single x get a quarter
    /// either side), and each y axis that carries data to its range widened to a minimum span
    /// (<paramref name="minimumSpan"/> for that axis, at least <see cref="RelativeMinimumSpan"/> of
    /// the magnitude) and padded, never below zero when nothing drawn on it is negative.
    /// </summary>
    public static void Apply(Plot plot, IReadOnlyDictionary<IYAxis, double>? minimumSpan = null)
    {
        var drawn = plot.GetPlottables().Where(p => p.IsVisible).ToList();
        var (left, right) = Extent(drawn.Where(p => XAxisOf(plot, p) == plot.Axes.Bottom).Select(p => p.GetAxisLimits()).Select(l => (l.Left, l.Right)));
        if (double.IsFinite(left))
            plot.Axes.SetLimitsX(left == right ? left - 0.25 : left, left == right ? right + 0.25 : right, plot.Axes.Bottom);

        foreach (IYAxis axis in plot.Axes.GetYAxes())
        {
            var (low, high) = Extent(drawn.Where(p => YAxisOf(plot, p) == axis).Select(p => p.GetAxisLimits()).Select(l => (l.Bottom, l.Top)));
            if (!double.IsFinite(low)) continue;
            double floor = minimumSpan is not null && minimumSpan.TryGetValue(axis, out double f) ? f : 0;
            var (bottom, top) = YRange(low, high, floor);
            plot.Axes.SetLimitsY(bottom, top, axis);
        }
    }

    /// <summary>The y limits for data from <paramref name="low"/> to <paramref name="high"/> (see <see cref="Apply"/>).</summary>
    public static (double Bottom, double Top) YRange(double low, double high, double minimumSpan)
    {
        double magnitude = Math.Max(Math.Abs(low), Math.Abs(high));
        double span = Math.Max(high - low, Math.Max(minimumSpan, RelativeMinimumSpan * magnitude));
        if (span == 0) span = 1;
        double middle = (low + high) / 2;
        double bottom = middle - span / 2 - Padding * span, top = middle + span / 2 + Padding * span;
        if (low >= 0 && bottom < 0)
        {
            top -= bottom;
            bottom = 0;
        }
        return (bottom, top);
    }

    /// <summary>The x axis <paramref name="plottable"/> is drawn on; ScottPlot leaves it unset, meaning the bottom axis, until the first render.</summary>
    public static IXAxis XAxisOf(Plot plot, IPlottable plottable) => plottable.Axes.XAxis ?? plot.Axes.Bottom;

    /// <summary>The y axis <paramref name="plottable"/> is drawn on; unset means the left axis until the first render.</summary>
    public static IYAxis YAxisOf(Plot plot, IPlottable plottable) => plottable.Axes.YAxis ?? plot.Axes.Left;

    private static (double Low, double High) Extent(IEnumerable<(double Low, double High)> ranges)
    {
        double low = double.PositiveInfinity, high = double.NegativeInfinity;
        foreach (var (a, b) in ranges)
        {
            if (double.IsFinite(a)) low = Math.Min(low, a);
            if (double.IsFinite(b)) high = Math.Max(high, b);
        }
        return low <= high ? (low, high) : (double.NaN, double.NaN);
    }
}
