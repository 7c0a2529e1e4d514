namespace EcoSim.Hosting;

/// <summary>The membership stores an EcoSim cluster can use (<see cref="EcoSimClusterOptions.Clustering"/>).</summary>
public static class EcoSimClustering
{
    /// <summary>Development clustering: silos join a primary silo on this machine; a client talks to one gateway.</summary>
    public const string Localhost = "localhost";
    /// <summary>A real membership table in Redis: any number of silos join it and clients find every gateway in it.</summary>
    public const string Redis = "redis";

    /// <summary>The normalized kind of <paramref name="options"/>.</summary>
    /// <exception cref="InvalidOperationException">The kind is neither <c>localhost</c> nor <c>redis</c>.</exception>
    public static string Of(EcoSimClusterOptions options) => options.Clustering.Trim().ToLowerInvariant() switch
    {
        Localhost => Localhost,
        Redis => Redis,
        _ => throw new InvalidOperationException(
            $"EcoSim:Cluster:Clustering is '{options.Clustering}'; expected '{Localhost}' or '{Redis}'"),
    };
}
