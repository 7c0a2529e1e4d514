using EcoSim.Experiments.Engines;
using EcoSim.Model.Metrics;

namespace EcoSim.Experiments;

/// <summary>
/// Receives an experiment's runs as they proceed and reduces them into what the output needs. Members
/// run concurrently and finish in any order, so a collector's result must not depend on that order
/// (keep runs by member, sort before reducing); calls for different members may come at the same time.
/// </summary>
public interface IRunCollector
{
    /// <summary>The ticks at whose end <paramref name="member"/>'s engine should take a census of every firm (none by default).</summary>
    IReadOnlySet<int> FirmTicks(ExperimentMember member) => NoTicks;

    /// <summary>One tick of <paramref name="member"/> is done (for streaming writers; nothing by default).</summary>
    ValueTask TickAsync(ExperimentMember member, SimulatedTick tick, CancellationToken cancellation) => ValueTask.CompletedTask;

    /// <summary><paramref name="member"/> is done: every row of its run, tick by tick. The token is cancelled when any other run fails.</summary>
    Task FinishedAsync(ExperimentMember member, IReadOnlyList<MetricsRow> rows, CancellationToken cancellation);

    private static readonly IReadOnlySet<int> NoTicks = new HashSet<int>();
}
