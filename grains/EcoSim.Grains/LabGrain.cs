using EcoSim.Grains.Abstractions;
using EcoSim.Grains.Placement;
using EcoSim.Model.Engine;
using EcoSim.Model.Inspection;
using EcoSim.Model.Phases;
using EcoSim.Model.State;

namespace EcoSim.Grains;

/// <summary>
/// A shard of one cluster's labs: their states start from the run's constants and advance one tick
/// per call; their reports are merged with exact sums, so the shard size does not change any result.
/// </summary>
[RunAffinityPlacement]
public sealed class LabGrain(RunContextCache runs) : Grain, ILabGrain
{
    private LabState[]? _labs;
    private TickGuard? _guard;
    private RunContext? _run; // kept from the first tick: the run's world does not change while the shard lives

    /// <inheritdoc/>
    public async Task Initialize(int[] labs)
    {
        string key = this.GetPrimaryKeyString();
        if (_labs is not null) throw new InvalidOperationException($"lab shard {key} is already initialised");
        var run = await runs.Get(GrainKeys.RunOf(key));
        _labs = [.. labs.Select(l => run.Constants.Labs[l])];
        _guard = new TickGuard($"lab shard {key}");
    }

    /// <inheritdoc/>
    public async Task<LabReport> Research(int tick, LabInputs inputs)
    {
        var labs = Held();
        _guard!.Enter(tick);
        var run = _run ??= await runs.Get(GrainKeys.RunOf(this.GetPrimaryKeyString()));
        var merged = LabReport.Empty(labs.Length > 0 ? labs[0].Cluster : 0);
        for (int i = 0; i < labs.Length; i++) TickPlan.Research(ref labs[i], run.World, tick, inputs, merged);
        return merged;
    }

    /// <inheritdoc/>
    public async Task<EntityState> Inspect(int lab, int ticks)
    {
        var labs = Held();
        int slot = Array.FindIndex(labs, l => l.Index == lab);
        if (slot < 0) throw new ArgumentOutOfRangeException(nameof(lab), lab, $"lab shard {this.GetPrimaryKeyString()} does not hold lab {lab}");
        var run = await runs.Get(GrainKeys.RunOf(this.GetPrimaryKeyString()));
        return EntityDescriptions.Lab(ticks, labs[slot], run.World.Clusters[labs[slot].Cluster].Name);
    }

    /// <inheritdoc/>
    public Task<LabState[]> Labs() => Task.FromResult((LabState[])Held().Clone());

    /// <inheritdoc/>
    public Task Restore(LabState[] labs, int firstTick)
    {
        string key = this.GetPrimaryKeyString();
        if (_labs is not null) throw new InvalidOperationException($"lab shard {key} is already initialised");
        _labs = [.. labs];
        _guard = new TickGuard($"lab shard {key}", firstTick);
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task Release() { DeactivateOnIdle(); return Task.CompletedTask; }

    private LabState[] Held() => _labs ?? throw new InvalidOperationException($"lab shard {this.GetPrimaryKeyString()} was not initialised (or its activation was lost)");
}
