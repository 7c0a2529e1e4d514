using EcoSim.Grains.Abstractions;
using EcoSim.Grains.Placement;
using EcoSim.Model.Inspection;
using EcoSim.Model.Phases;
using EcoSim.Model.State;

namespace EcoSim.Grains;

/// <summary>One lab: its state starts from the run's constants and advances one tick per call.</summary>
[RunAffinityPlacement]
public sealed class LabGrain(RunContextCache runs) : Grain, ILabGrain
{
    private LabState _lab;
    private TickGuard? _guard;

    /// <inheritdoc/>
    public async Task<LabReport> Research(int tick, LabInputs inputs)
    {
        string key = this.GetPrimaryKeyString();
        var run = await runs.Get(GrainKeys.RunOf(key));
        if (_guard is null)
        {
            _guard = new TickGuard($"lab {key}");
            _lab = run.Constants.Labs[GrainKeys.Number(key, 'l')];
        }
        _guard.Enter(tick);
        return ResearchPhase.Step(ref _lab, run.World, tick, inputs);
    }

    /// <inheritdoc/>
    public async Task<EntityState> Inspect(int ticks)
    {
        string key = this.GetPrimaryKeyString();
        if (_guard is null) throw new InvalidOperationException($"lab {key} has not researched yet");
        var run = await runs.Get(GrainKeys.RunOf(key));
        return EntityDescriptions.Lab(ticks, _lab, run.World.Clusters[_lab.Cluster].Name);
    }

    /// <inheritdoc/>
    public Task Release() { DeactivateOnIdle(); return Task.CompletedTask; }
}
