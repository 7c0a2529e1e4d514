using EcoSim.Model.Engine;
using EcoSim.Model.Metrics;

namespace EcoSim.Experiments.Checkpoints;

/// <summary>The metrics history a snapshot carries, as the ticks an engine yields before it resumes.</summary>
public static class CheckpointHistory
{
    /// <summary>The rows grouped into one outcome per tick, in tick order (a snapshot keeps them tick by tick).</summary>
    public static IEnumerable<TickOutcome> Ticks(IReadOnlyList<MetricsRow> rows) =>
        rows.GroupBy(r => r.Tick).Select(g => new TickOutcome(g.Key, [.. g]));
}
