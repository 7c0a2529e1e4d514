using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using EcoSim.Experiments.Checkpoints;
using EcoSim.Grains.Abstractions;
using EcoSim.Model.Engine;
using EcoSim.Model.Inspection;
using EcoSim.Model.Metrics;
using EcoSim.Model.Snapshots;
using EcoSim.Model.State;
using EcoSim.Model.World;

namespace EcoSim.Experiments.Engines;

/// <summary>
/// Runs a world on an Orleans cluster through its run grain (see <see cref="RunAttempt"/>). The
/// cluster is an embedded silo or a remote one. It writes checkpoints and resumes them, each grain exporting
/// and importing its own part, in the reference engine's bytes. If a silo is lost mid-run, the run starts again
/// on the silos that are left from the newest snapshot it kept, else from its start (see <see cref="RestartPolicy"/>);
/// ticks already delivered are computed again, checked to be identical, and not delivered twice.
/// </summary>
public sealed class OrleansSimulation(IOrleansConnection connection, int firmsPerShard, RestartPolicy? restarts = null, int labsPerShard = RunLayout.DefaultLabsPerShard) : ISimulationEngine
{
    private readonly RestartPolicy _restarts = restarts ?? RestartPolicy.Default;
    private int _silos = connection.SiloCount;

    /// <inheritdoc/>
    public EngineKind Kind => EngineKind.Orleans;
    private string Name => Kind.Name();
    /// <summary>Active silos when the run started or, after a restart, those the run finished on.</summary>
    public int SiloCount => _silos;
    /// <inheritdoc/>
    public int FirmsPerShard => firmsPerShard;
    /// <summary>How a lost silo is survived: by starting again on the others, or (embedded) not at all.</summary>
    internal RestartPolicy Restarts => _restarts;

    /// <summary>
    /// Most firm slots (live firms and kept exits) a run may hold for a checkpoint file to be copied into this process and
    /// written while the run goes on; a larger one is written part by part from the grains while the run waits, so this
    /// process holds a few parts at a time, never a second copy of the firms (with an embedded silo, the same process as
    /// the grains). The reference engine's limit (<see cref="SnapshotCapture.CopiedFirmsLimit"/>).
    /// </summary>
    public long CopiedCheckpointFirms { get; init; } = SnapshotCapture.CopiedFirmsLimit;

