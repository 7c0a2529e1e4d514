using EcoSim.Explorer.Runs;
using EcoSim.Model.Metrics;
using EcoSim.Model.World;

namespace EcoSim.Explorer.Tests;

/// <summary>
/// Quarters as the bits of their values, so that a branch or a lever can be checked bit for bit against its parent or
/// against a reference run: where two histories first part, and the rows of either in one comparable form.
/// </summary>
internal static class QuarterBits
{
    /// <summary>The first tick at which two runs' quarters differ in any value of the region or a cluster, or -1.</summary>
    public static int FirstDifference(IReadOnlyList<QuarterView> a, IReadOnlyList<QuarterView> b)
    {
        for (int t = 0; t < Math.Min(a.Count, b.Count); t++)
            if (!Of([a[t]])[0].AsSpan().SequenceEqual(Of([b[t]])[0])) return t;
        return -1;
    }

    /// <summary>Each quarter the page received: its clusters' rows then the region's.</summary>
    public static List<long[]> Of(IEnumerable<QuarterView> quarters) =>
        [.. quarters.Select(q => q.Clusters.Append(q.Region).SelectMany(r => r).Select(BitConverter.DoubleToInt64Bits).ToArray())];

    /// <summary>Each tick's rows as an engine gives them (clusters then region), to set against <see cref="Of(IEnumerable{QuarterView})"/>.</summary>
    public static List<long[]> Of(IEnumerable<IReadOnlyList<MetricsRow>> quarters) =>
        [.. quarters.Select(rows => rows.SelectMany(r => r.Values).Select(BitConverter.DoubleToInt64Bits).ToArray())];

    /// <summary>A cluster's place in the world, by its id.</summary>
    public static int IndexOf(WorldSpec world, string cluster) => world.Clusters.Select(c => c.Id).ToList().IndexOf(cluster);
}
