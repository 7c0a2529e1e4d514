using EcoSim.Hosting;

namespace EcoSim.Experiments.Engines;

/// <summary>What the cluster said of its silos: how many are active, and whether every one of them is well.</summary>
/// <param name="Active">Active silos.</param>
/// <param name="Doubtful">Whether an active silo has a recent vote against it or did not answer: probably lost, not yet declared dead.</param>
internal readonly record struct Census(int Active, bool Doubtful);

/// <summary>Counts a cluster's active silos through its management grain, never throwing and never waiting long.</summary>
internal static class SiloCensus
{
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(5);

    // Orleans' DeathVoteExpirationTimeout, which EcoSim keeps: older votes no longer count.
    private static readonly TimeSpan FreshVote = TimeSpan.FromMinutes(2);

    /// <summary>Active silos, or null if the cluster did not answer in time.</summary>
    public static async Task<int?> CountAsync(IGrainFactory grains) => (await HostsAsync(grains.GetGrain<IManagementGrain>(0)))?.Length;

    /// <summary>Active silos, or null if the cluster did not answer in time.</summary>
    private static async Task<MembershipEntry[]?> HostsAsync(IManagementGrain management)
    {
        try { return await management.GetDetailedHosts(onlyActive: true).WaitAsync(CallTimeout); }
        catch (Exception e) when (e is not OutOfMemoryException) { return null; }
    }

    /// <summary>
    /// Active silos, and whether one of them is in doubt: others voted against it lately, or it did not answer
    /// when asked for its statistics (a silo killed with another is often declared dead seconds after the first);
    /// null if the cluster did not answer in time.
    /// </summary>
    public static async Task<Census?> TakeAsync(IGrainFactory grains)
    {
        var management = grains.GetGrain<IManagementGrain>(0);
        if (await HostsAsync(management) is not { } hosts) return null;
        var since = DateTime.UtcNow - FreshVote;
        bool suspected = hosts.Any(h => h.SuspectTimes?.Any(vote => vote.Item2 >= since) == true);
        bool answered;
        try
        {
            await management.GetRuntimeStatistics([.. hosts.Select(h => h.SiloAddress)]).WaitAsync(CallTimeout);
            answered = true;
        }
        catch (Exception e) when (e is not OutOfMemoryException) { answered = false; }
        return new Census(hosts.Length, suspected || !answered);
    }

    /// <summary>
    /// Waits until fewer than <paramref name="before"/> silos are active (the cluster has declared a lost silo
    /// dead) and none of the others is in doubt (when two silos die, the second may be declared dead seconds
    /// after the first; see <see cref="TakeAsync"/>), or until <paramref name="timeout"/> passes; returns the last count of active silos it
    /// got (or <paramref name="before"/> if the cluster answered only with that).
    /// </summary>
    /// <param name="census">Asks the cluster for its silos; null when it did not answer.</param>
    /// <param name="before">Active silos before the loss.</param>
    /// <param name="timeout">How long to wait for the cluster to declare the loss.</param>
    /// <param name="poll">How long to wait between two questions.</param>
    /// <param name="failure">The failure that revealed the loss, for the message if no silo is left.</param>
    /// <param name="cancellation">Ends the wait.</param>
    /// <exception cref="ClusterUnavailableException">No silo answered during the whole wait: there is none left to start again on.</exception>
    public static async Task<int> WaitForLossAsync(Func<Task<Census?>> census, int before, TimeSpan timeout, TimeSpan poll, Exception failure, CancellationToken cancellation)
    {
        var deadline = DateTime.UtcNow + timeout;
        int? last = null;
        while (true)
        {
            if (await census() is { } now)
            {
                last = now.Active;
                if (now.Active < before && !now.Doubtful) return now.Active;
            }
            if (DateTime.UtcNow >= deadline)
                return last ?? throw new ClusterUnavailableException(
                    $"every silo of the cluster was lost: none answered for {timeout.TotalSeconds:0} s after {SiloFailure.Describe(failure)}; " +
                    "there is no silo to start the run again on (start the cluster again, then run the command again)", failure);
            await Task.Delay(poll, cancellation);
        }
    }

    /// <inheritdoc cref="WaitForLossAsync(Func{Task{Census?}}, int, TimeSpan, TimeSpan, Exception, CancellationToken)"/>
    public static Task<int> WaitForLossAsync(IGrainFactory grains, int before, TimeSpan timeout, TimeSpan poll, Exception failure, CancellationToken cancellation) =>
        WaitForLossAsync(() => TakeAsync(grains), before, timeout, poll, failure, cancellation);
}
