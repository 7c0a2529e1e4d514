using EcoSim.Grains.Abstractions;
using EcoSim.Grains.Placement;
using EcoSim.Model.Engine;
using EcoSim.Model.Phases;
using EcoSim.Model.State;

namespace EcoSim.Grains;

/// <summary>A shard of one cluster's firms, held as a struct of arrays and stepped in place.</summary>
[RunAffinityPlacement]
public sealed class FirmShardGrain(RunContextCache runs) : Grain, IFirmShardGrain
{
    private FirmShard? _shard;
    private TickGuard? _guard;
    private RunContext? _run; // kept from the first tick: the run's world does not change while the shard lives
    private ExitRetention _exits = ExitRetention.Every;
    // The columns' copies a checkpoint's holder encodes from, one per checkpoint slot (IFirmShardGrain.FirmsToStore).
    private readonly FirmColumns?[] _toStore = new FirmColumns?[2];

    /// <inheritdoc/>
    public async Task<FirmReport> Initialize(long firstIndex, int count, int firstTick, ExitRetention exits)
    {
        string key = this.GetPrimaryKeyString();
        if (_shard is not null) throw new InvalidOperationException($"firm shard {key} is already initialised");
        var run = await runs.Get(GrainKeys.RunOf(key));
        _shard = new FirmShard(GrainKeys.Number(key, 'c'), firstIndex, count);
        FirmPhase.Initialize(_shard, run.World, run.Constants, firstIndex, count);
        _guard = new TickGuard($"firm shard {key}", firstTick);
        _exits = exits;
        return FirmPhase.Summarize(_shard, 0);
    }

    /// <inheritdoc/>
    public async Task<FirmReport> Step(ClusterSignals signals)
    {
        var shard = Shard();
        _guard!.Enter(signals.Tick);
        var run = _run ??= await runs.Get(GrainKeys.RunOf(this.GetPrimaryKeyString()));
        return TickPlan.Firms(shard, signals, run.World, _exits);
    }

    /// <inheritdoc/>
    public Task Append(long firstIndex, FirmRecord[] firms)
    {
        var shard = Shard();
        if (firstIndex != shard.NextIndex)
            throw new InvalidOperationException($"firm shard {this.GetPrimaryKeyString()} holds indices up to {shard.NextIndex - 1}; cannot append at {firstIndex}");
        for (int k = 0; k < firms.Length; k++) shard.Append(firms[k], firstIndex + k);
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task<FirmRecord> Inspect(long index)
    {
        var shard = Shard();
        var firm = shard.Find(index)
            ?? throw new ArgumentOutOfRangeException(nameof(index), index, $"shard holds no firm of this index (its firms' indices run {shard.FirstIndex}..{shard.NextIndex - 1})");
        return Task.FromResult(firm);
    }

    /// <inheritdoc/>
    public Task<FirmColumns> Firms() => Task.FromResult(FirmColumns.Of(Shard()));

    /// <inheritdoc/>
    public Task<FirmColumns> FirmsToStore(int slot)
    {
        if (slot is not (0 or 1)) throw new ArgumentOutOfRangeException(nameof(slot), slot, "checkpoint slots are 0 and 1");
        return Task.FromResult(_toStore[slot] = FirmColumns.Into(Shard(), _toStore[slot]));
    }

    /// <inheritdoc/>
    public Task Restore(FirmColumns firms, long nextIndex, int firstTick, ExitRetention exits)
    {
        string key = this.GetPrimaryKeyString();
        if (_shard is not null) throw new InvalidOperationException($"firm shard {key} is already initialised");
        _shard = FirmShard.Of(firms, nextIndex);
        _guard = new TickGuard($"firm shard {key}", firstTick);
        _exits = exits;
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task Release() { DeactivateOnIdle(); return Task.CompletedTask; }

    private FirmShard Shard() => _shard ?? throw new InvalidOperationException($"firm shard {this.GetPrimaryKeyString()} was not initialised (or its activation was lost)");
}
