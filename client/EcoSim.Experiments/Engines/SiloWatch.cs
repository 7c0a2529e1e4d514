namespace EcoSim.Experiments.Engines;

/// <summary>
/// Waits for a call of a run while watching the cluster's active silos. A call whose silo was killed
/// may get no answer until the response timeout (<see cref="EcoSim.Hosting.CallTimeouts"/>, minutes, so
/// that a slow tick is not taken for a lost silo); once the cluster has declared a silo dead (about 20 s),
/// this gives up on the call at once with <see cref="SiloLostException"/>.
/// </summary>
/// <param name="grains">The cluster.</param>
/// <param name="silos">Active silos when the run started.</param>
/// <param name="poll">How often to count active silos while a call is pending (never for calls shorter than that).</param>
internal sealed class SiloWatch(IGrainFactory grains, int silos, TimeSpan poll)
{
    /// <summary>The result of <paramref name="call"/>, unless the cluster loses a silo first.</summary>
    public async Task<T> Guard<T>(Task<T> call, CancellationToken cancellation)
    {
        await Guard((Task)call, cancellation);
        return await call;
    }

    /// <summary>Waits for <paramref name="call"/>, unless the cluster loses a silo first.</summary>
    public async Task Guard(Task call, CancellationToken cancellation)
    {
        while (await Task.WhenAny(call, Task.Delay(poll, cancellation)) != call)
        {
            if (cancellation.IsCancellationRequested)
            {
                Abandon(call);
                cancellation.ThrowIfCancellationRequested();
            }
            if (await SiloCensus.CountAsync(grains) is int now && now < silos)
            {
                Abandon(call);
                throw new SiloLostException($"the cluster declared a silo dead during a call ({now} of {silos} silos active)");
            }
        }
        await call;
    }

    // The abandoned call still ends some day (usually with a timeout); its failure is expected and observed here.
    private static void Abandon(Task call) =>
        call.ContinueWith(t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
}
