using System.Diagnostics;
using System.Runtime.CompilerServices;
using EcoSim.Experiments.Checkpoints;
using EcoSim.Model.Snapshots;
using EcoSim.Grains.Abstractions.Telemetry;
using EcoSim.Model.Engine;
using EcoSim.Model.Inspection;
using EcoSim.Model.Metrics;
using EcoSim.Model.State;
using EcoSim.Model.World;

namespace EcoSim.Experiments.Engines;

/// <summary>The single-threaded reference engine of EcoSim.Model, run in this process.</summary>
public sealed class ReferenceSimulation : ISimulationEngine
{
    /// <inheritdoc/>
    public EngineKind Kind => EngineKind.Reference;
    private string Name => Kind.Name();
    /// <inheritdoc/>
    public int SiloCount => 0;
    /// <inheritdoc/>
    public int FirmsPerShard => 0;

    /// <inheritdoc/>

    public async IAsyncEnumerable<TickOutcome> RunAsync(WorldSpec world, [EnumeratorCancellation] CancellationToken cancellation)
    {
        await foreach (var tick in RunAsync(world, EmptySet, cancellation)) yield return tick.Outcome;
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
        // Exited firms are kept only until the census that reports them: memory and checkpoints follow the living firms.
        var exits = CensusTicks.RetentionFor(firmTicks);
        var engine = await Task.Run(() => start is null ? new ReferenceEngine(world, exits) : ReferenceEngine.From(world, start.State, exits), cancellation);
        Pipelines.RunTimeline.Mark("population built");
        // The rows so far, which every checkpoint carries; kept only when checkpoints are written.
        var history = checkpoints is { Schedule.IsEmpty: false } ? new List<MetricsRow>() : null;
        foreach (var done in start is null ? [] : CheckpointHistory.Ticks(start.History))
        {
            history?.AddRange(done.Rows);
            yield return new SimulatedTick(done, null);
        }
        double firms = start?.History is { Count: > 0 } rows ? rows[^1][MetricColumns.Firms] : world.Firms;
        // A checkpoint is copied out of the engine and written while the next ticks run (the engine uses one core). A
        // capture of its own each time: the engine's shards grow with every entrant, so kept columns would be copied into
        // new arrays anyway, and none outlives the file it is written to (an explorer's run keeps no copy between snapshots).
        var sink = history is not null ? checkpoints!.Sink : null;
        try
        {
            while (engine.Tick < world.Ticks)
            {
                cancellation.ThrowIfCancellationRequested();
                RunSpans.Resume(span);
                var outcome = await Task.Run(() => TimedStep(engine, firms), cancellation);
                firms = outcome.Rows[^1][MetricColumns.Firms];
                history?.AddRange(outcome.Rows);
                if (sink is not null && checkpoints!.Schedule.Ticks.Contains(engine.Tick))
                {
                    await sink.SettleAsync();
                    var state = engine.State;
                    var taken = Capture(SnapshotWorld.Of(checkpoints.Scenario, world, engine.Tick, state.Labs.Length, state.Funds.Length), history!, state, out bool copied);
                    await sink.BeginAsync(engine.Tick, world.PeriodOf(engine.Tick), taken.WriteTo, cancellation);
                    if (!copied) await sink.SettleAsync(); // taken in place: the engine may not step until it is written

                }
                yield return new SimulatedTick(outcome, firmTicks.Contains(outcome.Tick) ? Census(engine, world, outcome.Tick) : null);
            }
            if (sink is not null) await sink.SettleAsync();
        }
        finally
        {
            // A run given up still waits for the checkpoint being written, so no write outlives it; its failure is the run's.
            if (sink is not null)
            {
                try { await sink.SettleAsync(); }
                catch (Exception e) when (e is not OutOfMemoryException) { }
            }
        }
        RunSpans.RunDone(Name);
    }

    /// <summary>
    /// Most firm slots (live firms and kept exits) a state may hold for its checkpoint to be copied and written while the
    /// run goes on; a larger one is written from the state in place while the run waits (<see cref="SnapshotCapture"/>).
    /// </summary>
    public long CopiedCheckpointFirms { get; init; } = SnapshotCapture.CopiedFirmsLimit;

    private CapturedSnapshot Capture(SnapshotWorld world, IReadOnlyList<MetricsRow> history, RunState state, out bool copied)
    {
        long firms = 0;
        foreach (var shard in state.Firms) firms += shard.Count + shard.ExitedCount;
        copied = firms <= CopiedCheckpointFirms;
        return copied ? new SnapshotCapture().Take(world, history, state) : new SnapshotCapture().TakeInPlace(world, history, state);
    }

    // One tick as a span of its own, counted in the engine's meters.
    private static TickOutcome TimedStep(ReferenceEngine engine, double firms)
    {
        long started = Stopwatch.GetTimestamp();
        using var span = EcoSimInstruments.Source.StartActivity("tick");
        span?.SetTag("ecosim.tick", engine.Tick);
        var outcome = engine.Step();
        EcoSimInstruments.TickDone(EngineKind.Reference.Name(), (long)firms, Stopwatch.GetElapsedTime(started));
        return outcome;
    }

    /// <inheritdoc/>
    public Task<EntityState> InspectAsync(WorldSpec world, int ticks, EntityRef entity, CancellationToken cancellation) => Task.Run(() =>
    {
        // Its own run, which keeps every exit: any firm ever entered can be asked about.
        var engine = new ReferenceEngine(world, ExitRetention.Every);
        while (engine.Tick < ticks)
        {
            cancellation.ThrowIfCancellationRequested();
            engine.Step();
        }
        return engine.Inspect(entity);
    }, cancellation);

    private static readonly IReadOnlySet<int> EmptySet = new HashSet<int>();

    private static FirmCensus Census(ReferenceEngine engine, WorldSpec world, int tick) =>
        new(tick, [.. Enumerable.Range(0, world.ClusterCount).Select(c => FirmColumns.Of(engine.FirmsOf(c)))]);

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
