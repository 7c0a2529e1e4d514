using EcoSim.Grains.Abstractions;
using EcoSim.Model.Engine;
using EcoSim.Model.Inspection;
using EcoSim.Model.Metrics;
using EcoSim.Model.Snapshots;
using EcoSim.Model.World;

namespace EcoSim.Experiments.Engines;

/// <summary>One attempt at a run under a fresh run id: one short call to start, one call per tick, then its grains are released.</summary>
/// <param name="grains">The cluster.</param>
public sealed class RunAttempt(IGrainFactory grains)
{
    private static readonly TimeSpan AbandonTimeout = TimeSpan.FromSeconds(10);
    // Parts of a snapshot fetched ahead of the one being written: enough to keep both cores busy, few enough that a
    // million-firm snapshot holds a few clusters' firms at a time, not the whole state.
    internal const int PartsAhead = 4;
    private readonly IRunGrain _run = grains.GetGrain<IRunGrain>($"run-{Guid.NewGuid():N}");

    /// <summary>The run id of this attempt, the key of its grains.</summary>
    public string Id => _run.GetPrimaryKeyString();

    /// <summary>Sets up every entity of the run at tick 0.</summary>
    public Task StartAsync(WorldSpec world, RunLayout layout) => _run.Start(world, layout);

    /// <summary>
    /// Sets up the run to continue a snapshot instead: <paramref name="parts"/> (a snapshot's, in order) are handed one at
    /// a time to the grains that hold their state; the <c>metrics</c> part is the caller's and is skipped.
    /// </summary>
    public async Task RestoreAsync(WorldSpec world, RunLayout layout, IEnumerable<StoredPart> parts)
    {
        bool first = true;
        foreach (var part in parts)
        {
            if (first) await _run.Restore(world, layout, part);
            else if (part.Name != SnapshotParts.Metrics) await _run.ImportPart(part);
            first = false;
        }
    }

    /// <summary>
    /// Sets up the run to continue the checkpoint <paramref name="record"/> of the cluster's store: the world part is read
    /// and given to the run grain, then the other parts go from the store to the grains that hold their state, in the
    /// record's order, one call per holder and run of consecutive parts it holds, each checked against the record's
    /// SHA-256; none passes through the client.
    /// </summary>
    /// <exception cref="SnapshotException">A part is missing from the store or is not the part the record names.</exception>
    public async Task RestoreAsync(WorldSpec world, RunLayout layout, StoredCheckpoints store, StoredCheckpointRecord record)
    {
        await _run.Restore(world, layout, await store.Holder(record.Parts[0]).Read(record.Slot, record.Parts[0], record.Sha256[0]));
        foreach (var run in store.HolderRuns(record, from: 1))
            await store.Holder(record.Parts[run.Start]).GiveTo(Id, record.Slot, record.Parts[run], record.Sha256[run]);
    }

    /// <summary>
    /// Hands a checkpoint of the run after the ticks stepped so far to slot <paramref name="slot"/> of the cluster's store,
    /// each cluster's parts from its cluster grain to its holder on that grain's silo, in one call to the run grain, and
    /// returns the names of the parts. The call returns once every holder has taken its parts, which is all the next tick
    /// has to wait for: the encoding of the firms and the writes go on, and the record, with the hashes
    /// <see cref="IStoredPartsGrain.Confirm"/> gives, may be written only once every holder confirmed
    /// (<see cref="StoredCheckpoints"/>). The metrics are not stored: the client delivered them already and keeps them.
    /// </summary>
    /// <returns>The names of the parts handed over, the world part first, in the order a restore imports them.</returns>
    public Task<string[]> HandToStoreAsync(StoredCheckpoints store, int slot, ScenarioIdentity scenario) =>
        _run.StoreCheckpoint(store.Series, slot, scenario);

    /// <summary>
    /// Writes a snapshot of the run after the ticks stepped so far to <paramref name="destination"/>, recording
    /// <paramref name="scenario"/> and the rows of those ticks (<paramref name="history"/>): part by part, each from
    /// the grain that holds it, so the client holds one part at a time. The bytes are the reference engine's.
    /// </summary>
    public async Task WriteSnapshotAsync(Stream destination, ScenarioIdentity scenario, IReadOnlyList<MetricsRow> history)
    {
        var world = await _run.ExportWorld(scenario);
        var counts = PartCodec.ReadWorld(world);
        var writer = new SnapshotWriter(destination);
        writer.Write(world);
        // A few parts are asked for ahead of the one being written, so the grains encode side by side and the file is
        // written meanwhile; at most that many parts are held at once.
        var ahead = new Queue<Task<StoredPart>>();
        foreach (var name in SnapshotParts.All(counts.Clusters, counts.Funds).Skip(1))
        {
            ahead.Enqueue(name == SnapshotParts.Metrics ? Task.Run(() => PartCodec.Metrics(history)) : _run.ExportPart(name));
            if (ahead.Count > PartsAhead) writer.Write(await ahead.Dequeue());
        }
        while (ahead.Count > 0) writer.Write(await ahead.Dequeue());
        writer.Finish();
    }

    /// <summary>
    /// Takes a snapshot of the run after the ticks stepped so far (<paramref name="tick"/> being the last), recording
    /// <paramref name="scenario"/> and the rows of those ticks (<paramref name="history"/>), to be written while the run
    /// goes on: every grain hands over its small parts encoded and each cluster its firms as columns, copied, so the
    /// next tick can change the state at once; the firms are encoded and hashed only when the snapshot is written, straight
    /// into its destination (<see cref="CapturedSnapshot.WriteTo"/>), with the bytes <see cref="WriteSnapshotAsync"/>
    /// writes. The client holds one copy of the firms' columns until then.
    /// </summary>
    public async Task<CapturedSnapshot> CaptureSnapshotAsync(int tick, ScenarioIdentity scenario, IReadOnlyList<MetricsRow> history)
    {
        var world = await _run.ExportWorld(scenario);
        var counts = PartCodec.ReadWorld(world);
        var metrics = Task.Run(() => PartCodec.Metrics(history));
        var region = _run.ExportPart(SnapshotParts.Region);
        var clusters = Task.WhenAll(Enumerable.Range(0, counts.Clusters).Select(async c =>
        {
            var (cluster, talent, labs, firms) = (_run.ExportPart(SnapshotParts.Cluster(c)), _run.ExportPart(SnapshotParts.Talent(c)),
                _run.ExportPart(SnapshotParts.Labs(c)), _run.Firms(tick, c));
            return (await cluster, await talent, await labs, await firms);
        }));
        var funds = Task.WhenAll(Enumerable.Range(0, counts.Funds).Select(f => _run.ExportPart(SnapshotParts.Fund(f))));
        return CapturedSnapshot.Of(world, await metrics, await region, await clusters, await funds);
    }

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
