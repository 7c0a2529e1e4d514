using System.Diagnostics;
using System.Threading.Channels;
using EcoSim.Experiments.Checkpoints;
using EcoSim.Experiments.Engines;
using EcoSim.Model.Engine;
using EcoSim.Model.Inspection;
using EcoSim.Model.Snapshots;

namespace EcoSim.Explorer.Runs;

/// <summary>
/// One run the explorer drives: a run on the engine (on Orleans, a run grain) whose ticks are pulled
/// one at a time, so it pauses between quarters for as long as the user likes, steps, or plays at a
/// speed. Every quarter done is kept (a few kilobytes each) so a page that reloads or subscribes late
/// draws the whole history, and each new quarter goes to every subscriber of the event stream.
/// A branch starts as a run of its parent's scenario with the branch's levers from the branch quarter
/// on, continuing the parent's newest in-memory snapshot (<see cref="SnapshotOnRequest"/>): taken where the
/// user paused or stepped to, and every <see cref="SnapshotEvery"/> quarters while playing, so a branch
/// computes at most that many quarters again. The shared quarters, from the snapshot's history and the
/// few computed again, are checked to be its parent's, bit for bit.
/// </summary>
public sealed class LiveRun : IAsyncDisposable
{
    private readonly object _lock = new();
    private readonly List<QuarterView> _quarters = [];
    private readonly List<Channel<RunEvent>> _listeners = [];
    private readonly SemaphoreSlim _tickGate = new(1, 1);
    private readonly CancellationTokenSource _life = new();
    private readonly ISimulationEngine _engine;
    private readonly TimeProvider _clock;
    private readonly IAsyncEnumerator<TickOutcome> _stream;
    private readonly SnapshotOnRequest _snapshots;
    private int _stepTarget = -1;
    private CancellationTokenSource? _play;
    private Task _playing = Task.CompletedTask;
    private RunStatus _status = RunStatus.Paused;
    private double _speed;
    private string? _error;
    private Task<IReadOnlyList<ClusterFirmSizes>>? _sizes;
    private int _sizesQuarters;

    private LiveRun(string id, string session, RunPlan plan, ISimulationEngine engine, TimeProvider clock, LiveRun? parent, int branchTick, LoadedSnapshot? start)
    {
        (Id, Session, Plan, _engine, _clock, Parent, BranchTick) = (id, session, plan, engine, clock, parent, branchTick);
        _snapshots = new SnapshotOnRequest(WantsSnapshot);
        StartTick = start?.World.Tick ?? 0;
        _stream = Outcomes(engine.RunAsync(plan.Scenario.World, NoCensus, _snapshots.For(plan.Scenario, start), _life.Token)).GetAsyncEnumerator(_life.Token);
        LastUsed = clock.GetUtcNow();
    }

    /// <summary>
    /// While playing, a snapshot is taken every this many quarters (as well as where the run pauses), so that a pause that
    /// lands between two quarters, in the wait of a slow speed, leaves a branch at most this many quarters to compute again.
    /// Each costs a copy of the state (see docs/PERFORMANCE.md, section 15).
    /// </summary>
    public const int SnapshotEvery = 8;

    private static readonly IReadOnlySet<int> NoCensus = new HashSet<int>();

    /// <summary>The run's id.</summary>
    public string Id { get; }
    /// <summary>The browser session (or API client) that owns it.</summary>
    public string Session { get; }
    /// <summary>What it runs.</summary>
    public RunPlan Plan { get; }
    /// <summary>The run it branched from, or null.</summary>
    public LiveRun? Parent { get; }
    /// <summary>For a branch, the first tick it computes apart from its parent; 0 otherwise.</summary>
    public int BranchTick { get; }
    /// <summary>The ticks done in the snapshot the run continued (0 for a run from its start): a branch computes only the ticks after it.</summary>
    public int StartTick { get; }
    /// <summary>The ticks done in the newest snapshot the run holds and its size, or null before the first.</summary>
    public (int Tick, long Bytes)? Snapshot => _snapshots.Newest;
    /// <summary>When the run was last asked for anything; idle runs are released (see <see cref="RunRegistry"/>).</summary>
    public DateTimeOffset LastUsed { get; private set; }

