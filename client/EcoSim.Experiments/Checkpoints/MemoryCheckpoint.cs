using EcoSim.Model.Time;

namespace EcoSim.Experiments.Checkpoints;

/// <summary>
/// One checkpoint kept in memory instead of a file: a run that shares its history with another hands the
/// bytes over to it when it passes the tick, so the other run continues from there instead of computing the
/// same quarters again. The bytes are the same a checkpoint file would hold, so both engines read them.
/// </summary>
internal sealed class MemoryCheckpoint : ICheckpointSink
{
    private readonly TaskCompletionSource<byte[]> _bytes = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The snapshot's bytes, once the run writing it has passed its tick.</summary>
    public Task<byte[]> Bytes => _bytes.Task;

    /// <summary>Tells the waiting run that the writer failed or was cancelled before its tick, so it does not wait forever.</summary>
    public void Abandon(Exception? reason)
    {
        if (reason is null) _bytes.TrySetCanceled();
        else _bytes.TrySetException(reason);
    }

    /// <inheritdoc/>
    public async Task WriteAsync(int tick, Period period, Func<Stream, Task> write, CancellationToken cancellation)
    {
        using var buffer = new MemoryStream();
        await write(buffer);
        _bytes.TrySetResult(buffer.ToArray());
    }
}
