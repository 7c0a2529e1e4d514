using EcoSim.Model.Time;

namespace EcoSim.Experiments.Checkpoints;

/// <summary>Where a run's checkpoints go: a folder of files, or memory (the explorer's, a comparison's shared history).</summary>
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

    /// <summary>
    /// Starts storing the checkpoint taken after <paramref name="tick"/> ticks, whose bytes <paramref name="write"/> writes
    /// from a copy of the state the run no longer touches (<see cref="EcoSim.Model.Snapshots.CapturedSnapshot"/>), and
    /// returns once it has begun, so that the bytes are encoded, hashed and written while the run goes on. Waits first for
    /// the checkpoint begun before, so one is written at a time and in order; <see cref="SettleAsync"/> waits for the last.
    /// A sink that cannot write in the background writes the bytes before it returns.
    /// </summary>
    /// <exception cref="Exception">The checkpoint begun before could not be stored (its failure).</exception>
    Task BeginAsync(int tick, Period period, Action<Stream> write, CancellationToken cancellation) => WriteAsync(tick, period, write, cancellation);

    /// <summary>Waits for the checkpoint begun last, if it is still being written.</summary>
    /// <exception cref="Exception">It could not be stored (its failure).</exception>
    Task SettleAsync() => Task.CompletedTask;
}
