using System.Diagnostics;

namespace EcoSim.Scale;

/// <summary>
/// The CPU time of a local cluster's processes (its silos and its Redis), read from the PID files that
/// <c>scripts/cluster.sh</c> keeps in <c>ECOSIM_CLUSTER_DIR</c>. A checkpoint on a cluster is mostly the silos' work
/// (encoding, writing to Redis), which the client's own CPU time does not see; on a machine shared with other work,
/// CPU time moves far less than the clock, so the bench adds these processes' time when it measures that cluster.
/// </summary>
internal static class ClusterProcessCpu
{
    /// <summary>Whether <c>ECOSIM_CLUSTER_DIR</c> names a folder with the cluster's PID files.</summary>
    public static bool Known => Folder() is not null;

    /// <summary>The CPU time the cluster's processes have used so far, or zero if they are not known.</summary>
    public static TimeSpan Total()
    {
        if (Folder() is not { } folder) return TimeSpan.Zero;
        long ticks = 0;
        foreach (var file in Directory.GetFiles(folder, "*.pid"))
        {
            if (!int.TryParse(File.ReadAllText(file).Trim(), out int pid)) continue;
            try
            {
                using var process = Process.GetProcessById(pid);
                ticks += process.TotalProcessorTime.Ticks;
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException) { /* a process that has ended counts nothing */ }
        }
        return new TimeSpan(ticks);
    }

    private static string? Folder() =>
        Environment.GetEnvironmentVariable("ECOSIM_CLUSTER_DIR") is { Length: > 0 } folder && Directory.Exists(folder) ? folder : null;
}
