namespace EcoSim.Experiments.Engines;

/// <summary>Counts a cluster's active silos through its management grain, never throwing and never waiting long.</summary>
internal static class SiloCensus
{
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Active silos, or null if the cluster did not answer in time.</summary>
    public static async Task<int?> CountAsync(IGrainFactory grains)
    {
        try { return (await grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true).WaitAsync(CallTimeout)).Count; }
        catch (Exception e) when (e is not OutOfMemoryException) { return null; }
    }

    /// <summary>
    /// Waits until fewer than <paramref name="before"/> silos are active (the cluster has declared a lost
    /// silo dead) or <paramref name="timeout"/> passes; returns the last count it got (or <paramref name="before"/>).
    /// </summary>
    public static async Task<int> WaitForLossAsync(IGrainFactory grains, int before, TimeSpan timeout, TimeSpan poll, CancellationToken cancellation)
    {
        var deadline = DateTime.UtcNow + timeout;
        int last = before;
        while (true)
        {
            if (await CountAsync(grains) is int count)
            {
                last = count;
                if (count < before) return count;
            }
            if (DateTime.UtcNow >= deadline) return last;
            await Task.Delay(poll, cancellation);
        }
    }
}
