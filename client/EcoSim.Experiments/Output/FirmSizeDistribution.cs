namespace EcoSim.Experiments.Output;

/// <summary>
/// The firm sizes of one tick reduced to the points of their complementary cumulative distribution:
/// for each size x, the share of firms whose size is at least x. Sizes are kept only until the points
/// are taken, and at most about <see cref="MaxPoints"/> points are kept, spaced evenly in log rank, so
/// that a plot of a million firms stays small.
/// </summary>
/// <param name="Label">What the points are of, for the legend (e.g. the period).</param>
/// <param name="Firms">How many firms the sizes came from.</param>
/// <param name="Sizes">Sizes, ascending.</param>
/// <param name="Shares">Share of firms with a size at least the size at the same position.</param>
public sealed record FirmSizeDistribution(string Label, int Firms, double[] Sizes, double[] Shares)
{
    /// <summary>Roughly the most points kept.</summary>
    public const int MaxPoints = 600;

    /// <summary>The distribution of the positive values of <paramref name="sizes"/> (zero and negative sizes cannot be drawn on log axes).</summary>
    public static FirmSizeDistribution Of(string label, IEnumerable<double> sizes)
    {
        double[] sorted = [.. sizes.Where(s => s > 0 && double.IsFinite(s)).Order()];
        int n = sorted.Length;
        // Rank r (1 = largest) has share r / n; keep ranks evenly spaced in log10 r, plus the smallest firm.
        var ranks = new SortedSet<int>();
        for (int k = 0; k < MaxPoints && n > 0; k++) ranks.Add((int)Math.Round(Math.Pow(n, k / (double)(MaxPoints - 1))));
        if (n > 0) ranks.Add(n);
        double[] xs = [.. ranks.Reverse().Select(r => sorted[n - r])];
        double[] ys = [.. ranks.Reverse().Select(r => r / (double)n)];
        return new FirmSizeDistribution(label, n, xs, ys);
    }
}
