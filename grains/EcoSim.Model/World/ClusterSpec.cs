namespace EcoSim.Model.World;

/// <summary>Pillar or emerging cluster (Guangdong's 2020 "ten plus ten" clusters).</summary>
public enum ClusterKind
{
    /// <summary>One of the ten strategic pillar clusters.</summary>
    Pillar,
    /// <summary>One of the ten strategic emerging clusters.</summary>
    Emerging,
}

/// <summary>An industrial cluster as the scenario describes it at the start.</summary>
/// <param name="Id">Short id used in files (e.g. <c>electronics</c>).</param>
/// <param name="Name">Full name.</param>
/// <param name="Kind">Pillar or emerging.</param>
/// <param name="Revenue">Revenue in the start year, bn yuan/yr.</param>
/// <param name="RdIntensity">Firms' R&amp;D spending as a share of revenue.</param>
/// <param name="Priority">Weight of the cluster when public money is allocated (1 = neutral).</param>
/// <param name="HasPipeline">True for a pharma-like cluster whose breakthroughs pass a development pipeline before they count.</param>
public sealed record ClusterSpec(string Id, string Name, ClusterKind Kind, double Revenue, double RdIntensity, double Priority, bool HasPipeline = false);
