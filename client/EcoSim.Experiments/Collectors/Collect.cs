using EcoSim.Experiments.Engines;
using EcoSim.Model.Metrics;

namespace EcoSim.Experiments.Collectors;

/// <summary>Small collectors made of others or of a function: how a kind of output combines its files with its summaries.</summary>
public static class Collect
{
    /// <summary>Hands every tick and run to each of <paramref name="collectors"/> in turn; the census ticks are all theirs together.</summary>
    public static IRunCollector All(params IRunCollector[] collectors) => new Group(collectors);

    /// <summary>Calls <paramref name="finished"/> with each finished run (which must be safe to call from concurrent runs).</summary>
    public static IRunCollector Finished(Action<ExperimentMember, IReadOnlyList<MetricsRow>> finished) => new Finishing(finished);

    private sealed class Group(IRunCollector[] collectors) : IRunCollector
    {
        public IReadOnlySet<int> FirmTicks(ExperimentMember member) => CensusTicks.Union(collectors.Select(c => c.FirmTicks(member)));

        public async ValueTask TickAsync(ExperimentMember member, SimulatedTick tick, CancellationToken cancellation)
        {
            foreach (var collector in collectors) await collector.TickAsync(member, tick, cancellation);
        }

        public async Task FinishedAsync(ExperimentMember member, IReadOnlyList<MetricsRow> rows, CancellationToken cancellation)
        {
            foreach (var collector in collectors) await collector.FinishedAsync(member, rows, cancellation);
        }
    }

    private sealed class Finishing(Action<ExperimentMember, IReadOnlyList<MetricsRow>> finished) : IRunCollector
    {
        public Task FinishedAsync(ExperimentMember member, IReadOnlyList<MetricsRow> rows, CancellationToken cancellation)
        {
            finished(member, rows);
            return Task.CompletedTask;
        }
    }
}
