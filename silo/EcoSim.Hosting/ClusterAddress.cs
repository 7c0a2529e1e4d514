using System.Diagnostics.CodeAnalysis;
using System.Net;

namespace EcoSim.Hosting;

/// <summary>
/// How a user names a running cluster to a client: <c>host:port</c> of one gateway (localhost
/// clustering, e.g. <c>127.0.0.1:30000</c>) or <c>redis://host:port[/cluster-id]</c> of the Redis
/// membership table, through which the client finds every gateway (e.g. <c>redis://127.0.0.1:6379/ecosim</c>).
/// </summary>
public static class ClusterAddress
{
    /// <summary>The scheme of a Redis membership address.</summary>
    public const string RedisScheme = "redis";
    /// <summary>Port of a Redis address that names none.</summary>
    public const int DefaultRedisPort = 6379;

    /// <summary>Both forms, for help and error messages.</summary>
    public const string Forms = "host:port with an IP address and a port (e.g. 127.0.0.1:30000) or redis://host:port[/cluster-id] (e.g. redis://127.0.0.1:6379/ecosim)";

    /// <summary>Reads a cluster address into client options; false if it is neither form.</summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out EcoSimClusterOptions? options)
    {
        options = text.StartsWith(RedisScheme + "://", StringComparison.OrdinalIgnoreCase) ? ParseRedis(text) : ParseGateway(text);
        return options is not null;
    }

    private static EcoSimClusterOptions? ParseGateway(string text)
    {
        int colon = text.LastIndexOf(':');
        if (colon <= 0 || !IPAddress.TryParse(text[..colon], out _) || !int.TryParse(text[(colon + 1)..], out int port) || port is < 1 or > 65535) return null;
        return new EcoSimClusterOptions { Clustering = EcoSimClustering.Localhost, Address = text[..colon], GatewayPort = port };
    }

    private static EcoSimClusterOptions? ParseRedis(string text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Host.Length == 0 || uri.UserInfo.Length > 0 || uri.Query.Length > 0 || uri.Fragment.Length > 0)
            return null;
        string clusterId = uri.AbsolutePath.Trim('/');
        if (clusterId.Contains('/') || !clusterId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')) return null;
        int port = uri.IsDefaultPort || uri.Port < 0 ? DefaultRedisPort : uri.Port;
        var options = new EcoSimClusterOptions { Clustering = EcoSimClustering.Redis, Redis = $"{uri.Host}:{port}" };
        if (clusterId.Length > 0) options.ClusterId = clusterId;
        return options;
    }
}