    /// <summary>Quarters done.</summary>
    public int Quarters { get { lock (_lock) return _quarters.Count; } }

    /// <summary>A new run of <paramref name="plan"/>, paused before its first quarter.</summary>
    public static LiveRun Start(string id, string session, RunPlan plan, ISimulationEngine engine, TimeProvider clock) =>
        new(id, session, plan, engine, clock, null, 0, null);

    /// <summary>
    /// A branch of <paramref name="parent"/> at its present quarter, running <paramref name="plan"/>, whose
    /// history before that quarter must be the parent's: it continues the parent's newest snapshot, computes the
    /// quarters between it and the branch quarter again, compares every shared quarter, and is refused if any differs.
    /// </summary>
    /// <exception cref="InvalidOperationException">A recomputed quarter differs from the parent's: the run is not deterministic.</exception>
    public static async Task<LiveRun> BranchAsync(string id, LiveRun parent, RunPlan plan, TimeProvider clock, CancellationToken cancellation)
    {
        var shared = parent.QuartersFrom(0);
        var start = parent._snapshots.Before(shared.Count, plan.Scenario.World);
        var branch = new LiveRun(id, parent.Session, plan, parent._engine, clock, parent, shared.Count, start);
        try
        {
            foreach (var quarter in shared)
            {
                cancellation.ThrowIfCancellationRequested();
                if (!await branch._stream.MoveNextAsync()) throw new InvalidOperationException($"the branch ended before {quarter.Period}");
                var again = View(branch._stream.Current, plan);
                if (!Same(again, quarter))
                    throw new InvalidOperationException($"the branch computed {quarter.Period} differently from its parent: the run is not deterministic");
                lock (branch._lock) branch._quarters.Add(quarter);
            }
            return branch;
        }
        catch
        {
            await branch.DisposeAsync();
            throw;
        }
    }

    /// <summary>The run as the API shows it.</summary>
    public RunView View()
    {
        lock (_lock) return ViewLocked();
    }

    /// <summary>The quarters done from tick <paramref name="from"/> on.</summary>
    public IReadOnlyList<QuarterView> QuartersFrom(int from)
    {
        lock (_lock) return from >= _quarters.Count ? [] : _quarters.GetRange(Math.Max(0, from), _quarters.Count - Math.Max(0, from));
    }

    /// <summary>Marks the run as used now.</summary>
    public void Touch() => LastUsed = _clock.GetUtcNow();

    /// <summary>
    /// The quarters done from <paramref name="from"/> and, after them, every event to come, with no gap
    /// between the two; the reader completes when the run is released.
    /// </summary>
    public (IReadOnlyList<QuarterView> Done, ChannelReader<RunEvent> Coming) Subscribe(int from)
    {
        var channel = Channel.CreateUnbounded<RunEvent>(new UnboundedChannelOptions { SingleReader = true });
        lock (_lock)
        {
            if (_life.IsCancellationRequested) channel.Writer.TryComplete();
            else _listeners.Add(channel);
            return (QuartersFrom(from), channel.Reader);
        }
    }

    /// <summary>Stops sending events to a subscriber that has gone.</summary>
    public void Unsubscribe(ChannelReader<RunEvent> reader)
    {
        lock (_lock) _listeners.RemoveAll(c => c.Reader == reader);
    }

    /// <summary>Runs up to <paramref name="quarters"/> more quarters (fewer at the scenario's end). Refused while playing.</summary>
    /// <exception cref="RunStateException">The run is playing, finished or failed.</exception>
    public async Task StepAsync(int quarters, CancellationToken cancellation)
    {
        lock (_lock)
        {
            if (_status == RunStatus.Playing) throw new RunStateException("the run is playing: pause it before stepping");
            EnsureRunnable();
            _stepTarget = _quarters.Count + quarters;
        }
        for (int i = 0; i < quarters && await NextAsync(cancellation); i++) { }
    }

