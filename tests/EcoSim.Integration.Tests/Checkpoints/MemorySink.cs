using EcoSim.Experiments.Checkpoints;
using EcoSim.Model.Time;

namespace EcoSim.Integration.Tests.Checkpoints;

/// <summary>Checkpoints kept in memory by the ticks they were taken after, to compare their bytes.</summary>
internal sealed class MemorySink : ICheckpointSink
{
    public SortedDictionary<int, byte[]> Written { get; } = [];

    /// <summary>The ticks whose checkpoints were begun from a copy, to be written while the run went on (the others were written while it waited).</summary>
    public SortedSet<int> Begun { get; } = [];

    public Task BeginAsync(int tick, Period period, Action<Stream> write, CancellationToken cancellation)
    {
        lock (Begun) Begun.Add(tick);
        return ((ICheckpointSink)this).WriteAsync(tick, period, write, cancellation);
    }

    public async Task WriteAsync(int tick, Period period, Func<Stream, Task> write, CancellationToken cancellation)
    {
        using var bytes = new MemoryStream();
        await write(bytes);
        lock (Written) Written.Add(tick, bytes.ToArray());
    }
}
