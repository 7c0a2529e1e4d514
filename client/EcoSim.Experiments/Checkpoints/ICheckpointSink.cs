using EcoSim.Model.Time;

namespace EcoSim.Experiments.Checkpoints;

/// <summary>Where a run's checkpoints go (a folder of files today; a grain store later).</summary>
public interface ICheckpointSink
{
    /// <summary>Stores the checkpoint taken after <paramref name="tick"/> ticks (a run resumed from it starts with <paramref name="period"/>), whose bytes <paramref name="write"/> writes to the stream it is given.</summary>
    Task WriteAsync(int tick, Period period, Action<Stream> write, CancellationToken cancellation);
}
