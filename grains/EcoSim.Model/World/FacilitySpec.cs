namespace EcoSim.Model.World;

/// <summary>
/// A large science facility (e.g. the Jiangmen underground neutrino observatory): built over some
/// years with money from its cluster's basic-research budget, then raising the knowledge production
/// of its cluster's labs (and, through relatedness, of related clusters' labs) for decades.
/// </summary>
/// <param name="Name">Name, for reports.</param>
/// <param name="Cluster">Index of the cluster that hosts it.</param>
/// <param name="StartTick">First tick of construction.</param>
/// <param name="BuildYears">Years of construction.</param>
/// <param name="OperationYears">Years of operation after construction.</param>
/// <param name="CostPerYear">Construction spending, bn yuan/yr, taken from the cluster's basic-research budget.</param>
/// <param name="KnowledgeBoost">Relative rise of the host cluster's labs' knowledge production while it operates (0.2 = +20%).</param>
public sealed record FacilitySpec(string Name, int Cluster, int StartTick, double BuildYears, double OperationYears, double CostPerYear, double KnowledgeBoost)
{
    /// <summary>Whether it is being built at <paramref name="tick"/>.</summary>
    public bool UnderConstruction(int tick) => tick >= StartTick && tick < StartTick + BuildYears * WorldSpec.TicksPerYear;

    /// <summary>Whether it operates at <paramref name="tick"/>.</summary>
    public bool Operating(int tick)
    {
        double opened = StartTick + BuildYears * WorldSpec.TicksPerYear;
        return tick >= opened && tick < opened + OperationYears * WorldSpec.TicksPerYear;
    }
}
