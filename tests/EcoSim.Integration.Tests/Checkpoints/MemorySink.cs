using EcoSim.Experiments.Checkpoints;
using EcoSim.Model.Time;

namespace EcoSim.Integration.Tests.Checkpoints;

/// <summary>Checkpoints kept in memory by the ticks they were taken after, to compare their bytes.</summary>
internal sealed class MemorySink : ICheckpointSink
{
    public SortedDictionary<int, byte[]> Written { get; } = [];

    public async Task WriteAsync(int tick, Period period, Func<Stream, Task> write, CancellationToken cancellation)
    {
        using var bytes = new MemoryStream();
        await write(bytes);
        lock (Written) Written.Add(tick, bytes.ToArray());
    }
}