    /// <summary>Runs whole in one grain each (<see cref="WholeRunSimulation"/>, on the same cluster) when <see cref="EnsembleLayout.RunsWhole"/>, else this engine.</summary>
    public ISimulationEngine ForMembers(int members, int parallelism, long firms) =>
        EnsembleLayout.RunsWhole(members, parallelism, firms) ? _wholeRuns ??= new WholeRunSimulation(connection, _restarts, this) : this;
    private WholeRunSimulation? _wholeRuns;

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
        // Exited firms are kept only until the census that reports them: the shards hold the living firms.
        var layout = new RunLayout(firmsPerShard, labsPerShard, CensusTicks.RetentionFor(firmTicks));
        var start = checkpoints?.Start;
        var delivered = new List<TickOutcome>();
        foreach (var done in start is null ? [] : CheckpointHistory.Ticks(start.History))
        {
            delivered.Add(done);
            yield return new SimulatedTick(done, null);
        }
        RecoveryCheckpoint? recovery = null;
        var store = _restarts.Restarts ? StoredCheckpoints.New(connection.Grains) : null;
        var pacer = new RestartPointPacer(_restarts, start?.World.Tick ?? 0);
        // What the firm slots after a tick are counted from: the dead firms a resumed run's state starts with.
        var slots = new FirmSlots(layout.ExitsKept, start?.World.Tick ?? 0, start is null ? 0 : FirmSlots.Dead(start.State));
        // Whether the run waits at a tick handed to its caller, where a caller that stops reading ends the run.
        bool handedOut = false;
        for (int attempt = 1; ; attempt++)
        {
            var run = new RunAttempt(connection.Grains);
            var watch = new SiloWatch(connection.Grains, _silos, _restarts.PollInterval, _restarts.Restarts ? SiloWatch.Silence : null);
            bool finished = false, restarting = false;
            Exception? failure = null;
            int tick = recovery?.Tick ?? start?.World.Tick ?? 0;
            try
            {
                RunSpans.Resume(span);
                var begun = recovery is not null ? RestoreFromStore(run, world, layout, store!, recovery.Tick)
                    : start is not null ? run.RestoreAsync(world, layout, RunSnapshot.Parts(start.World, start.History, start.State))
                    : run.StartAsync(world, layout);
                try { await watch.Guard(begun, cancellation); }
                catch (Exception e) when (MayRestart(attempt)) { failure = e; }
                Pipelines.RunTimeline.Mark("run started on the silo (population built)");
                for (; failure is null && tick < world.Ticks; tick++)
                {
                    cancellation.ThrowIfCancellationRequested();
                    TickOutcome outcome;
                    RunSpans.Resume(span);
                    long stepped = Stopwatch.GetTimestamp();
                    try { outcome = await watch.Guard(run.StepAsync(), cancellation); }
                    catch (Exception e) when (MayRestart(attempt)) { failure = e; break; }
                    pacer.Ticked(Stopwatch.GetElapsedTime(stepped));
                    if (outcome.Tick < delivered.Count)
                    {
                        if (!outcome.Rows.SequenceEqual(delivered[outcome.Tick].Rows))
                            throw new InvalidOperationException($"the restarted run computed different metrics for tick {outcome.Tick} than the first attempt: the run is not deterministic");
                        continue;
                    }
                    FirmCensus? census = null;
                    try
                    {
                        if (firmTicks.Contains(outcome.Tick)) census = await watch.Guard(run.FirmsAsync(outcome.Tick, world.ClusterCount), cancellation);
                        // Taken before the tick is delivered: a checkpoint lost with a silo is taken again when the tick is run again.
                        await watch.Guard(Checkpoint(run, world, outcome, delivered, checkpoints, store, pacer, slots, cancellation), cancellation);
                    }
                    catch (Exception e) when (MayRestart(attempt)) { failure = e; break; }
                    delivered.Add(outcome);
                    handedOut = true;
                    yield return new SimulatedTick(outcome, census);
                    handedOut = false;
                }
                if (failure is null)
                {
                    if (checkpoints?.Sink is { } sink) await sink.SettleAsync();
                    await run.StopAsync();
                    // The store keeps nothing of a finished run (a run given up on leaves a series that Redis expires).
                    if (store is not null) await store.ClearAsync();
                    RunSpans.RunDone(Name);
                    finished = true;
                    yield break;
                }
                _silos = await SilosAfter(failure);
                if (store is not null) recovery = await store.RestartPointAsync() is int stored ? new RecoveryCheckpoint(stored) : null;
                restarting = true;
            }
            finally
            {
                if (!finished) await run.AbandonAsync();
                // A run given up still waits for the checkpoint file being written, so no write outlives it; a restarted
                // run waits for it at its next checkpoint or its end, where a failure to write it is reported.
                if (!finished && !restarting && checkpoints?.Sink is { } sink)
                {
                    try { await sink.SettleAsync(); }
                    catch (Exception e) when (e is not OutOfMemoryException) { }
                }
                // A run its caller stopped (a released explorer run) is not restarted: its series goes with it.
                if (!finished && store is not null && (handedOut || cancellation.IsCancellationRequested)) await store.ClearAsync();
            }
            int from = recovery?.Tick ?? start?.World.Tick ?? 0;
            string point = from == 0 ? "from tick 0"
                : recovery is not null ? $"from the checkpoint after {from} ticks (resumed from quarter {world.PeriodOf(from)}) in the cluster's store"
                : $"from the checkpoint after {from} ticks (resumed from quarter {world.PeriodOf(from)})";
            _restarts.Log.WriteLine($"warning: a silo was lost during tick {tick + 1} ({SiloFailure.Describe(failure)}); " +
                                    $"restarting the run {point} on {_silos} silo{(_silos == 1 ? "" : "s")} (attempt {attempt + 1} of {_restarts.MaxAttempts})");
        }

        bool MayRestart(int attempt) => !cancellation.IsCancellationRequested && attempt < _restarts.MaxAttempts;

