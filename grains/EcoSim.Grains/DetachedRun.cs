using EcoSim.Grains.Abstractions;

namespace EcoSim.Grains;

/// <summary>
/// What a run driven on the server keeps for its observers: what it was given, the rows of every finished tick, its
/// state, and when it was last seen (finished or observed), from which its release is timed. Observers waiting for the
/// next tick wait on <see cref="Changed"/>, which completes (and is replaced) whenever a tick finishes or the run ends.
/// </summary>
/// <param name="spec">What the client that detached the run gave it.</param>
internal sealed class DetachedRun(DetachedRunSpec spec)
{
    private readonly List<TickRows> _ticks = [];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>What the client gave the run.</summary>
    public DetachedRunSpec Spec => spec;
    /// <summary>Where the run is.</summary>
    public DetachedRunState State { get; private set; } = DetachedRunState.Running;
    /// <summary>Why it failed, or null.</summary>
    public string? Message { get; private set; }
    /// <summary>Ticks finished so far.</summary>
    public int Done => _ticks.Count;
    /// <summary>When the run was last finished or observed.</summary>
    public DateTimeOffset LastSeen { get; private set; } = DateTimeOffset.UtcNow;
    /// <summary>Completes at the next change.</summary>
    public Task Changed => _changed.Task;

    /// <summary>Keeps a finished tick's rows.</summary>
    public void Add(TickRows tick)
    {
        if (tick.Tick != _ticks.Count) throw new InvalidOperationException($"tick {tick.Tick} was delivered after {_ticks.Count} ticks");
        _ticks.Add(tick);
        Signal();
    }

    /// <summary>Marks the run finished, or failed with <paramref name="message"/>.</summary>
    public void End(string? message)
    {
        (State, Message, LastSeen) = (message is null ? DetachedRunState.Finished : DetachedRunState.Failed, message, DateTimeOffset.UtcNow);
        Signal();
    }

    /// <summary>Records an observation, which puts the run's release off.</summary>
    public void Seen() => LastSeen = DateTimeOffset.UtcNow;

    /// <summary>Whether the run has ended and nobody has seen it for <paramref name="timeout"/>.</summary>
    public bool Orphaned(TimeSpan timeout) => State != DetachedRunState.Running && DateTimeOffset.UtcNow - LastSeen >= timeout;

    /// <summary>The observation of the ticks after the first <paramref name="fromTick"/>, from a silo whose orphan timeout is <paramref name="orphanTimeout"/>.</summary>
    public RunObservation After(int fromTick, TimeSpan orphanTimeout) =>
        new(State, _ticks.Count, spec.World.Ticks, fromTick >= _ticks.Count ? [] : _ticks.GetRange(Math.Max(fromTick, 0), _ticks.Count - Math.Max(fromTick, 0)), Message, orphanTimeout);

    private void Signal()
    {
        var done = _changed;
        _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        done.SetResult();
    }
}
