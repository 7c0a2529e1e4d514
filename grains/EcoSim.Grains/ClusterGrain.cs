using System.Diagnostics;
using EcoSim.Grains.Abstractions;
using EcoSim.Grains.Abstractions.Telemetry;
using EcoSim.Grains.Placement;
using EcoSim.Model.Engine;
using EcoSim.Model.Inspection;
using EcoSim.Model.Phases;
using EcoSim.Model.Snapshots;
using EcoSim.Model.State;

namespace EcoSim.Grains;

/// <summary>
/// One cluster of a run: fans out to its own labs and firm shards, holds the cluster's state and its
/// talent pool between phases, and places entering firms in shards by index (shard k holds indices [kF, (k+1)F)).
/// It is its own first lab shard: a lab's work is a few hundred nanoseconds, far less than a grain call, so the
/// first <see cref="RunLayout.LabsPerShard"/> of its labs (at the default, all of them) research in this grain's
/// call, and only the rest in lab shard grains 1, 2, ...
/// </summary>
[RunAffinityPlacement]
public sealed class ClusterGrain(RunContextCache runs) : Grain, IClusterGrain
{
    private RunContext? _run;
    private int _cluster, _firmsPerShard, _shards, _labsPerShard;
    private int[] _labs = [];
    private ExitRetention _exits = ExitRetention.Every;
    private LabState[] _ownLabs = []; // lab shard 0, held here
    private ClusterState? _state;
    private TalentPoolState? _talent;
    private ClusterSignals? _signals;
    private LabReport? _labReport;
    private FirmReport? _firms;
    // Made once _cluster is known, on first use (see GrainReferences).
    private GrainReferences<IFirmShardGrain>? _shardRefs;
    private GrainReferences<ILabGrain>? _labShardRefs;

    private string RunId => GrainKeys.RunOf(this.GetPrimaryKeyString());

    /// <inheritdoc/>
    public async Task<ClusterStart> Initialize(RunLayout layout)
    {
        int firmsPerShard = layout.FirmsPerShard;
        if (layout.LabsPerShard < 1) throw new ArgumentOutOfRangeException(nameof(layout), layout.LabsPerShard, "labs per shard must be at least 1");
        if (_state is not null) throw new InvalidOperationException($"cluster {this.GetPrimaryKeyString()} is already initialised");
        if (firmsPerShard < 1) throw new ArgumentOutOfRangeException(nameof(firmsPerShard), firmsPerShard, "must be at least 1");
        _run = await runs.Get(RunId);
        _cluster = GrainKeys.Number(this.GetPrimaryKeyString(), 'c');
        _firmsPerShard = firmsPerShard;
        _labs = [.. _run.Constants.Labs.Where(l => l.Cluster == _cluster).Select(l => l.Index)];
        _labsPerShard = layout.LabsPerShard;
        _exits = layout.ExitsKept;
        // The lab shards and the firm shards are independent of one another: both are made at once.
        _ownLabs = [.. _labs.Take(_labsPerShard).Select(l => _run.Constants.Labs[l])];
        var labs = Task.WhenAll(OtherLabShards.Select(k => LabShard(k).Initialize([.. _labs.Skip(k * _labsPerShard).Take(_labsPerShard)])));
        long firms = _run.Constants.FirmsPerCluster[_cluster];
        _shards = (int)((firms + firmsPerShard - 1) / firmsPerShard);
        var reports = Task.WhenAll(Enumerable.Range(0, _shards).Select(k =>
            Shard(k).Initialize((long)k * firmsPerShard, (int)Math.Min(firmsPerShard, firms - (long)k * firmsPerShard), 0, _exits)));
        await Task.WhenAll(labs, reports);
        (_state, double firmDemand) = RegionStart.Cluster(_run.World, _run.Constants, _cluster, FirmReport.Merge(_cluster, await reports));
        _talent = TalentPhase.Initial(_run.World, _run.Constants, _cluster, firmDemand + InitialRegion.LabDemand(_run.World, _run.Constants)[_cluster]);
        return new ClusterStart(_state, _talent);
    }

    /// <inheritdoc/>
    public async Task<ClusterAdvance> Advance(int tick, BudgetAllocation budget, LabInputs inputs, RegionSnapshot previous)
    {
        var run = Ready();
        var labs = LabReport.Empty(_cluster);
        using (Span("research", tick))
        {
            var others = Task.WhenAll(OtherLabShards.Select(k => LabShard(k).Research(tick, inputs)));
            var own = LabReport.Empty(_cluster);
            for (int i = 0; i < _ownLabs.Length; i++) TickPlan.Research(ref _ownLabs[i], run.World, tick, inputs, own);
            labs.Sums.Merge(own.Sums);
            foreach (var report in await others) labs.Sums.Merge(report.Sums);
        }
        using (Span("gather", tick))
            (_signals, _state) = TickPlan.Gather(run.World, run.Constants, tick, _state!, budget, labs, _talent!, previous);
        var signals = _signals;
        using (Span("firms", tick))
            _firms = FirmReport.Merge(_cluster, await Task.WhenAll(Enumerable.Range(0, _shards).Select(k => Shard(k).Step(signals))));
        _labReport = labs;
        using (Span("talent", tick))
            _talent = TickPlan.Hire(_talent!, run.World, tick, TickPlan.ResearcherDemand(_firms, labs), budget, previous);
        return new ClusterAdvance(labs, signals, _firms, _talent);
    }

