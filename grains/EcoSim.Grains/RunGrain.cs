using System.Diagnostics;
using EcoSim.Grains.Abstractions;
using EcoSim.Grains.Abstractions.Telemetry;
using EcoSim.Grains.Placement;
using EcoSim.Model.Engine;
using EcoSim.Model.Inspection;
using EcoSim.Model.Phases;
using EcoSim.Model.Snapshots;
using EcoSim.Model.State;
using EcoSim.Model.World;
using Microsoft.Extensions.Options;

namespace EcoSim.Grains;

/// <summary>
/// Drives one run through the steps of <see cref="TickPlan"/>, each run in the grain that holds its
/// state, as a parallel fan-out with a barrier (await Task.WhenAll) wherever a step needs what another
/// wrote: each cluster's research, gathering, firms and talent market in turn, the funds beside them,
/// then entry once all are done; then it collects the metrics and the next snapshot from the reports,
/// with the model's functions. Reports are merged with exact sums, so the result does not depend on
/// where grains live or in what order they answer.
/// </summary>
[RunAffinityPlacement]
public sealed partial class RunGrain(RunContextCache runs, IOptions<DetachedRunOptions> detachedOptions) : Grain, IRunGrain
{
    private RunContext? _run;
    private TalentPoolState[] _talent = [];
    private RegionSnapshot? _snapshot;
    private int _tick;
    // A run restored from a snapshot: its layout and world part, and the parts still to be imported before it may step.
    private RunLayout? _layout;
    private SnapshotWorld? _restoring;
    private readonly SortedSet<string> _missing = new(StringComparer.Ordinal);

    private string RunId => this.GetPrimaryKeyString();

    /// <inheritdoc/>
    public async Task Start(WorldSpec world, RunLayout layout)
    {
        if (_run is not null) throw new InvalidOperationException($"run '{RunId}' was already started");
        await GrainFactory.GetGrain<IWorldGrain>(RunId).Set(world);
        _run = await runs.Get(RunId);
        var starts = await Task.WhenAll(Enumerable.Range(0, world.ClusterCount).Select(c => Cluster(c).Initialize(layout)));
        _talent = [.. starts.Select(s => s.Talent)];
        _snapshot = InitialRegion.Snapshot(world, _run.Constants, [.. starts.Select(s => s.State)], _talent);
    }

    /// <inheritdoc/>
    public async Task Restore(WorldSpec world, RunLayout layout, StoredPart worldPart)
    {
        if (_run is not null) throw new InvalidOperationException($"run '{RunId}' was already started");
        var recorded = PartCodec.ReadWorld(worldPart);
        await GrainFactory.GetGrain<IWorldGrain>(RunId).Set(world);
        var run = await runs.Get(RunId);
        int labs = run.Constants.Labs.Length, funds = run.Constants.FundKinds.Length;
        if (recorded.Clusters != world.ClusterCount || recorded.Labs != labs || recorded.Funds != funds || recorded.Tick >= world.Ticks)
            throw new SnapshotException(SnapshotParts.World, "content",
                $"{world.ClusterCount} clusters, {labs} labs, {funds} funds and fewer than {world.Ticks} ticks done",
                $"{recorded.Clusters} clusters, {recorded.Labs} labs, {recorded.Funds} funds and {recorded.Tick} ticks");
        (_run, _layout, _restoring, _tick) = (run, layout, recorded, recorded.Tick);
        _talent = new TalentPoolState[world.ClusterCount];
        _missing.UnionWith(SnapshotParts.All(world.ClusterCount, funds).Except([SnapshotParts.World, SnapshotParts.Metrics]));
    }

    /// <inheritdoc/>
    public async Task ImportPart(StoredPart part)
    {
        var (restoring, layout) = (_restoring, _layout);
        if (restoring is null || layout is null) throw new InvalidOperationException($"run '{RunId}' is not being restored from a snapshot");
        if (!_missing.Contains(part.Name)) throw new SnapshotException(part.Name, "unexpected part", $"one of the parts still to come ({_missing.Count} of them)", $"part '{part.Name}'");
        if (part.Name == SnapshotParts.Region) _snapshot = PartCodec.ReadRegion(part, restoring);
        else
        {
            SnapshotParts.TryParse(part.Name, out string kind, out int index);
            if (kind != "cluster" && kind != "fund" && _missing.Contains(SnapshotParts.Cluster(index)))
                throw new SnapshotException(part.Name, "part order", $"{SnapshotParts.Cluster(index)} before it", $"part '{part.Name}' first");
            switch (kind)
            {
                case "talent":
                    await Cluster(index).Import(layout, _tick, part);
                    _talent[index] = PartCodec.ReadTalent(part, index);
                    break;
                case "fund": await Funds().Import(_tick, part); break;
                default: await Cluster(index).Import(layout, _tick, part); break;
            }
        }
        _missing.Remove(part.Name);
    }

