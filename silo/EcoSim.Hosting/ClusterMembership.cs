using System.Net;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using StackExchange.Redis;

namespace EcoSim.Hosting;

/// <summary>Chooses the membership store of silos and the gateway list of clients from <see cref="EcoSimClusterOptions.Clustering"/>.</summary>
internal static class ClusterMembership
{
    private static readonly TimeSpan ConnectRetryBudget = TimeSpan.FromSeconds(10);

    /// <summary>Makes the silo join its cluster through the configured membership store, with the options' ids, and find lost silos in seconds (<see cref="LostSiloDetection"/>).</summary>
    public static ISiloBuilder UseEcoSimMembership(this ISiloBuilder silo, EcoSimClusterOptions options, ClusterCredentials credentials)
    {
        silo.Configure<ClusterMembershipOptions>(LostSiloDetection.Apply);
        if (EcoSimClustering.Of(options) == EcoSimClustering.Redis)
        {
            silo.UseRedisClustering(redis => Use(redis, options, credentials));
            silo.Configure<ClusterOptions>(cluster => Identify(cluster, options));
            return silo;
        }
        IPEndPoint? primary = options.PrimarySiloPort is int port ? new IPEndPoint(options.IpAddress, port) : null;
        return silo.UseLocalhostClustering(options.SiloPort, options.GatewayPort, primary, options.ServiceId, options.ClusterId);
    }

    /// <summary>
    /// Makes the client find gateways: every gateway in the Redis membership table, or the one static
    /// gateway; a first connection that keeps failing gives up after a few seconds.
    /// </summary>
    public static IClientBuilder UseEcoSimGateways(this IClientBuilder client, EcoSimClusterOptions options, ClusterCredentials credentials)
    {
        if (EcoSimClustering.Of(options) == EcoSimClustering.Redis)
            client.UseRedisClustering(redis => Use(redis, options, credentials));
        else
            client.UseStaticClustering(new IPEndPoint(options.IpAddress, options.GatewayPort));
        client.UseConnectionRetryFilter(new BoundedConnectionRetry(ConnectRetryBudget));
        return client.Configure<ClusterOptions>(cluster => Identify(cluster, options));
    }

    // The table's key is EcoSim's (the same as Orleans' default), so that MembershipTableRows reads the table Orleans writes.
    private static void Use(Orleans.Clustering.Redis.RedisClusteringOptions redis, EcoSimClusterOptions options, ClusterCredentials credentials)
    {
        redis.ConfigurationOptions = RedisConfiguration(options, credentials);
        redis.CreateRedisKey = cluster => MembershipTableRows.Key(cluster.ServiceId, cluster.ClusterId);
    }

    private static void Identify(ClusterOptions cluster, EcoSimClusterOptions options)
    {
        cluster.ClusterId = options.ClusterId;
        cluster.ServiceId = options.ServiceId;
    }

    /// <summary>
    /// The Redis connection: the configured connection string, logged in as <see cref="ClusterCredentials.RedisUser"/>
    /// with the cluster's password when there is one (a password in the connection string itself is kept out of
    /// the options on purpose: they reach command lines).
    /// </summary>
    internal static ConfigurationOptions RedisConfiguration(EcoSimClusterOptions options, ClusterCredentials credentials)
    {
        ConfigurationOptions redis;
        try { redis = ConfigurationOptions.Parse(options.Redis); }
        catch (ArgumentException e)
        {
            throw new InvalidOperationException($"EcoSim:Cluster:Redis '{options.Redis}' is not a Redis connection string (e.g. 127.0.0.1:6379): {e.Message}", e);
        }
        if (credentials.Secret is { } secret)
        {
            redis.User = ClusterCredentials.RedisUser;
            redis.Password = secret;
        }
        return redis;
    }
}
