namespace EcoSim.Experiments.Engines;

/// <summary>
/// Waits for a call of a run while watching the cluster's active silos. A call whose silo was killed
/// may get no answer until the response timeout (<see cref="EcoSim.Hosting.CallTimeouts"/>, minutes, so
/// that a slow tick is not taken for a lost silo); once the cluster has declared a silo dead (about 20 s),
/// this gives up on the call at once with <see cref="SiloLostException"/>. A cluster whose every silo was killed
/// declares nothing, since no silo is left to vote: once no silo has answered for <see cref="Silence"/>, the call
/// is given up as well, instead of waiting out the response timeout.
/// </summary>
/// <param name="grains">The cluster.</param>
/// <param name="silos">Active silos when the run started.</param>
/// <param name="poll">How often to count active silos while a call is pending (never for calls shorter than that).</param>
/// <param name="silence">
/// How long an unanswered census gives up the call, or null for never: an embedded silo dies only with this process,
/// so a census it leaves unanswered is a busy silo, not a lost one (<see cref="Silence"/> where a run may restart).
/// </param>
internal sealed class SiloWatch(IGrainFactory grains, int silos, TimeSpan poll, TimeSpan? silence)
{
    /// <summary>
    /// How long the census may go unanswered while a call waits before the call is taken as lost with every silo.
    /// Each try of the census waits 5 s for an answer, which a busy silo still gives; the call itself would wait 5 minutes.
    /// </summary>
    public static readonly TimeSpan Silence = TimeSpan.FromSeconds(30);

    /// <summary>The result of <paramref name="call"/>, unless the cluster loses a silo first.</summary>
    public async Task<T> Guard<T>(Task<T> call, CancellationToken cancellation)
    {
        await Guard((Task)call, cancellation);
        return await call;
    }

    /// <summary>Waits for <paramref name="call"/>, unless the cluster loses a silo first.</summary>
    public async Task Guard(Task call, CancellationToken cancellation)
    {
        DateTime? silentSince = null;
        while (await Task.WhenAny(call, Task.Delay(poll, cancellation)) != call)
        {
            if (cancellation.IsCancellationRequested)
            {
                Abandon(call);
                cancellation.ThrowIfCancellationRequested();
            }
            int? now = await SiloCensus.CountAsync(grains);
            if (now < silos)
            {
                Abandon(call);
                throw new SiloLostException($"the cluster declared a silo dead during a call ({now} of {silos} silos active)");
            }
            silentSince = now is null ? silentSince ?? DateTime.UtcNow : null;
            if (silence is TimeSpan limit && DateTime.UtcNow - silentSince >= limit)
            {
                Abandon(call);
                throw new SiloLostException($"no silo of the cluster answered for {limit.TotalSeconds:0} s during a call");
            }
        }
        await call;
    }

    // The abandoned call still ends some day (usually with a timeout); its failure is expected and observed here.
    private static void Abandon(Task call) =>
        call.ContinueWith(t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
}
