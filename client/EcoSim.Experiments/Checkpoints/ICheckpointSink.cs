using EcoSim.Model.Time;

namespace EcoSim.Experiments.Checkpoints;

/// <summary>Where a run's checkpoints go (a folder of files today; a grain store later).</summary>
public interface ICheckpointSink
{
    /// <summary>
    /// Stores the checkpoint taken after <paramref name="tick"/> ticks (a run resumed from it starts with <paramref name="period"/>),
    /// whose bytes <paramref name="write"/> writes to the stream it is given, as they come (the Orleans engine fetches them part by part).
    /// </summary>
    Task WriteAsync(int tick, Period period, Func<Stream, Task> write, CancellationToken cancellation);

    /// <summary>As <see cref="WriteAsync(int, Period, Func{Stream, Task}, CancellationToken)"/>, for bytes written at once.</summary>
    Task WriteAsync(int tick, Period period, Action<Stream> write, CancellationToken cancellation) =>
        WriteAsync(tick, period, stream =>
        {
            write(stream);
            return Task.CompletedTask;
        }, cancellation);
}
