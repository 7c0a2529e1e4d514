namespace EcoSim.Hosting;

/// <summary>
/// Lets a client retry its first connection to the cluster for a short while (a silo may be a second
/// away from opening its gateway), then give up with the cluster's own error instead of retrying for
/// minutes, as it would by default for a wrong address or cluster id. A refused Redis login is final
/// at once: waiting does not make a wrong password right.
/// </summary>
/// <param name="budget">How long to keep retrying, from the first failure.</param>
internal sealed class BoundedConnectionRetry(TimeSpan budget) : IClientConnectionRetryFilter
{
    private static readonly TimeSpan Pause = TimeSpan.FromSeconds(1);
    private DateTime? _giveUpAt;

    /// <inheritdoc/>
    public async Task<bool> ShouldRetryConnectionAttempt(Exception exception, CancellationToken cancellationToken)
    {
        if (ClusterRefusal.IsRedisLoginRefused(exception)) return false;
        var now = DateTime.UtcNow;
        _giveUpAt ??= now + budget;
        if (now + Pause > _giveUpAt) return false;
        await Task.Delay(Pause, cancellationToken);
        return true;
    }
}
