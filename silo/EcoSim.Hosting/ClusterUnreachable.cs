using StackExchange.Redis;

namespace EcoSim.Hosting;

/// <summary>
/// Tells a client, in one line, why it could not reach a cluster that did not refuse it: the cluster's Redis
/// does not answer, or its membership table lists no gateway (no silo runs, or Redis was restarted empty and
/// the silos have not registered again yet). StackExchange.Redis' own advice (abortConnect=false) and Orleans'
/// provider names are no help to someone who typed <c>--cluster</c>.
/// </summary>
public static class ClusterUnreachable
{
    private const string Remedy = "'scripts/cluster.sh status' shows what runs and what the membership table holds";

    /// <summary>
    /// A message for the user when <paramref name="failure"/>, raised while connecting to the cluster at
    /// <paramref name="address"/> (membership in Redis at <paramref name="redis"/>, if any), means it cannot be
    /// reached; null when it is something else.
    /// </summary>
    public static string? Explain(Exception failure, string address, string? redis)
    {
        var causes = ClusterRefusal.Causes(failure).ToList();
        if (causes.OfType<RedisConnectionException>().FirstOrDefault(e => e.FailureType != ConnectionFailureType.AuthenticationFailure) is { } down)
            return $"the cluster {address} cannot be reached: its membership store, Redis at {redis}, does not answer ({Words(down.FailureType)}); {Remedy}";
        if (causes.Any(e => e is SiloUnavailableException))
            return $"the cluster {address} cannot be reached: its membership table lists no silo that takes clients (no silo runs, or Redis " +
                   $"was restarted empty and the silos have not registered again yet); {Remedy}";
        return null;
    }

    private static string Words(ConnectionFailureType failure) => failure switch
    {
        ConnectionFailureType.UnableToConnect or ConnectionFailureType.UnableToResolvePhysicalConnection => "nothing accepted the connection",
        ConnectionFailureType.SocketClosed or ConnectionFailureType.ConnectionDisposed => "it closed the connection",
        ConnectionFailureType.SocketFailure => "the connection failed",
        _ => $"StackExchange.Redis reports {failure}",
    };
}
