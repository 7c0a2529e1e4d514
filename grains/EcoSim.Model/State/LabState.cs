using EcoSim.Model.World;

namespace EcoSim.Model.State;

/// <summary>One lab's state.</summary>
public struct LabState
{
    /// <summary>Global lab index.</summary>
    public int Index;
    /// <summary>Cluster the lab serves.</summary>
    public int Cluster;
    /// <summary>Kind of lab.</summary>
    public LabKind Kind;
    /// <summary>Share of the cluster's basic-research money the lab receives.</summary>
    public double BasicShare;
    /// <summary>Share of the cluster's applied (breakthrough) money the lab receives.</summary>
    public double AppliedShare;
    /// <summary>Basic-knowledge stock, model units (see the knowledge index in the metrics).</summary>
    public double Knowledge;
    /// <summary>Researchers employed last tick.</summary>
    public double Researchers;
}
