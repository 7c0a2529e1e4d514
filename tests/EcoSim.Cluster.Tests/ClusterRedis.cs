using EcoSim.Hosting;
using StackExchange.Redis;

namespace EcoSim.Cluster.Tests;

/// <summary>The cluster's Redis as a test reads it, to see what the cluster's store holds.</summary>
internal static class ClusterRedis
{
    /// <summary>The cluster's Redis as the silos reach it: the address's host and port, the cluster's user and secret.</summary>
    public static ConfigurationOptions Options()
    {
        var options = ClusterEnvironment.Options;
        var redis = ConfigurationOptions.Parse(options.Redis);
        redis.User = ClusterCredentials.RedisUser;
        redis.Password = ClusterCredentialFiles.Read(ClusterEnvironment.CredentialsFolder).Secret;
        redis.AllowAdmin = true;
        return redis;
    }
}