    private Activity? Span(string phase, int tick)
    {
        var span = EcoSimInstruments.Source.StartActivity(phase);
        span?.SetTag("ecosim.cluster", _cluster);
        span?.SetTag("ecosim.tick", tick);
        return span;
    }

    /// <inheritdoc/>
    public async Task<EntityState> InspectFirm(long index, int ticks)
    {
        var run = Ready();
        var entity = EntityRef.Firm(_cluster, index);
        long slots = _state!.NextFirmIndex;
        if (index < 0 || index >= slots) throw EntityBounds.NoSuchFirm(entity, slots);
        var firm = await Shard((int)(index / _firmsPerShard)).Inspect(index);
        return EntityDescriptions.Firm(entity, ticks, firm, run.World.Clusters[_cluster].Name);
    }

    /// <inheritdoc/>
    public Task<EntityState> InspectLab(int lab, int ticks)
    {
        var run = Ready();
        int position = Array.IndexOf(_labs, lab);
        if (position < 0) throw EntityDescriptions.NotFound(EntityRef.Lab(lab), $"cluster {_cluster} has labs {string.Join(", ", _labs)}");
        if (position < _ownLabs.Length) return Task.FromResult(EntityDescriptions.Lab(ticks, _ownLabs[position], run.World.Clusters[_cluster].Name));
        return LabShard(position / _labsPerShard).Inspect(lab, ticks);
    }

    /// <inheritdoc/>
    public Task<EntityState> InspectTalent(int ticks)
    {
        var run = Ready();
        return Task.FromResult(EntityDescriptions.TalentPool(ticks, _talent!, run.World.Clusters[_cluster].Name));
    }

    /// <inheritdoc/>
    public async Task<ClusterEntry> Enter(int tick, FundReport funds)
    {
        var run = Ready();
        if (_firms is null || _signals?.Tick != tick) throw new InvalidOperationException($"cluster {this.GetPrimaryKeyString()}: Enter({tick}) before Advance({tick})");
        (var entrants, var closed) = TickPlan.Enter(run.World, tick, _signals, _state!, _labReport!, _firms, funds);
        await PlaceEntrants(entrants, tick + 1);
        _state = closed;
        _firms = null;
        return new ClusterEntry(closed, entrants.Summary);
    }

    /// <inheritdoc/>
    public async Task<FirmColumns> Firms()
    {
        Ready();
        if (_firms is not null) throw new InvalidOperationException($"cluster {this.GetPrimaryKeyString()}: Firms() in the middle of a tick");
        var parts = await Task.WhenAll(Enumerable.Range(0, _shards).Select(k => Shard(k).Firms()));
        return FirmColumns.Concat(_cluster, parts);
    }

    /// <inheritdoc/>
    public async Task<StoredPart> Export(string part)
    {
        Ready();
        if (_firms is not null) throw new InvalidOperationException($"cluster {this.GetPrimaryKeyString()}: Export({part}) in the middle of a tick");
        if (part == SnapshotParts.Cluster(_cluster)) return PartCodec.Cluster(_state!);
        if (part == SnapshotParts.Talent(_cluster)) return PartCodec.Talent(_talent!);
        if (part == SnapshotParts.Labs(_cluster))
            return PartCodec.Labs(_cluster, [.. _ownLabs, .. (await Task.WhenAll(OtherLabShards.Select(k => LabShard(k).Labs()))).SelectMany(l => l)]);
        if (part == SnapshotParts.Firms(_cluster))
            return PartCodec.Firms(_cluster, await Task.WhenAll(Enumerable.Range(0, _shards).Select(k => Shard(k).Firms())));
        throw new ArgumentException($"cluster {_cluster} holds parts {Parts(_cluster)}, not '{part}'", nameof(part));
    }

    /// <inheritdoc/>
    public async Task StoreParts(string store, int slot)
    {
        Ready();
        if (_firms is not null) throw new InvalidOperationException($"cluster {this.GetPrimaryKeyString()}: StoreParts in the middle of a tick");
        var labs = Export(SnapshotParts.Labs(_cluster));
        var firms = Task.WhenAll(Enumerable.Range(0, _shards).Select(k => Shard(k).FirmsToStore(slot)));
        StoredPart[] parts = [PartCodec.Cluster(_state!), PartCodec.Talent(_talent!), await labs];
        var holder = GrainFactory.GetGrain<IStoredPartsGrain>(CheckpointStoreKeys.Holder(store, SnapshotParts.Cluster(_cluster)));
        await holder.Accept(slot, parts, _cluster, await firms);
    }