        // The silos left after a lost one; a failure that is not a lost silo is the run's own and is raised unchanged.
        async Task<int> SilosAfter(Exception failure)
        {
            if (SiloFailure.IsSiloLoss(failure))
                return await SiloCensus.WaitForLossAsync(connection.Grains, _silos, _restarts.SettleTimeout, _restarts.PollInterval, failure, cancellation);
            // Grains that came back empty on a surviving silo fail with the run's own errors; a smaller cluster tells why.
            if (await SiloCensus.CountAsync(connection.Grains) is int now && now < _silos) return now;
            ExceptionDispatchInfo.Throw(failure);
            return 0;
        }
    }

    /// <summary>
    /// After <paramref name="outcome"/>'s tick: the checkpoint the run asked for, if one is due, written to its sink; and,
    /// for a run that can restart, the checkpoint it hands to the cluster's store to restart from (when
    /// <paramref name="pacer"/> says one is due, or at its own checkpoints when it writes some and does not ask for paced
    /// restart points), whose writes go on while the run steps.
    /// </summary>
    /// <remarks>
    /// A checkpoint both written and kept is encoded once, by the grains for the store: the run waits until the store
    /// holds it, then the file is written from the parts the store confirmed, one cluster's at a time, with the metrics
    /// part this process encodes (<see cref="StoredCheckpoints.WriteSnapshotAsync"/>). One written only is copied out of
    /// the grains and written while the next ticks run when the run holds at most <see cref="CopiedCheckpointFirms"/>
    /// firm slots (counted by <paramref name="slots"/> from the rows), and otherwise written part by part from the grains
    /// while the run waits. Either way the tick is handed out only once its file is whole or being written from a copy,
    /// so a checkpoint lost with a silo is taken again when the tick is run again.
    /// </remarks>
    private async Task Checkpoint(RunAttempt run, WorldSpec world, TickOutcome outcome, IReadOnlyList<TickOutcome> delivered,
        RunCheckpoints? checkpoints, StoredCheckpoints? store, RestartPointPacer pacer, FirmSlots slots, CancellationToken cancellation)
    {
        int done = outcome.Tick + 1;
        // The checkpoint handed to the store after the tick before this one has had this tick to be written; it is
        // settled before the next, so the window in which a lost silo finds it half written is one tick.
        if (store is { InFlight: true }) await store.SettleAsync();
        bool written = checkpoints is { Sink: not null } && checkpoints.Schedule.Ticks.Contains(done);
        bool kept = store is not null && done < world.Ticks && (checkpoints is { Schedule.IsEmpty: false, PacedRestartPoints: false }
            ? checkpoints.Schedule.Ticks.Contains(done)
            : pacer.Due(done, store?.LastStored));
        if (!written && !kept) return;
        var scenario = checkpoints?.Scenario ?? UnnamedScenario;
        if (kept)
        {
            long begun = Stopwatch.GetTimestamp();
            await store!.BeginAsync(run, done, scenario);
            pacer.Took(done, Stopwatch.GetElapsedTime(begun));
        }
        if (!written) return;
        var sink = checkpoints!.Sink!;
        await sink.SettleAsync();
        IReadOnlyList<MetricsRow> history = [.. delivered.SelectMany(d => d.Rows), .. outcome.Rows];
        var period = world.PeriodOf(done);
        if (kept)
        {
            var record = (await store!.SettleAsync())!;
            var metrics = PartCodec.Metrics(history);
            await sink.WriteAsync(done, period, stream => store.WriteSnapshotAsync(stream, record, metrics), cancellation);
        }
        else if (slots.After([.. delivered, outcome]) <= CopiedCheckpointFirms)
        {
            // Copied out of the grains and written while the next ticks run.
            var taken = await run.CaptureSnapshotAsync(outcome.Tick, scenario, history);
            await sink.BeginAsync(done, period, taken.WriteTo, cancellation);
        }
        else await sink.WriteAsync(done, period, stream => run.WriteSnapshotAsync(stream, scenario, history), cancellation);
    }

    // A fresh run's grains take their parts from the store by the record the store holds, checked to be the newest one.
    private static async Task RestoreFromStore(RunAttempt run, WorldSpec world, RunLayout layout, StoredCheckpoints store, int tick) =>
        await run.RestoreAsync(world, layout, store, await store.ReadAsync(tick));

    // What a snapshot kept only to restart from records of a run that names no scenario (it is never written to a file).
    private static readonly ScenarioIdentity UnnamedScenario = new("(restart point)", "", "");

    /// <summary>
    /// Runs a fresh run to <paramref name="ticks"/>, reads the agent through the run grain, then releases the
    /// run. A silo lost on the way is handled as a run handles it: the inspection starts again from tick 0 on
    /// the silos that are left, rather than waiting for a call that will never be answered.
    /// </summary>
    /// <inheritdoc/>
    public async Task<EntityState> InspectAsync(WorldSpec world, int ticks, EntityRef entity, CancellationToken cancellation)
    {
        for (int attempt = 1; ; attempt++)
        {
            var run = new RunAttempt(connection.Grains);
            var watch = new SiloWatch(connection.Grains, _silos, _restarts.PollInterval, _restarts.Restarts ? SiloWatch.Silence : null);
            Exception failure;
            int tick = 0;
            try
            {
                // Its own run, which keeps every exit: any firm ever entered can be asked about.
                await watch.Guard(run.StartAsync(world, new RunLayout(firmsPerShard, labsPerShard, ExitRetention.Every)), cancellation);
                for (; tick < ticks; tick++) await watch.Guard(run.StepAsync(), cancellation);
                return await watch.Guard(run.InspectAsync(entity), cancellation);
            }
            catch (Exception e) when (!cancellation.IsCancellationRequested && attempt < _restarts.MaxAttempts && SiloFailure.IsSiloLoss(e))
            {
                failure = e;
            }
            finally
            {
                await run.AbandonAsync();
            }
            _silos = await SiloCensus.WaitForLossAsync(connection.Grains, _silos, _restarts.SettleTimeout, _restarts.PollInterval, failure, cancellation);
            _restarts.Log.WriteLine($"warning: a silo was lost during tick {tick + 1} ({SiloFailure.Describe(failure)}); " +
                                    $"restarting the inspection from tick 0 on {_silos} silo{(_silos == 1 ? "" : "s")} (attempt {attempt + 1} of {_restarts.MaxAttempts})");
        }
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => connection.DisposeAsync();
}
