using System.Collections.Concurrent;
using System.Security.Cryptography;
using EcoSim.Experiments.Engines;

namespace EcoSim.Explorer.Runs;

/// <summary>
/// The explorer's ensembles, each owned by one session. An ensemble keeps the engine busy for a while,
/// so a session runs one at a time and the explorer at most <see cref="Running"/>; finished ones are kept
/// (a few hundred kilobytes) until replaced or released with the session's other runs.
/// </summary>
public sealed class EnsembleRegistry(ISimulationEngine engine) : IAsyncDisposable
{
    /// <summary>Ensembles running at once in all.</summary>
    public const int Running = 2;
    /// <summary>Most seeds in one ensemble.</summary>
    public const int MaxSeeds = 50;

    private readonly ConcurrentDictionary<string, LiveEnsemble> _ensembles = new(StringComparer.Ordinal);

    /// <summary>Starts an ensemble; the session's earlier finished ensemble is released.</summary>
    /// <exception cref="RunLimitException">The session's ensemble is still running, or <see cref="Running"/> are.</exception>
    public async Task<LiveEnsemble> StartAsync(string session, RunPlan plan, IReadOnlyList<ulong> seeds)
    {
        LiveEnsemble made;
        lock (_ensembles)
        {
            if (_ensembles.Values.Any(e => e.Session == session && e.Running))
                throw new RunLimitException("this session's ensemble is still running; wait for it or delete it (DELETE /api/ensembles/{id})");
            if (_ensembles.Values.Count(e => e.Running) >= Running)
                throw new RunLimitException($"{Running} ensembles are running, the most the explorer runs at once; try again when one finishes");
            made = new LiveEnsemble(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6)), session, plan, seeds, engine);
            _ensembles[made.Id] = made;
        }
        foreach (var old in _ensembles.Values.Where(e => e.Session == session && e.Id != made.Id).ToList())
            if (_ensembles.TryRemove(old.Id, out var gone)) await gone.DisposeAsync();
        return made;
    }

    /// <summary>The session's ensemble with this id, or null.</summary>
    public LiveEnsemble? Find(string session, string id) =>
        _ensembles.TryGetValue(id, out var ensemble) && ensemble.Session == session ? ensemble : null;

    /// <summary>Stops and forgets one of the session's ensembles; false if it has none with that id.</summary>
    public async Task<bool> ReleaseAsync(string session, string id)
    {
        if (Find(session, id) is null || !_ensembles.TryRemove(id, out var gone)) return false;
        await gone.DisposeAsync();
        return true;
    }

    /// <summary>Stops every ensemble.</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var id in _ensembles.Keys)
            if (_ensembles.TryRemove(id, out var gone)) await gone.DisposeAsync();
    }
}
