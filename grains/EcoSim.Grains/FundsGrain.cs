using EcoSim.Grains.Abstractions;
using EcoSim.Grains.Placement;
using EcoSim.Model.Engine;
using EcoSim.Model.Inspection;
using EcoSim.Model.Phases;
using EcoSim.Model.Snapshots;
using EcoSim.Model.State;

namespace EcoSim.Grains;

/// <summary>
/// Every fund of a run: their books start from the run's constants at the first tick (or from their snapshot parts)
/// and advance one tick per call, fund after fund; their reports are merged with exact sums, so the result is the
/// same as when each fund was a grain of its own.
/// </summary>
[RunAffinityPlacement]
public sealed class FundsGrain(RunContextCache runs) : Grain, IFundsGrain
{
    private FundState?[]? _funds;
    private TickGuard? _guard;
    private bool _invested;
    private RunContext? _run; // kept from the first tick: the run's world does not change while the funds live

    private string RunId => this.GetPrimaryKeyString();

    /// <inheritdoc/>
    public async Task<FundReport> Invest(int tick, BudgetAllocation budget, RegionSnapshot previous)
    {
        var run = _run ??= await runs.Get(RunId);
        if (_guard is null)
        {
            _guard = new TickGuard($"the funds of run '{RunId}'");
            _funds = [.. Enumerable.Range(0, run.Constants.FundKinds.Length).Select(f => FinancePhase.Initial(run.World, run.Constants, f, previous))];
        }
        var funds = _funds!;
        if (Array.IndexOf(funds, null) is int missing and >= 0) throw new InvalidOperationException($"run '{RunId}': fund {missing} was not restored");
        _guard.Enter(tick);
        _invested = true;
        var reports = new FundReport[funds.Length];
        for (int f = 0; f < funds.Length; f++) reports[f] = TickPlan.Finance(funds[f]!, run.World, run.Constants, tick, budget, previous);
        return TickPlan.Merge(run.World.ClusterCount, reports);
    }

    /// <inheritdoc/>
    public async Task<EntityState> Inspect(int fund, int ticks)
    {
        var state = Held(fund);
        var run = _run ??= await runs.Get(RunId);
        return EntityDescriptions.Fund(ticks, state, [.. run.World.Clusters.Select(c => c.Name)]);
    }

    /// <inheritdoc/>
    public Task<StoredPart> Export(int fund) => Task.FromResult(PartCodec.Fund(Held(fund)));

    /// <inheritdoc/>
    public Task<StoredPart[]> ExportAll()
    {
        var funds = _funds ?? throw new InvalidOperationException($"the funds of run '{RunId}' have not invested yet");
        return Task.FromResult<StoredPart[]>([.. Enumerable.Range(0, funds.Length).Select(f => PartCodec.Fund(Held(f)))]);
    }

    /// <inheritdoc/>
    public async Task Import(int tick, StoredPart part)
    {
        var run = _run ??= await runs.Get(RunId);
        int count = run.Constants.FundKinds.Length;
        if (!SnapshotParts.TryParse(part.Name, out string kind, out int fund) || kind != "fund" || fund >= count)
            throw new ArgumentException($"the funds of run '{RunId}' take parts {SnapshotParts.Fund(0)} to {SnapshotParts.Fund(count - 1)}, not '{part.Name}'", nameof(part));
        if (_invested) throw new InvalidOperationException($"the funds of run '{RunId}' have already invested");
        _funds ??= new FundState?[count];
        if (_funds[fund] is not null) throw new InvalidOperationException($"fund {fund} of run '{RunId}' is already initialised");
        _funds[fund] = PartCodec.ReadFund(part, fund);
        _guard ??= new TickGuard($"the funds of run '{RunId}'", tick);
    }

    /// <inheritdoc/>
    public Task Release() { DeactivateOnIdle(); return Task.CompletedTask; }

    private FundState Held(int fund)
    {
        var funds = _funds ?? throw new InvalidOperationException($"the funds of run '{RunId}' have not invested yet");
        if (fund < 0 || fund >= funds.Length) throw new ArgumentOutOfRangeException(nameof(fund), fund, $"the run has funds 0..{funds.Length - 1}");
        return funds[fund] ?? throw new InvalidOperationException($"fund {fund} of run '{RunId}' was not restored");
    }
}
