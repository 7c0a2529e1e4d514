using ScottPlot;
using ScottPlot.Plottables;

namespace EcoSim.Experiments.Output;

/// <summary>
/// Keeps lines that lie on top of each other visible: a line drawn within <see cref="Tolerance"/> of
/// the axis span of an earlier line on the same axes, at every x, is redrawn dashed (dotted over a
/// dashed line) on top of it, and its legend says which line it coincides with.
/// </summary>
internal static class Coincidence
{
    /// <summary>How close two lines must stay, as a fraction of the y axis span, to be drawn as one (about a pixel).</summary>
    public const double Tolerance = 0.003;

    /// <summary>Marks every line of <paramref name="plot"/> that coincides with an earlier one; call after the axis limits are set.</summary>
    public static void Mark(Plot plot)
    {
        var lines = plot.GetPlottables().OfType<Scatter>().Where(s => s.IsVisible && !string.IsNullOrEmpty(s.LegendText)).ToList();
        string[] names = [.. lines.Select(l => l.LegendText)];
        for (int i = 1; i < lines.Count; i++)
        {
            int under = lines.FindIndex(0, i, earlier => Coincide(plot, earlier, lines[i]));
            if (under < 0) continue;
            lines[i].LinePattern = lines[under].LinePattern.Equals(LinePattern.Dashed) ? LinePattern.Dotted : LinePattern.Dashed;
            lines[i].LineWidth = Math.Max(lines[i].LineWidth, 2.5f);
            lines[i].LegendText = $"{names[i]} (= {Distinct(names[under], names[i])}, coincides)";
            plot.MoveToTop(lines[i]);
        }
    }

    /// <summary><paramref name="name"/> without the words it shares at the start with <paramref name="other"/>: "Budget: talent support" beside "Budget: results transformation" is "talent support".</summary>
    public static string Distinct(string name, string other)
    {
        int common = 0;
        for (int k = 0; k < Math.Min(name.Length, other.Length) && name[k] == other[k]; k++)
            if (name[k] == ' ') common = k + 1;
        return common < name.Length ? name[common..] : name;
    }

    /// <summary>True when <paramref name="a"/> and <paramref name="b"/> share their axes and x values and never part by more than the tolerance.</summary>
    public static bool Coincide(Plot plot, Scatter a, Scatter b)
    {
        IXAxis x = AxisRules.XAxisOf(plot, a);
        IYAxis y = AxisRules.YAxisOf(plot, a);
        if (y != AxisRules.YAxisOf(plot, b) || x != AxisRules.XAxisOf(plot, b)) return false;
        var pa = a.Data.GetScatterPoints();
        var pb = b.Data.GetScatterPoints();
        if (pa.Count != pb.Count || pa.Count == 0) return false;
        double span = plot.Axes.GetLimits(x, y).VerticalSpan;
        for (int k = 0; k < pa.Count; k++)
            if (pa[k].X != pb[k].X || !(Math.Abs(pa[k].Y - pb[k].Y) <= Tolerance * span))
                return false;
        return true;
    }
}
