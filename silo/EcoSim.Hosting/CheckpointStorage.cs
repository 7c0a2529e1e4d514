using EcoSim.Grains.Abstractions;
using EcoSim.Grains.Checkpoints;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.Persistence;
using Orleans.Serialization;
using Orleans.Storage;

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
        if (EcoSimClustering.Of(options) != EcoSimClustering.Redis) return silo.AddInMemoryCheckpointStorage();
        silo.AddRedisGrainStorage(CheckpointStoreKeys.StorageName, redis =>
        {
            redis.ConfigurationOptions = ClusterMembership.RedisConfiguration(options, credentials);
            redis.EntryExpiry = Expiry;
            // Orleans' Redis storage keeps a cleared key (an empty state and its version) unless told to delete it:
            // every removed checkpoint part would stay in Redis, a few hundred bytes each, until it expired.
            redis.DeleteStateOnClear = true;
        });
        silo.Services.AddOptions<RedisStorageOptions>(CheckpointStoreKeys.StorageName).Configure<Serializer>((redis, serializer) => redis.GrainStorageSerializer = Binary(serializer));
        return silo;
    }

    /// <summary>Adds the checkpoint store in memory (an embedded silo, a test cluster in one process).</summary>
    public static ISiloBuilder AddInMemoryCheckpointStorage(this ISiloBuilder silo)
    {
        silo.AddMemoryGrainStorage(CheckpointStoreKeys.StorageName);
        silo.Services.AddOptions<MemoryGrainStorageOptions>(CheckpointStoreKeys.StorageName).Configure<Serializer>((memory, serializer) => memory.GrainStorageSerializer = Binary(serializer));
        return silo;
    }

    // The parts' bytes go to the store as they are and the record through Orleans' binary serializer, never the default
    // JSON one, which would write bytes as base64 text (docs/PERFORMANCE.md, section 13).
    private static CheckpointStorageSerializer Binary(Serializer serializer) => new(serializer);
}
