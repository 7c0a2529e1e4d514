using EcoSim.Model.Engine;
using EcoSim.Model.State;

namespace EcoSim.Experiments.Engines;

/// <summary>Every firm of a run at the end of one tick: one set of columns per cluster, clusters in index order.</summary>
/// <param name="Tick">The tick.</param>
/// <param name="Clusters">The firms of each cluster, in index order: the live ones and the exited ones the run still keeps (see <see cref="CensusTicks"/>).</param>
public sealed record FirmCensus(int Tick, IReadOnlyList<FirmColumns> Clusters);

/// <summary>One finished tick: its metrics and, if the tick was asked for, the census of its firms.</summary>
/// <param name="Outcome">The tick's metrics.</param>
/// <param name="Firms">Every firm at the end of the tick, or null if the tick was not asked for.</param>
public sealed record SimulatedTick(TickOutcome Outcome, FirmCensus? Firms);
