using EcoSim.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;

namespace EcoSim.Silo;

/// <summary>
/// Keeps a started silo running until it is told to stop; a silo of a Redis cluster whose row vanished from the
/// membership table (Redis restarted empty) starts itself again in place (<see cref="SelfRestart"/>) to join as a new silo.
/// </summary>
internal static class RunningSilo
{
    /// <summary>Waits for the shutdown of <paramref name="host"/>; returns the process' exit code.</summary>
    public static async Task<int> RunAsync(IHost host, EcoSimClusterOptions options, ClusterCredentials credentials, ILogger log)
    {
        var shutdown = host.WaitForShutdownAsync();
        if (EcoSimClustering.Of(options) != EcoSimClustering.Redis)
        {
            await shutdown;
            return 0;
        }
        var stopping = host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        var self = host.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress;
        var gone = MembershipRowWatch.WaitUntilGoneAsync(options, credentials, self, log, stopping);
        await Task.WhenAny(shutdown, gone);
        if (!gone.IsCompletedSuccessfully || stopping.IsCancellationRequested)
        {
            await shutdown;
            return 0;
        }
        // Written straight to the log file: the console logger's queue would not be flushed before the restart.
        Console.Out.WriteLine($"EcoSim silo rejoining: this silo ({self}) is no longer in the membership table in Redis (was Redis restarted empty?); " +
                              "starting it again to join the cluster as a new silo (its grains are lost; runs on it start again)");
        string problem = SelfRestart.Exec();
        Console.Error.WriteLine($"EcoSim silo: error: could not start again ({problem}); stopping: start it again to rejoin (scripts/cluster.sh revive)");
        return 3;
    }
}