    /// <inheritdoc/>
    public Task<StoredPart> ExportWorld(ScenarioIdentity scenario)
    {
        var run = _run ?? throw new InvalidOperationException($"run '{RunId}' was not started (or its activation was lost)");
        if (_missing.Count > 0) throw MissingParts();
        return Task.FromResult(PartCodec.World(SnapshotWorld.Of(scenario, run.World, _tick, run.Constants.Labs.Length, run.Constants.FundKinds.Length)));
    }

    /// <inheritdoc/>
    public Task<StoredPart> ExportPart(string name)
    {
        var run = _run ?? throw new InvalidOperationException($"run '{RunId}' was not started (or its activation was lost)");
        if (_missing.Count > 0) throw MissingParts();
        if (name == SnapshotParts.Region) return Task.FromResult(PartCodec.Region(_snapshot!));
        if (!SnapshotParts.TryParse(name, out string kind, out int index) || index >= (kind == "fund" ? run.Constants.FundKinds.Length : run.World.ClusterCount))
            throw new ArgumentException($"run '{RunId}' has no snapshot part '{name}'", nameof(name));
        return kind switch
        {
            "fund" => Funds().Export(index),
            _ => Cluster(index).Export(name),
        };
    }

    /// <inheritdoc/>
    public async Task<string[]> StoreCheckpoint(string store, int slot, ScenarioIdentity scenario)
    {
        var world = await ExportWorld(scenario);
        var run = _run!;
        int clusters = run.World.ClusterCount, funds = run.Constants.FundKinds.Length;
        StoredPart[] own = [world, PartCodec.Region(_snapshot!), .. await Funds().ExportAll()];
        var holder = GrainFactory.GetGrain<IStoredPartsGrain>(CheckpointStoreKeys.Holder(store, SnapshotParts.World));
        await Task.WhenAll([holder.Accept(slot, own, -1, null), .. Enumerable.Range(0, clusters).Select(c => Cluster(c).StoreParts(store, slot))]);
        return [.. SnapshotParts.All(clusters, funds).Where(n => n != SnapshotParts.Metrics)];
    }

    private SnapshotException MissingParts() =>
        new(_missing.First(), "missing part", $"part '{_missing.First()}' imported before the run continues", $"{_missing.Count} part{(_missing.Count == 1 ? "" : "s")} not given");

    /// <inheritdoc/>
    public Task<TickRows> Step()
    {
        if (_detached is not null) throw new InvalidOperationException($"run '{RunId}' is driven on the server; observe it instead of stepping it");
        return RunTick();
    }

    // The next tick, for a client that steps the run or for the run's own timer.
    private async Task<TickRows> RunTick()
    {
        var run = _run ?? throw new InvalidOperationException($"run '{RunId}' was not started (or its activation was lost)");
        if (_missing.Count > 0) throw MissingParts();
        var world = run.World;
        if (_tick >= world.Ticks) throw new InvalidOperationException($"run '{RunId}' has finished all {world.Ticks} ticks");
        int t = _tick, n = world.ClusterCount;
        var snapshot = _snapshot!;
        var clusters = Enumerable.Range(0, n).ToArray();

        var started = Stopwatch.GetTimestamp();
        using var span = EcoSimInstruments.Source.StartActivity("tick");
        span?.SetTag("ecosim.run", RunId);
        span?.SetTag("ecosim.tick", t);

        var policy = _policy ??= GrainFactory.GetGrain<IPolicyGrain>(RunId);
        var budget = await Phase("policy", () => policy.Allocate(t));

        // Phases 2-4 and 6 of a cluster read only that cluster's own results of this tick (and the
        // previous tick's snapshot), and phase 5 reads only the budget and the previous tick: so each
        // cluster runs its research, gathering, firms and talent market in one call of its grain, the
        // funds invest beside them, and the barrier before entry waits for all of them.
        var previousTalent = _talent;
        var clusterWork = Phase("clusters", () => Task.WhenAll(clusters.Select(c =>
            Cluster(c).Advance(t, budget, TickPlan.ResearchInputs(world, budget, c, t, previousTalent[c], snapshot), snapshot))));
        var fundWork = Phase("finance", () => Funds().Invest(t, budget, snapshot));
        await Task.WhenAll(clusterWork, fundWork);
        var advances = await clusterWork;
        var funds = await fundWork;
        _talent = [.. advances.Select(a => a.Talent)];
        var entries = await Phase("entry", () => Task.WhenAll(clusters.Select(c => Cluster(c).Enter(t, funds))));

        var outcome = TickPlan.Collect(world, run.Constants, t, [.. clusters.Select(c =>
            new ClusterTick(budget, advances[c].Labs, entries[c].State, advances[c].Firms, entries[c].Entrants, funds, _talent[c]))]);
        var signals = advances.Select(a => a.Signals).ToArray();
        _snapshot = TickPlan.Snapshot([.. entries.Select(e => e.State)], signals, _talent);
        _tick++;
        EcoSimInstruments.TickDone("orleans", (long)signals.Sum(x => x.Firms), Stopwatch.GetElapsedTime(started));
        return new TickRows(t, outcome.Rows);
    }

