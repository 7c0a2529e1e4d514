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
        bool keepHistory = checkpoints is { Schedule.IsEmpty: false };
        var run = await Task.Run(() => new ReferenceRun(world, start, exits, keepHistory), cancellation);
        Pipelines.RunTimeline.Mark("population built");
        foreach (var done in start is null ? [] : CheckpointHistory.Ticks(start.History)) yield return new SimulatedTick(done, null);
        // A checkpoint is copied out of the engine and written while the next ticks run (the engine uses one core). A
        // capture of its own each time: the engine's shards grow with every entrant, so kept columns would be copied into
        // new arrays anyway, and none outlives the file it is written to (an explorer's run keeps no copy between snapshots).
        var sink = keepHistory ? checkpoints!.Sink : null;
        try
        {
            while (run.Tick < world.Ticks)
            {
                cancellation.ThrowIfCancellationRequested();
                RunSpans.Resume(span);
                var outcome = await Task.Run(() => TimedStep(run), cancellation);
                if (sink is not null && checkpoints!.Schedule.Ticks.Contains(run.Tick))
                {
                    await sink.SettleAsync();
                    var taken = run.Capture(checkpoints.Scenario, CopiedCheckpointFirms, out bool copied);
                    await sink.BeginAsync(run.Tick, world.PeriodOf(run.Tick), taken.WriteTo, cancellation);
                    if (!copied) await sink.SettleAsync(); // taken in place: the engine may not step until it is written
                }
                yield return new SimulatedTick(outcome, firmTicks.Contains(outcome.Tick) ? new FirmCensus(outcome.Tick, run.Census()) : null);
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

    // One tick as a span of its own, counted in the engine's meters.
    private static TickOutcome TimedStep(ReferenceRun run)
    {
        long started = Stopwatch.GetTimestamp();
        double firms = run.Firms;
        using var span = EcoSimInstruments.Source.StartActivity("tick");
        span?.SetTag("ecosim.tick", run.Tick);
        var outcome = run.Step();
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

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
