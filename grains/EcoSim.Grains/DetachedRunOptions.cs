namespace EcoSim.Grains;

/// <summary>
/// How a silo keeps runs driven on the server (<see cref="Abstractions.IRunGrain.Detach"/>): how long a run that nobody
/// observes is kept, and how many ticks' rows a run may keep.
/// </summary>
public sealed class DetachedRunOptions
{
    /// <summary>The default <see cref="OrphanTimeout"/>: long enough to re-attach after a client is lost, short enough that forgotten runs do not pile up.</summary>
    public static readonly TimeSpan DefaultOrphanTimeout = TimeSpan.FromMinutes(10);

    /// <summary>
    /// A detached run is released this long after it finished (or failed) or after its last observation, whichever is later:
    /// its rows are dropped, and its grain only remembers that it was released (so that a late observer is told so) until the
    /// silo collects it. A run still running is never released for want of observers.
    /// </summary>
    public TimeSpan OrphanTimeout { get; set; } = DefaultOrphanTimeout;

    /// <summary>
    /// The most ticks a detached run may have. Its rows are kept until it is released: a tick's rows are a few kilobytes
    /// (one row per cluster and one for the region), so 10,000 ticks (2,500 years of quarters) stay within tens of megabytes.
    /// </summary>
    public int MaxTicks { get; set; } = 10_000;
}
