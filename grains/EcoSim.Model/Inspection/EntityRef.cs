using System.Globalization;

namespace EcoSim.Model.Inspection;

/// <summary>The kinds of agent a run can be asked about.</summary>
public enum EntityKind
{
    /// <summary>A firm, by cluster and index in the cluster.</summary>
    Firm,
    /// <summary>A lab, by global lab index.</summary>
    Lab,
    /// <summary>A fund, by global fund index.</summary>
    Fund,
    /// <summary>A cluster's researcher market, by cluster.</summary>
    TalentPool,
}

/// <summary>
/// One agent of a run. Written <c>firm:C:I</c> (firm I of cluster C), <c>lab:L</c>, <c>fund:F</c> or
/// <c>talent:C</c>, all indices from 0.
/// </summary>
/// <param name="Kind">The kind of agent.</param>
/// <param name="Cluster">Cluster of a firm or talent pool (0 otherwise).</param>
/// <param name="Index">Firm index in its cluster, lab index or fund index (0 for a talent pool).</param>
public readonly record struct EntityRef(EntityKind Kind, int Cluster, long Index)
{
    /// <summary>The forms <see cref="TryParse"/> accepts, for messages.</summary>
    public const string Forms = "firm:CLUSTER:INDEX, lab:INDEX, fund:INDEX or talent:CLUSTER (indices from 0)";

    /// <summary>A firm.</summary>
    public static EntityRef Firm(int cluster, long index) => new(EntityKind.Firm, cluster, index);
    /// <summary>A lab.</summary>
    public static EntityRef Lab(int index) => new(EntityKind.Lab, 0, index);
    /// <summary>A fund.</summary>
    public static EntityRef Fund(int index) => new(EntityKind.Fund, 0, index);
    /// <summary>A talent pool.</summary>
    public static EntityRef TalentPool(int cluster) => new(EntityKind.TalentPool, cluster, 0);

    /// <summary>Reads one of the written forms; false for anything else (including negative indices).</summary>
    public static bool TryParse(string text, out EntityRef entity)
    {
        entity = default;
        var parts = text.Trim().Split(':');
        if (parts.Length is < 2 or > 3 || parts.Skip(1).Any(p => !long.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out _))) return false;
        long[] n = [.. parts.Skip(1).Select(p => long.Parse(p, CultureInfo.InvariantCulture))];
        bool fitsInt(long v) => v <= int.MaxValue;
        switch (parts[0].ToLowerInvariant(), n.Length)
        {
            case ("firm", 2) when fitsInt(n[0]): entity = Firm((int)n[0], n[1]); return true;
            case ("lab", 1) when fitsInt(n[0]): entity = Lab((int)n[0]); return true;
            case ("fund", 1) when fitsInt(n[0]): entity = Fund((int)n[0]); return true;
            case ("talent", 1) when fitsInt(n[0]): entity = TalentPool((int)n[0]); return true;
            default: return false;
        }
    }

    /// <inheritdoc/>
    public override string ToString() => Kind switch
    {
        EntityKind.Firm => string.Create(CultureInfo.InvariantCulture, $"firm:{Cluster}:{Index}"),
        EntityKind.Lab => string.Create(CultureInfo.InvariantCulture, $"lab:{Index}"),
        EntityKind.Fund => string.Create(CultureInfo.InvariantCulture, $"fund:{Index}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"talent:{Cluster}"),
    };
}