    /// <inheritdoc/>
    public async Task Import(RunLayout layout, int tick, StoredPart part)
    {
        string key = this.GetPrimaryKeyString();
        int cluster = GrainKeys.Number(key, 'c');
        if (part.Name == SnapshotParts.Cluster(cluster))
        {
            if (_state is not null) throw new InvalidOperationException($"cluster {key} is already initialised");
            if (layout.FirmsPerShard < 1 || layout.LabsPerShard < 1) throw new ArgumentOutOfRangeException(nameof(layout), layout, "firms and labs per shard must be at least 1");
            _run = await runs.Get(RunId);
            (_cluster, _firmsPerShard, _labsPerShard, _exits) = (cluster, layout.FirmsPerShard, layout.LabsPerShard, layout.ExitsKept);
            _labs = [.. _run.Constants.Labs.Where(l => l.Cluster == _cluster).Select(l => l.Index)];
            _state = PartCodec.ReadCluster(part, cluster);
            return;
        }
        var run = Ready();
        if (part.Name == SnapshotParts.Talent(cluster))
        {
            if (_talent is not null) throw new InvalidOperationException($"cluster {key}'s talent pool is already initialised");
            _talent = PartCodec.ReadTalent(part, cluster);
        }
        else if (part.Name == SnapshotParts.Labs(cluster))
        {
            var labs = PartCodec.ReadLabs(part, cluster, run.Constants.Labs.Length);
            if (!labs.Select(l => l.Index).SequenceEqual(_labs))
                throw new SnapshotException(part.Name, "content", $"labs {string.Join(", ", _labs)} of cluster {cluster}", $"labs {string.Join(", ", labs.Select(l => l.Index))}");
            _ownLabs = [.. labs.Take(_labsPerShard)];
            await Task.WhenAll(OtherLabShards.Select(k => LabShard(k).Restore([.. labs.Skip(k * _labsPerShard).Take(_labsPerShard)], tick)));
        }
        else if (part.Name == SnapshotParts.Firms(cluster))
        {
            // The part holds the cluster's firms whole, with gaps where exited firms were let go: cut them into this
            // layout's shards by index, shard k holding [kF, (k+1)F) and continuing at the end of its range or the cluster's next index.
            var firms = PartCodec.ReadFirms(part, cluster);
            var state = _state!;
            RunSnapshot.ContinueAt(firms, state);
            long next = state.NextFirmIndex;
            _shards = (int)((next + _firmsPerShard - 1) / _firmsPerShard);
            await Task.WhenAll(Enumerable.Range(0, _shards).Select(k =>
            {
                long from = (long)k * _firmsPerShard, to = Math.Min(from + _firmsPerShard, next);
                return Shard(k).Restore(FirmColumns.OfIndices(firms, from, to), to, tick, _exits);
            }));
        }
        else throw new ArgumentException($"cluster {cluster} takes parts {Parts(cluster)}, not '{part.Name}'", nameof(part));
    }

    private static string Parts(int cluster) =>
        $"{SnapshotParts.Cluster(cluster)}, {SnapshotParts.Talent(cluster)}, {SnapshotParts.Labs(cluster)} and {SnapshotParts.Firms(cluster)}";

    /// <inheritdoc/>
    public async Task Release()
    {
        await Task.WhenAll(Enumerable.Range(0, _shards).Select(k => Shard(k).Release())
            .Concat(OtherLabShards.Select(k => LabShard(k).Release())));
        runs.Forget(RunId); // the cluster's shards and labs live on this silo, and are released
        DeactivateOnIdle();
    }

    private async Task PlaceEntrants(EntrantBatch entrants, int nextTick)
    {
        var appends = new List<Task>();
        int k = 0;
        while (k < entrants.Firms.Count)
        {
            long index = entrants.FirstIndex + k;
            int shard = (int)(index / _firmsPerShard);
            int room = (int)((long)(shard + 1) * _firmsPerShard - index);
            int take = Math.Min(room, entrants.Firms.Count - k);
            if (shard >= _shards)
            {
                await Shard(shard).Initialize((long)shard * _firmsPerShard, 0, nextTick, _exits);
                _shards = shard + 1;
            }
            appends.Add(Shard(shard).Append(index, [.. entrants.Firms.Skip(k).Take(take)]));
            k += take;
        }
        await Task.WhenAll(appends);
    }

    // The lab shards past the first, which this grain holds itself.
    private IEnumerable<int> OtherLabShards => Enumerable.Range(1, Math.Max(0, (_labs.Length + _labsPerShard - 1) / _labsPerShard - 1));

    private ILabGrain LabShard(int k) => (_labShardRefs ??= new(k => GrainFactory.GetGrain<ILabGrain>(GrainKeys.LabShard(RunId, _cluster, k))))[k];

    private IFirmShardGrain Shard(int k) => (_shardRefs ??= new(k => GrainFactory.GetGrain<IFirmShardGrain>(GrainKeys.Shard(RunId, _cluster, k))))[k];

    private RunContext Ready() => _run is not null && _state is not null ? _run
        : throw new InvalidOperationException($"cluster {this.GetPrimaryKeyString()} was not initialised (or its activation was lost)");
}
