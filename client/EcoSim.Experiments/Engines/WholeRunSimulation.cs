using System.Runtime.CompilerServices;
using EcoSim.Experiments.Checkpoints;
using EcoSim.Grains.Abstractions;
using EcoSim.Model.Engine;
using EcoSim.Model.Inspection;
using EcoSim.Model.Snapshots;
using EcoSim.Model.World;

namespace EcoSim.Experiments.Engines;

/// <summary>
/// The Orleans engine laid out for ensembles: each run whole in one grain activation (<see cref="IWholeRunGrain"/>, the
/// reference engine's loop inside the grain, so the same bytes), the runs spread over the silos, so that N runs side by
/// side keep N cores busy instead of filling each other's barriers. A batch of ticks per call; each tick is handed on as
/// it comes, a census only at a batch's last tick and a batch ends at every census and checkpoint. The grain is
/// deactivated when its run ends, however it ends. A run whose silo is lost starts again from its start (tick 0 or the
/// snapshot it continues) under <see cref="RestartPolicy"/> on the silos left; ticks already handed on are checked to be
/// identical and not handed on twice. <see cref="EnsembleLayout"/> says when an experiment runs this way.
/// </summary>
/// <param name="connection">The cluster; not disposed here (the sharded engine that made this one owns it).</param>
/// <param name="restarts">How a lost silo is survived.</param>
/// <param name="sharded">The sharded engine of the same cluster, which inspects agents.</param>
public sealed class WholeRunSimulation(IOrleansConnection connection, RestartPolicy restarts, ISimulationEngine sharded) : ISimulationEngine
{
    /// <summary>Ticks a grain runs per call: few calls a run, and each call well under a second for the baseline.</summary>
    internal const int TicksPerCall = 8;
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(10);
    private int _silos = connection.SiloCount;

    /// <inheritdoc/>
    public EngineKind Kind => EngineKind.Orleans;
    private string Name => Kind.Name();
    /// <inheritdoc/>
    public int SiloCount => _silos;
    /// <summary>0: no run of this layout has shard grains (a manifest records it so).</summary>
    public int FirmsPerShard => 0;

    /// <inheritdoc/>
    public ISimulationEngine ForMembers(int members, int parallelism, long firms) => this;

    /// <inheritdoc/>
    public async IAsyncEnumerable<TickOutcome> RunAsync(WorldSpec world, [EnumeratorCancellation] CancellationToken cancellation)
    {
        await foreach (var tick in RunAsync(world, new HashSet<int>(), cancellation)) yield return tick.Outcome;
    }

    /// <inheritdoc/>
    public IAsyncEnumerable<SimulatedTick> RunAsync(WorldSpec world, IReadOnlySet<int> firmTicks, CancellationToken cancellation) =>
        Run(world, firmTicks, null, cancellation);

    /// <inheritdoc/>
    public IAsyncEnumerable<SimulatedTick> RunAsync(WorldSpec world, IReadOnlySet<int> firmTicks, RunCheckpoints checkpoints, CancellationToken cancellation) =>
        Run(world, firmTicks, checkpoints, cancellation);

