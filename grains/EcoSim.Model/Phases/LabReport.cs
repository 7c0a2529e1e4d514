using EcoSim.Model.Numerics;

namespace EcoSim.Model.Phases;

/// <summary>Slots of a <see cref="LabReport"/>'s sums.</summary>
public static class LabSums
{
    /// <summary>Knowledge stock at the end of the tick.</summary>
    public const int Knowledge = 0;
    /// <summary>Breakthroughs this tick.</summary>
    public const int Breakthroughs = 1;
    /// <summary>Spin-offs this tick.</summary>
    public const int SpinOffs = 2;
    /// <summary>Researchers the labs want to employ.</summary>
    public const int ResearcherDemand = 3;
    /// <summary>Researchers the labs employ.</summary>
    public const int Researchers = 4;
    /// <summary>Funding received, bn yuan/yr.</summary>
    public const int Funding = 5;
    /// <summary>R&amp;D performed: funding spent on the researchers that could be hired, bn yuan/yr.</summary>
    public const int Spending = 6;
    /// <summary>Number of slots.</summary>
    public const int Count = 7;
}

/// <summary>What the labs of one cluster (or one lab) produced in a tick, as exact sums.</summary>
/// <param name="Cluster">Cluster index.</param>
/// <param name="Sums">Totals, see <see cref="LabSums"/>.</param>
public sealed record LabReport(int Cluster, SumVector Sums)
{
    /// <summary>An empty report for a cluster.</summary>
    public static LabReport Empty(int cluster) => new(cluster, new SumVector(LabSums.Count));
}