    // One phase of a tick as a span of its own: the grain calls it fans out to nest inside it.
    private static async Task<T> Phase<T>(string name, Func<Task<T>> body)
    {
        using var span = EcoSimInstruments.Source.StartActivity(name);
        return await body();
    }

    /// <inheritdoc/>
    public Task<FirmColumns> Firms(int tick, int cluster)
    {
        var run = _run ?? throw new InvalidOperationException($"run '{RunId}' was not started (or its activation was lost)");
        if (tick != _tick - 1) throw new InvalidOperationException($"run '{RunId}': the firms of tick {tick} were asked for, but the last tick run is {_tick - 1}");
        if (cluster < 0 || cluster >= run.World.ClusterCount) throw new ArgumentOutOfRangeException(nameof(cluster), cluster, $"the run has clusters 0..{run.World.ClusterCount - 1}");
        return Cluster(cluster).Firms();
    }

    /// <inheritdoc/>
    public Task<RunProgress> Progress() => Task.FromResult(new RunProgress(_tick, _run?.World.Ticks ?? 0));

    /// <inheritdoc/>
    public Task<EntityState> Inspect(EntityRef entity)
    {
        var run = _run ?? throw new InvalidOperationException($"run '{RunId}' was not started (or its activation was lost)");
        if (_tick == 0) throw new InvalidOperationException($"run '{RunId}' has not run a tick yet; inspect it after at least one");
        EntityBounds.Check(entity, run.World, run.Constants);
        return entity.Kind switch
        {
            EntityKind.Firm => Cluster(entity.Cluster).InspectFirm(entity.Index, _tick),
            EntityKind.Lab => Cluster(run.Constants.Labs[entity.Index].Cluster).InspectLab((int)entity.Index, _tick),
            EntityKind.Fund => Funds().Inspect((int)entity.Index, _tick),
            _ => Cluster(entity.Cluster).InspectTalent(_tick),
        };
    }

    /// <inheritdoc/>
    public async Task Stop()
    {
        _driver?.Dispose();
        _detached = null;
        await ReleaseWorkers();
        DeactivateOnIdle();
    }

    // Releases every grain of the run but this one, which may keep a detached run's rows for its observers.
    private async Task ReleaseWorkers()
    {
        if (_run is { } run)
        {
            int n = run.World.ClusterCount;
            await Task.WhenAll(Enumerable.Range(0, n).Select(c => Cluster(c).Release())
                .Append(Funds().Release())
                .Append(GrainFactory.GetGrain<IPolicyGrain>(RunId).Release()));
            await GrainFactory.GetGrain<IWorldGrain>(RunId).Release();
        }
        runs.Forget(RunId);
        _run = null;
    }

    private IClusterGrain Cluster(int c) => (_clusterRefs ??= new(c => GrainFactory.GetGrain<IClusterGrain>(GrainKeys.Cluster(RunId, c))))[c];
    private IFundsGrain Funds() => _funds ??= GrainFactory.GetGrain<IFundsGrain>(RunId);
    // The references the tick loop calls, each made once (see GrainReferences).
    private GrainReferences<IClusterGrain>? _clusterRefs;
    private IFundsGrain? _funds;
    private IPolicyGrain? _policy;
}
