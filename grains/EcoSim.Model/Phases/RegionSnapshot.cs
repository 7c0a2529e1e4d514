using EcoSim.Model.State;

namespace EcoSim.Model.Phases;

/// <summary>
/// Per-cluster values at the end of the previous tick that entities of other clusters read: knowledge
/// available to industry (spillovers), opportunity and demand (labs and funds), productivity (fund
/// exits), researchers and wages (migration).
/// </summary>
/// <param name="AvailableKnowledge">Knowledge available to industry, by cluster.</param>
/// <param name="Opportunity">Technological opportunity, by cluster.</param>
/// <param name="Demand">Demand, bn yuan/yr, by cluster.</param>
/// <param name="MeanProductivity">Weight-averaged productivity, by cluster.</param>
/// <param name="Talent">Researchers and wages, by cluster.</param>
public sealed record RegionSnapshot(double[] AvailableKnowledge, double[] Opportunity, double[] Demand, double[] MeanProductivity, TalentSnapshot Talent);
