using EcoSim.Model.Metrics;

namespace EcoSim.Model.Engine;

/// <summary>The metrics of one tick: one row per cluster in index order, then the region row.</summary>
/// <param name="Tick">The tick.</param>
/// <param name="Rows">The rows.</param>
public sealed record TickOutcome(int Tick, IReadOnlyList<MetricsRow> Rows);
