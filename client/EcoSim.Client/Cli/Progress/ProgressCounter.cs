namespace EcoSim.Client.Cli.Progress;

/// <summary>Thread-safe counts of runs and ticks done out of a known total, with the time since the start.</summary>
/// <param name="runs">Runs to do.</param>
/// <param name="ticksPerRun">Ticks in each run.</param>
/// <param name="clock">The clock; <see cref="TimeProvider.System"/> outside tests.</param>
internal sealed class ProgressCounter(int runs, int ticksPerRun, TimeProvider clock)
{
    private readonly long _started = clock.GetTimestamp();
    private long _ticksDone;
    private int _runsDone;

    /// <summary>Counts one tick; returns the ticks done so far.</summary>
    public long TickDone() => Interlocked.Increment(ref _ticksDone);

    /// <summary>Counts one run; returns the runs done so far.</summary>
    public int RunDone() => Interlocked.Increment(ref _runsDone);

    /// <summary>The counts and elapsed time now.</summary>
    public ProgressSnapshot Snapshot() =>
        new(Volatile.Read(ref _runsDone), runs, Interlocked.Read(ref _ticksDone), (long)runs * ticksPerRun, clock.GetElapsedTime(_started));
}
