using Spectre.Console;


namespace EcoSim.Client.Cli.Progress;

/// <summary>
/// Progress as a live bar on an interactive terminal (Spectre.Console), redrawn four times a second:
/// runs done, ticks done, rate and time left. Left on screen, complete or not, when disposed.
/// </summary>
internal sealed class LiveProgress : IProgressDisplay
{
    private static readonly TimeSpan Refresh = TimeSpan.FromMilliseconds(250);
    private readonly ProgressCounter _counter;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _display;

    /// <summary>Starts drawing on <paramref name="console"/>.</summary>
    public LiveProgress(IAnsiConsole console, int runs, int ticksPerRun)
    {
        _counter = new ProgressCounter(runs, ticksPerRun, TimeProvider.System);
        _display = console.Progress()
            .AutoClear(false)
            .Columns(new SpinnerColumn(), new ProgressBarColumn(), new PercentageColumn(), new TaskDescriptionColumn { Alignment = Justify.Left })
            .StartAsync(async context =>
            {
                var task = context.AddTask(Text(_counter.Snapshot()), autoStart: true, maxValue: Math.Max(1, (double)runs * ticksPerRun));
                while (!_stop.IsCancellationRequested)
                {
                    Show(task, _counter.Snapshot());
                    try { await Task.Delay(Refresh, _stop.Token); }
                    catch (OperationCanceledException) { break; }
                }
                Show(task, _counter.Snapshot());
                if (!_counter.Snapshot().Complete) task.StopTask();
            });
    }

    public void TickDone() => _counter.TickDone();

    public void RunDone() => _counter.RunDone();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _display;
        _stop.Dispose();
    }

    private static void Show(ProgressTask task, ProgressSnapshot now)
    {
        task.Value = now.TicksDone;
        task.Description = Text(now);
    }

    private static string Text(ProgressSnapshot now) => Markup.Escape(now.Complete ? $"done: {now.DescribeDone()}" : now.Describe());
}
