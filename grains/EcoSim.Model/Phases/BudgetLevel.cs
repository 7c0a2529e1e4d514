namespace EcoSim.Model.Phases;

/// <summary>
/// The region's public budget at a tick and its split over the five links, each the double nearest
/// its exact value on the scenario's figures (<see cref="PolicyPhase.Level"/>): the metrics report
/// these, so a budget given as 100 reads 100 and a constant basic share reads the same number every
/// quarter, instead of sums of the per-cluster amounts that carry their rounding.
/// </summary>
/// <param name="Total">The year's budget, bn yuan/yr.</param>
/// <param name="Shares">Share of each link, indexed by <see cref="Link"/>.</param>
/// <param name="ByLink">The budget of each link, bn yuan/yr, indexed by <see cref="Link"/>.</param>
public sealed record BudgetLevel(double Total, double[] Shares, double[] ByLink);
