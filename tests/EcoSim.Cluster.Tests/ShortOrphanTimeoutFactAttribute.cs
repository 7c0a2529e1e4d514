namespace EcoSim.Cluster.Tests;

/// <summary>
/// A fact that waits for the silos to release a detached run: it runs only on a cluster started with a short orphan
/// timeout (<c>ECOSIM_ORPHAN_TIMEOUT</c> of at most a minute, so it takes seconds, not the default ten minutes), and
/// reports itself as skipped otherwise, never as passed.
/// </summary>
public sealed class ShortOrphanTimeoutFactAttribute : FactAttribute
{
    /// <summary>The longest orphan timeout this test waits for.</summary>
    public static readonly TimeSpan Longest = TimeSpan.FromMinutes(1);

    public ShortOrphanTimeoutFactAttribute()
    {
        if (new ClusterFactAttribute().Skip is { } noCluster) { Skip = noCluster; return; }
        TimeSpan timeout;
        // A cluster that is not what ECOSIM_CLUSTER says is the test's to report, as a failure.
        try { timeout = ClusterOrphanTimeout; }
        catch (InvalidOperationException) { return; }
        if (timeout > Longest)
            Skip = $"the cluster keeps finished detached runs {timeout.TotalSeconds:0} s: start it with ECOSIM_ORPHAN_TIMEOUT=20 (seconds) to run this test";
    }

    /// <summary>
    /// How long the silos keep a detached run that has ended and that nobody observes: what scripts/cluster.sh was started
    /// with (ECOSIM_ORPHAN_TIMEOUT, which it keeps in its state folder), or the silos' default.
    /// </summary>
    public static TimeSpan ClusterOrphanTimeout
    {
        get
        {
            string file = Path.Combine(ClusterEnvironment.StateFolder, "orphan-timeout");
            return File.Exists(file)
                ? TimeSpan.FromSeconds(int.Parse(File.ReadAllText(file).Trim(), System.Globalization.CultureInfo.InvariantCulture))
                : Grains.DetachedRunOptions.DefaultOrphanTimeout;
        }
    }
}
