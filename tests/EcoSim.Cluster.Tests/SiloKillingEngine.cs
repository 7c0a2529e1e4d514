using EcoSim.Experiments;
using System.Runtime.CompilerServices;
using EcoSim.Experiments.Engines;
using EcoSim.Model.Engine;
using EcoSim.Model.World;

namespace EcoSim.Cluster.Tests;

/// <summary>
/// Wraps an engine and kills silo processes (SIGKILL) while the call for tick <paramref name="killDuringTick"/>
/// is in flight: the processes to kill are chosen just before that tick starts, and killed just after.
/// </summary>
internal sealed class SiloKillingEngine(ISimulationEngine inner, int killDuringTick, Func<Task<IReadOnlyList<int>>> chooseProcesses) : ISimulationEngine
{
    /// <summary>The first process that was killed, once it was.</summary>
    public int? KilledProcess => KilledProcesses.Count > 0 ? KilledProcesses[0] : null;

    /// <summary>Every process that was killed, once they were.</summary>
    public IReadOnlyList<int> KilledProcesses { get; private set; } = [];

    /// <summary>When the processes were killed.</summary>
    public DateTime? KilledAt { get; private set; }

    public EngineKind Kind => inner.Kind;
    public int SiloCount => inner.SiloCount;
    public int FirmsPerShard => inner.FirmsPerShard;

    public IAsyncEnumerable<TickOutcome> RunAsync(WorldSpec world, CancellationToken cancellation) =>
        Killing(inner.RunAsync(world, cancellation), cancellation);

    public IAsyncEnumerable<SimulatedTick> RunAsync(WorldSpec world, IReadOnlySet<int> firmTicks, CancellationToken cancellation) =>
        Killing(inner.RunAsync(world, firmTicks, cancellation), cancellation);

    public IAsyncEnumerable<SimulatedTick> RunAsync(WorldSpec world, IReadOnlySet<int> firmTicks, Experiments.Checkpoints.RunCheckpoints checkpoints, CancellationToken cancellation) =>
        Killing(inner.RunAsync(world, firmTicks, checkpoints, cancellation), cancellation);

    private async IAsyncEnumerable<T> Killing<T>(IAsyncEnumerable<T> inner, [EnumeratorCancellation] CancellationToken cancellation)
    {
        await using var ticks = inner.GetAsyncEnumerator(cancellation);
        for (int delivered = 0; ; delivered++)
        {
            var victims = delivered == killDuringTick && KilledProcess is null ? await chooseProcesses() : [];
            var next = ticks.MoveNextAsync(); // the call for the next tick is now on its way...
            foreach (int pid in victims)
            {
                using var process = System.Diagnostics.Process.GetProcessById(pid);
                process.Kill(); // ...when its silo dies
            }
            if (victims.Count > 0)
            {
                KilledProcesses = victims;
                KilledAt = DateTime.UtcNow;
            }
            if (!await next) yield break;
            yield return ticks.Current;
        }
    }

    public Task<EcoSim.Model.Inspection.EntityState> InspectAsync(WorldSpec world, int ticks, EcoSim.Model.Inspection.EntityRef entity, CancellationToken cancellation) =>
        inner.InspectAsync(world, ticks, entity, cancellation);

    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
