using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace EcoSim.Hosting;

/// <summary>
/// Watches that a silo's own row is still in the Redis membership table. Redis restarted empty (or flushed)
/// leaves every silo running but unknown to the cluster: clients find no gateway and Orleans does not insert a
/// lost row again. The silo's host waits on this and, when the row is gone, stops the silo and joins again as a
/// new one (see the standalone silo's Program), so the cluster heals instead of looking well while it is not.
/// </summary>
public static class MembershipRowWatch
{
    /// <summary>How often the row is looked for.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    /// <summary>Checks in a row that must miss the row before it counts as gone (a table being written is not an empty one).</summary>
    public const int MissesBeforeGone = 2;

    /// <summary>
    /// Completes when <paramref name="silo"/>'s row has been missing from the table of <paramref name="options"/>' cluster
    /// at <see cref="MissesBeforeGone"/> checks in a row; a Redis that does not answer is waited for, not taken for an empty one.
    /// </summary>
    public static async Task WaitUntilGoneAsync(EcoSimClusterOptions options, ClusterCredentials credentials, SiloAddress silo, ILogger log, CancellationToken cancellation)
    {
        await using var redis = await MembershipTableRows.ConnectAsync(options, credentials);
        var database = redis.GetDatabase();
        for (int misses = 0; misses < MissesBeforeGone;)
        {
            await Task.Delay(Interval, cancellation);
            try
            {
                var rows = await MembershipTableRows.ReadAsync(database, options);
                misses = rows.Any(r => r.Silo.Equals(silo)) ? 0 : misses + 1;
            }
            catch (RedisException e)
            {
                log.LogWarning("EcoSim silo: cannot read the membership table in Redis ({Reason}); trying again", e.Message);
            }
        }
    }
}
