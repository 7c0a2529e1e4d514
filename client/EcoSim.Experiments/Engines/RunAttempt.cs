using EcoSim.Grains.Abstractions;
using EcoSim.Model.Engine;
using EcoSim.Model.Inspection;
using EcoSim.Model.World;

namespace EcoSim.Experiments.Engines;

/// <summary>One attempt at a run under a fresh run id: one short call to start, one call per tick, then its grains are released.</summary>
/// <param name="grains">The cluster.</param>
public sealed class RunAttempt(IGrainFactory grains)
{
    private static readonly TimeSpan AbandonTimeout = TimeSpan.FromSeconds(10);
    private readonly IRunGrain _run = grains.GetGrain<IRunGrain>($"run-{Guid.NewGuid():N}");

    /// <summary>Sets up every entity of the run at tick 0.</summary>
    public Task StartAsync(WorldSpec world, RunLayout layout) => _run.Start(world, layout);

    /// <summary>Runs the next tick.</summary>
    public async Task<TickOutcome> StepAsync()
    {
        var rows = await _run.Step();
        return new TickOutcome(rows.Tick, rows.Rows);
    }

    /// <summary>One agent's state after the ticks stepped so far.</summary>
    public Task<EntityState> InspectAsync(EntityRef entity) => _run.Inspect(entity);
    /// <summary>Every firm at the end of <paramref name="tick"/> (the tick just run): one short call per cluster.</summary>
    public async Task<FirmCensus> FirmsAsync(int tick, int clusters) =>
        new(tick, await Task.WhenAll(Enumerable.Range(0, clusters).Select(c => _run.Firms(tick, c))));

    /// <summary>Releases the grains of a finished run.</summary>
    public Task StopAsync() => _run.Stop();

    /// <summary>
    /// Releases what can be released of a failed or abandoned run: best effort (a lost silo releases
    /// nothing), bounded in time, and never hiding the failure that made the run give up.
    /// </summary>
    public async Task AbandonAsync()
    {
        try { await _run.Stop().WaitAsync(AbandonTimeout); }
        catch (Exception e) when (e is not OutOfMemoryException) { /* best effort */ }
    }
}