    /// <summary>Plays the run at <paramref name="speed"/> quarters per second (0: as fast as the engine goes) until it ends or is paused.</summary>
    /// <exception cref="RunStateException">The run is finished or failed.</exception>
    public void Play(double speed)
    {
        lock (_lock)
        {
            EnsureRunnable();
            _speed = speed;
            if (_status == RunStatus.Playing) { Publish(RunEvent.Of(ViewLocked())); return; }
            _status = RunStatus.Playing;
            _play = CancellationTokenSource.CreateLinkedTokenSource(_life.Token);
            var token = _play.Token;
            _playing = Task.Run(() => PlayLoop(token));
            Publish(RunEvent.Of(ViewLocked()));
        }
    }

    /// <summary>Pauses a playing run after the quarter in progress.</summary>
    public async Task PauseAsync()
    {
        Task playing;
        lock (_lock)
        {
            _play?.Cancel();
            playing = _playing;
        }
        await playing;
        lock (_lock)
        {
            if (_status != RunStatus.Playing) return;
            _status = RunStatus.Paused;
            Publish(RunEvent.Of(ViewLocked()));
        }
    }

    /// <summary>The state of one agent at the run's present quarter (the engine runs a copy to that quarter).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The run has no such agent; the message names the allowed range.</exception>
    public Task<EntityState> InspectAsync(EntityRef entity, CancellationToken cancellation) =>
        _engine.InspectAsync(Plan.Scenario.World, Math.Max(1, Quarters), entity, cancellation);

    /// <summary>
    /// Every cluster's firm-size distribution at the run's present quarter. The engine keeps no census of a
    /// paused run, so a copy is run to that quarter with a census of its last tick, as Inspect runs one; the
    /// answer is kept until the run moves on.
    /// </summary>
    /// <exception cref="RunStateException">The run has no quarter yet.</exception>
    public Task<IReadOnlyList<ClusterFirmSizes>> FirmSizesAsync(CancellationToken cancellation)
    {
        int quarters = Quarters;
        if (quarters == 0) throw new RunStateException("the run has no quarter yet: step or play it first");
        lock (_lock)
        {
            if (_sizes is { } known && _sizesQuarters == quarters && !known.IsFaulted && !known.IsCanceled) return known;
            _sizesQuarters = quarters;
            return _sizes = CensusAsync(quarters, _life.Token);
        }
    }

    private async Task<IReadOnlyList<ClusterFirmSizes>> CensusAsync(int quarters, CancellationToken cancellation)
    {
        var world = Plan.Scenario.World with { Ticks = quarters };
        FirmCensus? census = null;
        // The sizes are the live firms': the copy keeps no exited firm.
        await foreach (var tick in _engine.RunAsync(world, new CensusTicks([quarters - 1], []), cancellation))
            census = tick.Firms ?? census;
        if (census is null) throw new InvalidOperationException($"the engine gave no census of tick {quarters - 1}");
        return FirmSizes.Of(census, world.PeriodOf(quarters - 1).ToString(), [.. world.Clusters.Select(c => c.Id)]);
    }

    /// <summary>Stops the run, releases its grains and ends every event stream.</summary>
    public async ValueTask DisposeAsync()
    {
        lock (_lock)
        {
            if (_life.IsCancellationRequested) return;
            _life.Cancel();
        }
        try { await _playing; } catch (OperationCanceledException) { }
        await _tickGate.WaitAsync();
        try { await _stream.DisposeAsync(); }
        catch (OperationCanceledException) { }
        finally { _tickGate.Release(); }
        lock (_lock)
        {
            foreach (var listener in _listeners) listener.Writer.TryComplete();
            _listeners.Clear();
        }
        _snapshots.Clear();
    }

    // Asked by the engine after each tick, before it is delivered: a snapshot where the run will stop (the end of a step, a pause
    // asked for during the tick) and every few quarters while playing; none at the scenario's end, where nothing can branch.
    private bool WantsSnapshot(int done)
    {
        if (done >= Plan.Scenario.World.Ticks || _life.IsCancellationRequested) return false;
        lock (_lock) return done == _stepTarget || done % SnapshotEvery == 0 || (_status == RunStatus.Playing && _play is { IsCancellationRequested: true });
    }

    private static async IAsyncEnumerable<TickOutcome> Outcomes(IAsyncEnumerable<SimulatedTick> ticks)
    {
        await foreach (var tick in ticks) yield return tick.Outcome;
    }

