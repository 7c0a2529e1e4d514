
namespace EcoSim.Client.Cli.Progress;

/// <summary>
/// Progress as plain lines, for logs, CI and redirected output: a line each time another tenth of all
/// ticks is done or <paramref name="interval"/> has passed since the last line, whichever comes first,
/// and a final "done" line when every run has finished.
/// </summary>
/// <param name="writer">Where the lines go (standard error).</param>
/// <param name="runs">Runs to do.</param>
/// <param name="ticksPerRun">Ticks in each run.</param>
/// <param name="interval">Longest time between two lines while ticks are being done.</param>
/// <param name="clock">The clock; <see cref="TimeProvider.System"/> by default.</param>
internal sealed class PlainProgress(TextWriter writer, int runs, int ticksPerRun, TimeSpan interval, TimeProvider? clock = null) : IProgressDisplay
{
    private readonly ProgressCounter _counter = new(runs, ticksPerRun, clock ?? TimeProvider.System);
    private readonly Lock _lock = new();
    private int _tenthsShown;
    private TimeSpan _lastLine;

    public void TickDone()
    {
        _counter.TickDone();
        lock (_lock)
        {
            var now = _counter.Snapshot();
            int tenths = (int)Math.Floor(now.Fraction * 10);
            bool nextTenth = tenths > _tenthsShown && tenths < 10;
            bool overdue = now.Elapsed - _lastLine >= interval && now.TicksDone < now.Ticks;
            if (!nextTenth && !overdue) return;
            _tenthsShown = Math.Max(_tenthsShown, tenths);
            _lastLine = now.Elapsed;
            writer.WriteLine($"  progress: {now.Describe()}");
        }
    }

    public void RunDone() => _counter.RunDone();

    public ValueTask DisposeAsync()
    {
        var end = _counter.Snapshot();
        if (end.Complete)
            lock (_lock) writer.WriteLine($"  done: {end.DescribeDone()}");
        return ValueTask.CompletedTask;
    }
}
