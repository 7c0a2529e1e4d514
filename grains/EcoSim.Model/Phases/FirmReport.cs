using EcoSim.Model.Numerics;

namespace EcoSim.Model.Phases;

/// <summary>Slots of a <see cref="FirmReport"/>'s sums.</summary>
public static class FirmSums
{
    /// <summary>Live firms after exit.</summary>
    public const int Alive = 0;
    /// <summary>Firms that exited this tick.</summary>
    public const int Deaths = 1;
    /// <summary>Successful innovations.</summary>
    public const int Innovations = 2;
    /// <summary>Successful imitations.</summary>
    public const int Imitations = 3;
    /// <summary>Adoptions of the newest technology generation.</summary>
    public const int Adoptions = 4;
    /// <summary>Live firms on the newest generation.</summary>
    public const int OnNewestGeneration = 5;
    /// <summary>Revenue, bn yuan/yr.</summary>
    public const int Revenue = 6;
    /// <summary>R&amp;D spending, bn yuan/yr.</summary>
    public const int Rd = 7;
    /// <summary>Market weight of live firms.</summary>
    public const int Weight = 8;
    /// <summary>Market weight times productivity.</summary>
    public const int WeightedProductivity = 9;
    /// <summary>Sum of log productivity of live firms.</summary>
    public const int LogProductivity = 10;
    /// <summary>Sum of squared log productivity of live firms.</summary>
    public const int LogProductivitySquared = 11;
    /// <summary>Researchers wanted.</summary>
    public const int ResearcherDemand = 12;
    /// <summary>Researchers employed.</summary>
    public const int Researchers = 13;
    /// <summary>Live firms holding a high-tech enterprise certificate (only with certification on; see <see cref="CertificationPhase"/>).</summary>
    public const int Certified = 14;
    /// <summary>Number of slots.</summary>
    public const int Count = 15;
}

/// <summary>What a partition of one cluster's firms did in a tick, as exact sums plus the frontier.</summary>
/// <param name="Cluster">Cluster index.</param>
/// <param name="Sums">Totals, see <see cref="FirmSums"/>.</param>
/// <param name="Frontier">Highest productivity among live firms (0 when none).</param>
public sealed record FirmReport(int Cluster, SumVector Sums, double Frontier)
{
    /// <summary>An empty report.</summary>
    public static FirmReport Empty(int cluster) => new(cluster, new SumVector(FirmSums.Count), 0);

    /// <summary>Merges partitions' reports: sums add exactly, the frontier is the maximum.</summary>
    public static FirmReport Merge(int cluster, IEnumerable<FirmReport> parts)
    {
        var sums = new SumVector(FirmSums.Count);
        double frontier = 0;
        foreach (var part in parts)
        {
            sums.Merge(part.Sums);
            frontier = Math.Max(frontier, part.Frontier);
        }
        return new FirmReport(cluster, sums, frontier);
    }
}