    private async Task PlayLoop(CancellationToken token)
    {
        try
        {
            while (!token.IsCancellationRequested)
            {
                long started = Stopwatch.GetTimestamp();
                if (!await NextAsync(token)) return;
                double speed;
                lock (_lock) speed = _speed;
                if (speed > 0)
                {
                    var wait = TimeSpan.FromSeconds(1 / speed) - Stopwatch.GetElapsedTime(started);
                    if (wait > TimeSpan.Zero) await Task.Delay(wait, _clock, token);
                }
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested) { }
    }

    // One quarter; false when the run cannot go on (finished, failed or released).
    private async Task<bool> NextAsync(CancellationToken cancellation)
    {
        await _tickGate.WaitAsync(cancellation);
        try
        {
            lock (_lock) if (_status is RunStatus.Finished or RunStatus.Failed || _life.IsCancellationRequested) return false;
            bool more;
            try { more = await _stream.MoveNextAsync(); }
            catch (OperationCanceledException) when (_life.IsCancellationRequested) { return false; }
            catch (Exception e)
            {
                lock (_lock) { _status = RunStatus.Failed; _error = e.GetBaseException().Message; Publish(RunEvent.Of(ViewLocked())); }
                return false;
            }
            lock (_lock)
            {
                if (!more)
                {
                    _status = RunStatus.Finished;
                    Publish(RunEvent.Of(ViewLocked()));
                    return false;
                }
                var quarter = View(_stream.Current, Plan);
                _quarters.Add(quarter);
                Publish(RunEvent.Of(quarter));
                if (_quarters.Count < Plan.Scenario.World.Ticks) return true;
            }
            await EndAsync();
            return false;
        }
        finally { _tickGate.Release(); }
    }

    // After the last quarter the engine is asked once more, so that it ends the run as a batch run ends: on a cluster it
    // stops the run's grains and clears its restart points from the store now, not when the finished run is released.
    private async Task EndAsync()
    {
        string? error = null;
        try { await _stream.MoveNextAsync(); }
        catch (OperationCanceledException) when (_life.IsCancellationRequested) { }
        catch (Exception e) { error = $"every quarter is done, but ending the run on the engine failed: {e.GetBaseException().Message}"; }
        lock (_lock)
        {
            _status = RunStatus.Finished;
            _error = error;
            Publish(RunEvent.Of(ViewLocked()));
        }
    }

    private void EnsureRunnable()
    {
        if (_status == RunStatus.Finished) throw new RunStateException("the run has reached the end of its scenario");
        if (_status == RunStatus.Failed) throw new RunStateException($"the run failed: {_error}");
    }

    private RunView ViewLocked()
    {
        var world = Plan.Scenario.World;
        return new RunView(Id, Plan.Scenario.Name, Plan.ScenarioFile, world.Seed, _status, _quarters.Count, world.Ticks, _speed, Plan.Levers,
            Parent?.Id, Parent is null ? null : world.PeriodOf(BranchTick).ToString(), [.. world.Clusters.Select(c => c.Id)], _error, world.Firms, world.Start.ToString(),
            [.. Plan.Facilities.Select(f => Library.Facilities.SettingOf(f, world))], [.. Plan.TalentProgrammes.Select(p => Library.TalentProgrammes.SettingOf(p, world))]);
    }

    private void Publish(RunEvent message)
    {
        foreach (var listener in _listeners) listener.Writer.TryWrite(message);
    }

    private static QuarterView View(TickOutcome outcome, RunPlan plan) =>
        new(outcome.Tick, plan.Scenario.World.PeriodOf(outcome.Tick).ToString(), [.. outcome.Rows[^1].Values],
            [.. outcome.Rows.Take(outcome.Rows.Count - 1).Select(row => row.Values.ToArray())]);

    private static bool Same(QuarterView a, QuarterView b) =>
        a.Tick == b.Tick && a.Region.AsSpan().SequenceEqual(b.Region) && a.Clusters.Length == b.Clusters.Length
        && a.Clusters.Zip(b.Clusters).All(pair => pair.First.AsSpan().SequenceEqual(pair.Second));
}

/// <summary>A request the run cannot take in its present state (HTTP 409).</summary>
/// <param name="message">What the run is doing and what to do instead.</param>
public sealed class RunStateException(string message) : Exception(message);
