namespace EcoSim.Experiments.Pipelines;

/// <summary>
/// Marks an experiment's first quarter and its end on the <see cref="RunTimeline"/> and passes every event
/// on: the first quarter carries the engine's warm-up (JIT, activations), the rest is the tick loop.
/// </summary>
internal sealed class TimelineProgress : IRunProgress
{
    private readonly IRunProgress _inner;
    private int _ticks;

    private TimelineProgress(IRunProgress inner) => _inner = inner;

    /// <summary><paramref name="inner"/> itself when the timeline is off, else wrapped.</summary>
    public static IRunProgress Around(IRunProgress inner) => RunTimeline.IsEnabled ? new TimelineProgress(inner) : inner;

    public void Report(ExperimentProgress value)
    {
        if (value.Step == ProgressStep.TickDone && Interlocked.Increment(ref _ticks) == 1) RunTimeline.Mark($"first quarter done (tick {value.Tick})");
        _inner.Report(value);
    }

    public async ValueTask DisposeAsync()
    {
        RunTimeline.Mark($"tick loop done ({_ticks} quarters)");
        await _inner.DisposeAsync();
    }
}
