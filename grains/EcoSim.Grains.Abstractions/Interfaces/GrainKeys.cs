using System.Globalization;

namespace EcoSim.Grains.Abstractions;

/// <summary>
/// Keys of a run's grains. Every grain of a run is keyed by the run id, so many runs coexist in one
/// cluster; the rest of the key names the entity.
/// </summary>
public static class GrainKeys
{
    /// <summary>Key of cluster <paramref name="cluster"/>'s grain.</summary>
    public static string Cluster(string runId, int cluster) => string.Create(CultureInfo.InvariantCulture, $"{runId}/c{cluster}");
    /// <summary>Key of shard <paramref name="shard"/> of cluster <paramref name="cluster"/>.</summary>
    public static string Shard(string runId, int cluster, int shard) => string.Create(CultureInfo.InvariantCulture, $"{runId}/c{cluster}/s{shard}");
    /// <summary>Key of lab shard <paramref name="shard"/> of cluster <paramref name="cluster"/>.</summary>
    public static string LabShard(string runId, int cluster, int shard) => string.Create(CultureInfo.InvariantCulture, $"{runId}/c{cluster}/l{shard}");
    /// <summary>The run id a grain key starts with.</summary>
    public static string RunOf(string key) => key.Split('/')[0];

    /// <summary>The number after <paramref name="prefix"/> in the key part that starts with it (e.g. 3 for "c3").</summary>
    /// <exception cref="FormatException">The key has no such part.</exception>
    public static int Number(string key, char prefix) =>
        TryNumber(key, prefix) ?? throw new FormatException($"grain key '{key}' has no '{prefix}' part");

    /// <summary>The number after <paramref name="prefix"/> in the key part that starts with it, or null if there is none.</summary>
    public static int? TryNumber(string key, char prefix)
    {
        foreach (var part in key.Split('/').Skip(1))
            if (part.Length > 1 && part[0] == prefix && int.TryParse(part.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out int n)) return n;
        return null;
    }
}
