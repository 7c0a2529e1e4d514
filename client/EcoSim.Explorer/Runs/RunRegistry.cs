using System.Collections.Concurrent;
using System.Security.Cryptography;
using EcoSim.Experiments.Engines;

namespace EcoSim.Explorer.Runs;

/// <summary>
/// The explorer's live runs, by id, each owned by one session: a session sees and drives only its own.
/// Enforces <see cref="ExplorerLimits"/> and releases runs left idle (their grains with them).
/// </summary>
public sealed class RunRegistry(ISimulationEngine engine, ExplorerLimits limits, TimeProvider clock) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, LiveRun> _runs = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _watchers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _reserved = new(StringComparer.Ordinal);

    /// <summary>The engine runs go to.</summary>
    public ISimulationEngine Engine => engine;

    /// <summary>The limits in force.</summary>
    public ExplorerLimits Limits => limits;

    /// <summary>Starts a run of <paramref name="plan"/> for <paramref name="session"/>, paused before its first quarter.</summary>
    /// <exception cref="RunLimitException">The session or the explorer holds as many runs as it may.</exception>
    public Task<LiveRun> StartAsync(string session, RunPlan plan) =>
        AdmitAsync(session, id => Task.FromResult(LiveRun.Start(id, session, plan, engine, clock)));

    /// <summary>Branches <paramref name="parent"/> at its present quarter into a run of <paramref name="plan"/>.</summary>
    /// <exception cref="RunLimitException">The session or the explorer holds as many runs as it may.</exception>
    public Task<LiveRun> BranchAsync(LiveRun parent, RunPlan plan, CancellationToken cancellation) =>
        AdmitAsync(parent.Session, id => LiveRun.BranchAsync(id, parent, plan, clock, cancellation));

    /// <summary>The session's run with this id, or null (another session's runs are not found).</summary>
    public LiveRun? Find(string session, string id)
    {
        if (!_runs.TryGetValue(id, out var run) || run.Session != session) return null;
        run.Touch();
        return run;
    }

    /// <summary>The session's runs, oldest first.</summary>
    public IReadOnlyList<LiveRun> Of(string session) => [.. _runs.Values.Where(r => r.Session == session).OrderBy(r => r.LastUsed)];

    /// <summary>Releases one of the session's runs; false if it has none with that id.</summary>
    public async Task<bool> ReleaseAsync(string session, string id)
    {
        if (Find(session, id) is null || !_runs.TryRemove(id, out var run)) return false;
        await run.DisposeAsync();
        return true;
    }

    /// <summary>Counts an open event stream on a run: a watched run is never idle.</summary>
    public IDisposable Watch(LiveRun run)
    {
        _watchers.AddOrUpdate(run.Id, 1, (_, n) => n + 1);
        return new Watcher(this, run);
    }

    /// <summary>Releases every run that nobody has used or watched for <see cref="ExplorerLimits.Idle"/>; returns how many.</summary>
    public async Task<int> ReleaseIdleAsync()
    {
        var now = clock.GetUtcNow();
        int released = 0;
        foreach (var run in _runs.Values)
        {
            if (_watchers.GetValueOrDefault(run.Id) > 0 || now - run.LastUsed < limits.Idle) continue;
            if (_runs.TryRemove(run.Id, out var gone)) { await gone.DisposeAsync(); released++; }
        }
        return released;
    }

    /// <summary>Releases every run.</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var id in _runs.Keys)
            if (_runs.TryRemove(id, out var run)) await run.DisposeAsync();
    }

    private async Task<LiveRun> AdmitAsync(string session, Func<string, Task<LiveRun>> create)
    {
        // A place is taken before the run is made (a branch takes seconds to make), so two requests
        // cannot both take the last place and neither waits for the other.
        lock (_reserved)
        {
            int mine = _runs.Values.Count(r => r.Session == session) + _reserved.GetValueOrDefault(session);
            if (mine >= limits.RunsPerSession)
                throw new RunLimitException($"this session already has {mine} runs, the most it may hold; delete one (DELETE /api/runs/{{id}}) and try again");
            int all = _runs.Count + _reserved.Values.Sum();
            if (all >= limits.Runs)
                throw new RunLimitException($"the explorer already holds {all} runs, the most it may; try again when some are released");
            _reserved[session] = _reserved.GetValueOrDefault(session) + 1;
        }
        try
        {
            var run = await create(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6)));
            _runs[run.Id] = run;
            return run;
        }
        finally
        {
            lock (_reserved) if (--_reserved[session] == 0) _reserved.Remove(session);
        }
    }

    private sealed class Watcher(RunRegistry registry, LiveRun run) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
            registry._watchers.AddOrUpdate(run.Id, 0, (_, n) => n - 1);
            run.Touch();
        }
    }
}
