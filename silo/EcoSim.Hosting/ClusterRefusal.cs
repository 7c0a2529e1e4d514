using Orleans.Runtime.Messaging;
using StackExchange.Redis;

namespace EcoSim.Hosting;

/// <summary>
/// Tells a client why a cluster would not let it in, in words that say what to do: Redis refused the
/// password (or got none), or every gateway broke off the connection, which is what a TLS gateway does
/// to a client without the cluster's certificate or with another cluster's.
/// </summary>
public static class ClusterRefusal
{
    private static readonly string Remedy =
        $"give the cluster's credentials folder with --cluster-credentials FOLDER or {ClusterCredentials.FolderVariable} ('scripts/cluster.sh credentials' prints it)";

    /// <summary>Whether <paramref name="failure"/> is Redis refusing our login: retrying cannot help.</summary>
    public static bool IsRedisLoginRefused(Exception failure) => Causes(failure).Any(e =>
        e is RedisConnectionException { FailureType: ConnectionFailureType.AuthenticationFailure }
        || e is RedisServerException server && (server.Message.Contains("NOAUTH", StringComparison.Ordinal) || server.Message.Contains("WRONGPASS", StringComparison.Ordinal)));

    /// <summary>
    /// A message for the user when <paramref name="failure"/>, raised while connecting to the cluster at
    /// <paramref name="address"/> with <paramref name="credentials"/>, is a refusal; null when it is something else.
    /// </summary>
    public static string? Explain(Exception failure, string address, ClusterCredentials credentials)
    {
        if (IsRedisLoginRefused(failure))
            return credentials.Secret is null
                ? $"the cluster {address} refused this client: its Redis asks for a password and none was given; {Remedy}"
                : $"the cluster {address} refused this client: its Redis refused the password given (another cluster's credentials?); {Remedy}";
        if (!Causes(failure).Any(e => e is ConnectionFailedException)) return null;
        string cause = Causes(failure).Last().Message;
        return credentials.UsesTls
            ? $"the cluster {address} refused this client: its gateways broke off the connection ({cause}). A gateway refuses a certificate " +
              $"that its own cluster authority did not issue (another cluster's credentials?), and one without TLS cannot talk to a client that uses it"
            : $"the cluster {address} refused this client: its gateways broke off the connection ({cause}). A cluster with TLS refuses a client " +
              $"without its certificate, or the gateway is not running; {Remedy}";
    }

    /// <summary>The failure and everything it wraps, depth first.</summary>
    internal static IEnumerable<Exception> Causes(Exception failure)
    {
        var pending = new Stack<Exception>([failure]);
        while (pending.Count > 0)
        {
            var e = pending.Pop();
            yield return e;
            if (e is AggregateException aggregate) foreach (var inner in aggregate.InnerExceptions) pending.Push(inner);
            else if (e.InnerException is { } inner) pending.Push(inner);
        }
    }
}
