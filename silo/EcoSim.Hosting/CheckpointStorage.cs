using EcoSim.Grains.Abstractions;

namespace EcoSim.Hosting;

/// <summary>
/// Where a silo keeps the checkpoints a run on the cluster restarts from (<see cref="CheckpointStoreKeys.StorageName"/>).
/// With Redis membership: Orleans grain persistence on the same Redis, with the cluster's password, so a part written
/// by a silo that is later lost is still there for the survivors. Otherwise (an embedded silo, a test cluster in one
/// process): memory, because all its silos live and die with one process and nothing could read a file it left.
/// </summary>
internal static class CheckpointStorage
{
    // A checkpoint outlives its run only if the client died with it; Redis then drops it after a day by itself.
    private static readonly TimeSpan Expiry = TimeSpan.FromDays(1);

    /// <summary>Adds the checkpoint store that fits <paramref name="options"/>' clustering.</summary>
    public static ISiloBuilder AddEcoSimCheckpointStorage(this ISiloBuilder silo, EcoSimClusterOptions options, ClusterCredentials credentials)
    {
        if (EcoSimClustering.Of(options) != EcoSimClustering.Redis) return silo.AddMemoryGrainStorage(CheckpointStoreKeys.StorageName);
        return silo.AddRedisGrainStorage(CheckpointStoreKeys.StorageName, redis =>
        {
            redis.ConfigurationOptions = ClusterMembership.RedisConfiguration(options, credentials);
            redis.EntryExpiry = Expiry;
        });
    }
}
