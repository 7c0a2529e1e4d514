using System.Net;

namespace EcoSim.Hosting;

/// <summary>
/// Loopback by default, and never open to a network by accident: a silo bound to an address other
/// than loopback must have TLS (the cluster certificate) and, with Redis membership, the Redis
/// password, unless <see cref="EcoSimClusterOptions.InsecureNonLoopback"/> says plainly that anyone
/// who reaches the address may join. On loopback only this machine's users can connect, so a
/// development cluster needs neither.
/// </summary>
public static class ClusterExposure
{
    /// <summary>The setting that allows an exposed silo without credentials, as a silo's command line names it.</summary>
    public const string InsecureSetting = "--" + EcoSimClusterOptions.Section + ":" + nameof(EcoSimClusterOptions.InsecureNonLoopback) + "=true";

    /// <summary>Refuses a silo whose address is reachable from other machines while it lacks TLS or the Redis password.</summary>
    /// <exception cref="ClusterSecurityException">The silo would be open to anyone who reaches its address; the message says what is missing.</exception>
    public static void EnsureAllowed(EcoSimClusterOptions options, ClusterCredentials credentials)
    {
        var address = options.IpAddress;
        if (IPAddress.IsLoopback(address) || options.InsecureNonLoopback) return;
        var missing = new List<string>();
        if (!credentials.UsesTls) missing.Add("TLS (no cluster certificate)");
        if (EcoSimClustering.Of(options) == EcoSimClustering.Redis && credentials.Secret is null) missing.Add("a Redis password");
        if (missing.Count == 0) return;
        throw new ClusterSecurityException(
            $"refusing to bind {address}, which is not a loopback address, without {string.Join(" and ", missing)}: anyone who reaches it could join " +
            $"the cluster and call its grains. Give the cluster's credentials folder with --{EcoSimClusterOptions.Section}:{nameof(EcoSimClusterOptions.Credentials)}=FOLDER " +
            $"(scripts/cluster.sh makes one), or accept the risk explicitly with {InsecureSetting}");
    }
}
