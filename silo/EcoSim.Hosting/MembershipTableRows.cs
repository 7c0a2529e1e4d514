using System.Text.Json;
using StackExchange.Redis;

namespace EcoSim.Hosting;

/// <summary>One silo's row in the membership table: its address and what the cluster thinks of it.</summary>
/// <param name="Silo">The silo (address, port, generation).</param>
/// <param name="Status">Its status in the table (Active for a silo that takes calls).</param>
/// <param name="IAmAlive">When it last wrote that it is alive.</param>
public sealed record MembershipRow(SiloAddress Silo, SiloStatus Status, DateTime IAmAlive);

/// <summary>
/// Reads the membership table that Orleans keeps in Redis (one hash per cluster, one field per silo), for what
/// Orleans itself does not offer: a silo that checks its own row is still there (<see cref="MembershipRowWatch"/>)
/// and a <c>scripts/cluster.sh status</c> that compares the table with the silo processes.
/// </summary>
public static class MembershipTableRows
{
    /// <summary>The Redis key of a cluster's membership table; Orleans is told to use this one (see <c>ClusterMembership</c>).</summary>
    public static RedisKey Key(string serviceId, string clusterId) => $"{serviceId}/members/{clusterId}";

    /// <summary>Every silo row of the table of <paramref name="options"/>' cluster (none when the table is gone).</summary>
    /// <exception cref="RedisException">Redis did not answer.</exception>
    public static async Task<IReadOnlyList<MembershipRow>> ReadAsync(IDatabase redis, EcoSimClusterOptions options)
    {
        var fields = await redis.HashGetAllAsync(Key(options.ServiceId, options.ClusterId));
        var rows = new List<MembershipRow>();
        foreach (var field in fields)
            if (Parse(field.Value.ToString()) is { } row) rows.Add(row);
        return rows;
    }

    /// <summary>A connection to the cluster's Redis, logged in with its credentials, that keeps trying when Redis is away.</summary>
    public static Task<ConnectionMultiplexer> ConnectAsync(EcoSimClusterOptions options, ClusterCredentials credentials)
    {
        var configuration = ClusterMembership.RedisConfiguration(options, credentials);
        configuration.AbortOnConnectFail = false;
        return ConnectionMultiplexer.ConnectAsync(configuration);
    }

    // A silo's row is JSON with the silo's address as "host:port@generation"; the table's version field is not a row.
    private static MembershipRow? Parse(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("SiloAddress", out var address)) return null;
            string text = address.ValueKind == JsonValueKind.Object ? address.GetProperty("SiloAddress").GetString() ?? "" : address.GetString() ?? "";
            var status = (SiloStatus)root.GetProperty("Status").GetInt32();
            var alive = root.TryGetProperty("IAmAliveTime", out var time) ? time.GetDateTime() : DateTime.MinValue;
            return new MembershipRow(SiloAddress.FromParsableString(text), status, alive);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or KeyNotFoundException) { return null; }
    }
}
