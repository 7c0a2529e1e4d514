using EcoSim.Hosting;
using Microsoft.Extensions.Configuration;

namespace EcoSim.Silo;

/// <summary>
/// <c>membership [--EcoSim:Cluster:...]</c>: prints the cluster's membership table in Redis, one silo a line
/// (<c>ADDRESS:PORT STATUS SECONDS</c>, the seconds since it last wrote that it is alive), read with the same
/// settings a silo of the cluster is started with. <c>scripts/cluster.sh status</c> compares it with the silo
/// processes. Exit 0 when Redis answered (even with an empty table), 1 when it did not, 2 for bad settings.
/// </summary>
internal static class MembershipCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter errors)
    {
        var options = new ConfigurationBuilder().AddCommandLine(args).Build().GetSection(EcoSimClusterOptions.Section).Get<EcoSimClusterOptions>() ?? new();
        if (EcoSimClustering.Of(options) != EcoSimClustering.Redis)
        {
            errors.WriteLine("EcoSim silo: error: membership reads a Redis membership table: give --EcoSim:Cluster:Clustering=redis and the cluster's settings");
            return 2;
        }
        try
        {
            var credentials = ClusterCredentials.For(options);
            await using var redis = await MembershipTableRows.ConnectAsync(options, credentials);
            if (!redis.IsConnected)
            {
                errors.WriteLine($"EcoSim silo: error: Redis at {options.Redis} does not answer");
                return 1;
            }
            var now = DateTime.UtcNow;
            foreach (var row in (await MembershipTableRows.ReadAsync(redis.GetDatabase(), options)).OrderBy(r => r.Silo.ToString(), StringComparer.Ordinal))
                output.WriteLine($"{row.Silo.Endpoint} {row.Status} {Math.Max(0, (now - row.IAmAlive).TotalSeconds):0}");
            return 0;
        }
        catch (ClusterSecurityException e)
        {
            errors.WriteLine($"EcoSim silo: error: {e.Message}");
            return 2;
        }
        catch (StackExchange.Redis.RedisException e)
        {
            errors.WriteLine($"EcoSim silo: error: Redis at {options.Redis} did not answer ({e.Message.Split('\n', 2)[0]})");
            return 1;
        }
    }
}
