using EcoSim.Grains.Placement;
using EcoSim.Grains.Abstractions;
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
    public Task Release() { DeactivateOnIdle(); return Task.CompletedTask; }
}
