namespace EcoSim.Explorer.Runs;

/// <summary>
/// How much the explorer takes on, so that one browser (or a script in a loop) cannot exhaust the
/// machine: runs per session and in all, how long an untouched run lives, and request sizes.
/// </summary>
/// <param name="RunsPerSession">Live runs one session may hold (branches count).</param>
/// <param name="Runs">Live runs in all.</param>
/// <param name="IdleTimeout">A run nobody has asked for anything (no request, no open event stream) for this long is released.</param>
/// <param name="MaxRequestBytes">The largest request body, a pasted scenario included.</param>
/// <param name="MaxStep">The most quarters one Step request may ask for.</param>
/// <param name="MaxFirms">The most firms a run may start with (a Reset with another population): four times the baseline's 75,000,
/// so that a session's dozen runs fit in the server's memory; the command line takes up to 50,000,000.</param>
public sealed record ExplorerLimits(int RunsPerSession = 12, int Runs = 48, TimeSpan? IdleTimeout = null, long MaxRequestBytes = 256 * 1024, int MaxStep = 400, int MaxFirms = 300_000)
{
    /// <summary>The idle timeout in force: 20 minutes unless given.</summary>
    public TimeSpan Idle => IdleTimeout ?? TimeSpan.FromMinutes(20);
}

/// <summary>A run was refused because a limit of <see cref="ExplorerLimits"/> is reached (HTTP 429).</summary>
/// <param name="message">Which limit, and what to do.</param>
public sealed class RunLimitException(string message) : Exception(message);