    private async IAsyncEnumerable<SimulatedTick> Run(WorldSpec world, IReadOnlySet<int> firmTicks, RunCheckpoints? checkpoints, [EnumeratorCancellation] CancellationToken cancellation)
    {
        using var span = RunSpans.StartRun(Name, world);
        var start = checkpoints?.Start;
        var delivered = new List<TickOutcome>();
        foreach (var done in start is null ? [] : CheckpointHistory.Ticks(start.History))
        {
            delivered.Add(done);
            yield return new SimulatedTick(done, null);
        }
        var sink = checkpoints is { Schedule.IsEmpty: false } ? checkpoints.Sink : null;
        // Exited firms are kept only until the census that reports them, as on the other layouts.
        var begin = new WholeRunStart(world, CensusTicks.RetentionFor(firmTicks), sink is not null, start is null ? null : Encode(start));
        int from = start?.World.Tick ?? 0;
        for (int attempt = 1; ; attempt++)
        {
            var grain = connection.Grains.GetGrain<IWholeRunGrain>($"whole-{Guid.NewGuid():N}");
            var watch = new SiloWatch(connection.Grains, _silos, restarts.PollInterval, restarts.Restarts ? SiloWatch.Silence : null);
            Exception? failure = null;
            int tick = from;
            try
            {
                try { await watch.Guard(grain.Start(begin), cancellation); }
                catch (Exception e) when (MayRestart(e, attempt)) { failure = e; }
                while (failure is null && tick < world.Ticks)
                {
                    cancellation.ThrowIfCancellationRequested();
                    RunSpans.Resume(span);
                    int count = BatchLength(tick, world.Ticks, firmTicks, sink is null ? null : checkpoints!.Schedule.Ticks);
                    int last = tick + count - 1;
                    WholeRunBatch batch;
                    byte[]? snapshot = null;
                    try
                    {
                        batch = await watch.Guard(grain.Step(count, firmTicks.Contains(last) && last >= delivered.Count), cancellation);
                        // Taken before the tick is handed on: a checkpoint lost with a silo is taken again when the tick is run again.
                        if (sink is not null && checkpoints!.Schedule.Ticks.Contains(last + 1) && last >= delivered.Count)
                            snapshot = await watch.Guard(grain.Snapshot(checkpoints.Scenario), cancellation);
                    }
                    catch (Exception e) when (MayRestart(e, attempt)) { failure = e; break; }
                    foreach (var rows in batch.Ticks)
                    {
                        var outcome = new TickOutcome(rows.Tick, rows.Rows);
                        tick = outcome.Tick + 1;
                        if (outcome.Tick < delivered.Count)
                        {
                            if (!outcome.Rows.SequenceEqual(delivered[outcome.Tick].Rows))
                                throw new InvalidOperationException($"the restarted run computed different metrics for tick {outcome.Tick} than the first attempt: the run is not deterministic");
                            continue;
                        }
                        bool isLast = outcome.Tick == last;
                        if (isLast && snapshot is not null)
                        {
                            var bytes = snapshot;
                            await sink!.WriteAsync(tick, world.PeriodOf(tick), stream => stream.Write(bytes), cancellation);
                        }
                        delivered.Add(outcome);
                        yield return new SimulatedTick(outcome, isLast && batch.Census is { } census ? new FirmCensus(outcome.Tick, census) : null);
                    }
                }
                if (failure is null)
                {
                    if (sink is not null) await sink.SettleAsync();
                    RunSpans.RunDone(Name);
                    yield break;
                }
            }
            finally
            {
                await StopAsync(grain);
            }
            _silos = await SiloCensus.WaitForLossAsync(connection.Grains, _silos, restarts.SettleTimeout, restarts.PollInterval, failure, cancellation);
            string point = from == 0 ? "from tick 0" : $"from the snapshot after {from} ticks it continues (quarter {world.PeriodOf(from)})";
            restarts.Log.WriteLine($"warning: a silo was lost during tick {tick + 1} ({SiloFailure.Describe(failure)}); " +
                                   $"restarting the run {point}, whole in one grain, on {_silos} silo{(_silos == 1 ? "" : "s")} (attempt {attempt + 1} of {restarts.MaxAttempts})");
        }

        // A call that reached a fresh activation (made after the cluster declared the grain's silo dead) lost the run as the silo did.
        bool MayRestart(Exception e, int attempt) => !cancellation.IsCancellationRequested && attempt < restarts.MaxAttempts && (SiloFailure.IsSiloLoss(e) || e is WholeRunLostException);
    }

    /// <summary>
    /// Ticks the next call runs from <paramref name="tick"/>: at most <see cref="TicksPerCall"/>, ending at the next tick
    /// whose census is asked for or after which a checkpoint is written (so a call carries one census at most, and a
    /// checkpoint is taken between calls), and at the run's end.
    /// </summary>
    internal static int BatchLength(int tick, int ticks, IReadOnlySet<int> censuses, IReadOnlySet<int>? checkpointsAfter)
    {
        int last = Math.Min(ticks, tick + TicksPerCall) - 1;
        for (int t = tick; t < last; t++)
            if (censuses.Contains(t) || checkpointsAfter?.Contains(t + 1) == true) return t - tick + 1;
        return last - tick + 1;
    }

    // A snapshot read by the client, as the bytes the grain reads (those of a checkpoint file).
    private static byte[] Encode(LoadedSnapshot start)
    {
        using var buffer = new MemoryStream();
        RunSnapshot.Write(buffer, start.World, start.History, start.State);
        return buffer.ToArray();
    }

    // The grain goes whether the run finished, failed or was given up; a grain on a lost silo went with it.
    private static async Task StopAsync(IWholeRunGrain grain)
    {
        try { await grain.Stop().WaitAsync(StopTimeout); }
        catch (Exception e) when (e is not OutOfMemoryException) { }
    }

    /// <inheritdoc/>
    public Task<EntityState> InspectAsync(WorldSpec world, int ticks, EntityRef entity, CancellationToken cancellation) =>
        sharded.InspectAsync(world, ticks, entity, cancellation);

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
