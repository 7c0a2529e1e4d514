using System.Globalization;
using EcoSim.Experiments.Engines;

namespace EcoSim.Explorer.Runs;

/// <summary>Firms whose revenue lies in one bin of a cluster's firm-size histogram.</summary>
/// <param name="Low">The bin's lower edge, bn yuan/yr (included).</param>
/// <param name="High">Its upper edge (excluded, but for the last bin).</param>
/// <param name="Firms">How many live firms.</param>
public sealed record SizeBin(double Low, double High, int Firms);

/// <summary>One firm of a cluster, as the page lists the largest.</summary>
/// <param name="Entity">Its id for Inspect, e.g. <c>firm:3:1201</c>.</param>
/// <param name="Revenue">Its revenue, bn yuan/yr.</param>
/// <param name="Researchers">Researchers it employs.</param>
public sealed record ListedFirm(string Entity, double Revenue, double Researchers);

/// <summary>The firm-size distribution of one cluster at a quarter: live firms by revenue in bins a quarter of a decade wide, and the largest firms.</summary>
/// <param name="Period">The quarter, e.g. <c>2030Q1</c>.</param>
/// <param name="Cluster">The cluster's index.</param>
/// <param name="ClusterId">The cluster's id.</param>
/// <param name="Firms">Live firms.</param>
/// <param name="Revenue">Their revenue, bn yuan/yr.</param>
/// <param name="Bins">The histogram, smallest firms first; empty bins between the smallest and the largest are kept.</param>
/// <param name="Largest">The largest firms by revenue, largest first.</param>
public sealed record ClusterFirmSizes(string Period, int Cluster, string ClusterId, int Firms, double Revenue, IReadOnlyList<SizeBin> Bins, IReadOnlyList<ListedFirm> Largest);

/// <summary>
/// Firm sizes (revenue, as the command line's firm-size plot has them) from the engine's census of every
/// firm at one tick. Firm sizes span several decades, so the bins are even in the logarithm of revenue.
/// </summary>
public static class FirmSizes
{
    /// <summary>Bins per decade of revenue.</summary>
    public const int BinsPerDecade = 4;

    /// <summary>How many of the largest firms are listed.</summary>
    public const int Listed = 10;

    /// <summary>Each cluster's distribution in <paramref name="census"/>, clusters in order.</summary>
    public static IReadOnlyList<ClusterFirmSizes> Of(FirmCensus census, string period, IReadOnlyList<string> clusterIds) =>
        [.. census.Clusters.Select(columns => Of(columns, period, clusterIds[columns.Cluster]))];

    private static ClusterFirmSizes Of(Model.State.FirmColumns firms, string period, string clusterId)
    {
        var live = Enumerable.Range(0, firms.Count).Where(i => firms.Alive[i] && firms.Revenue[i] > 0 && double.IsFinite(firms.Revenue[i])).ToList();
        var bins = new List<SizeBin>();
        if (live.Count > 0)
        {
            double min = live.Min(i => firms.Revenue[i]), max = live.Max(i => firms.Revenue[i]);
            int first = (int)Math.Floor(Math.Log10(min) * BinsPerDecade), last = (int)Math.Floor(Math.Log10(max) * BinsPerDecade);
            var counts = new int[last - first + 1];
            foreach (int i in live) counts[Math.Clamp((int)Math.Floor(Math.Log10(firms.Revenue[i]) * BinsPerDecade) - first, 0, counts.Length - 1)]++;
            for (int b = 0; b < counts.Length; b++)
                bins.Add(new SizeBin(Math.Pow(10, (first + b) / (double)BinsPerDecade), Math.Pow(10, (first + b + 1) / (double)BinsPerDecade), counts[b]));
        }
        var largest = live.OrderByDescending(i => firms.Revenue[i]).ThenBy(i => i).Take(Listed)
            .Select(i => new ListedFirm(string.Create(CultureInfo.InvariantCulture, $"firm:{firms.Cluster}:{firms.Index[i]}"), firms.Revenue[i], firms.Researchers[i]));
        // The sum in index order, so the total does not depend on anything but the census.
        double revenue = 0;
        foreach (int i in live) revenue += firms.Revenue[i];
        return new ClusterFirmSizes(period, firms.Cluster, clusterId, live.Count, revenue, bins, [.. largest]);
    }
}
