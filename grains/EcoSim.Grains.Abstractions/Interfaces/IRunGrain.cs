using EcoSim.Model.Inspection;
using EcoSim.Model.Snapshots;
using EcoSim.Model.State;
using EcoSim.Model.World;

namespace EcoSim.Grains.Abstractions;

/// <summary>
/// Drives one run (key: the run id): sets up every entity at tick 0, then runs one tick per call and
/// returns the tick's metrics. Within a tick each cluster runs its research, gathering, firms and
/// talent market as soon as its own inputs are there, the funds invest beside them, and entry waits
/// for all of them (a barrier only where a phase reads what another wrote). Each call is short
/// (one tick), so no call nears the response timeout; the client drives and shows progress.
/// </summary>
public interface IRunGrain : IGrainWithStringKey
{
    /// <summary>Sets up the run. Fails if the run was already started.</summary>
    Task Start(WorldSpec world, RunLayout layout);

    /// <summary>
    /// Sets up the run to continue a snapshot instead of starting at tick 0 (instead of <see cref="Start"/>): the world,
    /// and the snapshot's <c>world</c> part, which says after how many ticks. Every other part but <c>metrics</c> (the
    /// client's) must then be given, in order, with <see cref="ImportPart"/> before the first <see cref="Step"/>, which
    /// refuses to run with a part missing. Fails if the run was already started.
    /// </summary>
    Task Restore(WorldSpec world, RunLayout layout, StoredPart worldPart);

    /// <summary>Hands one snapshot part to the grain that holds its state (the run itself for <c>region</c>).</summary>
    Task ImportPart(StoredPart part);

    /// <summary>
    /// One part of a snapshot of the run after the ticks run so far, from the grain that holds its state: <c>region</c>,
    /// or a cluster's, talent pool's or fund's part (<see cref="SnapshotParts"/>). Call between ticks. Read-only, so that
    /// several parts are fetched side by side (each from its own grain) rather than one after another through this grain.
    /// </summary>
    [Orleans.Concurrency.ReadOnly]
    Task<StoredPart> ExportPart(string name);

    /// <summary>
    /// Hands a checkpoint of the run after the ticks run so far, recording <paramref name="scenario"/>, to the holders of
    /// series <paramref name="store"/> in the cluster's checkpoint store (<see cref="IStoredPartsGrain.Accept"/>), slot
    /// <paramref name="slot"/>: each cluster's parts from its cluster grain's silo, the run's own (world, region, funds)
    /// from this one's, one call per holder. Returns once every holder has taken its parts, with the names of every part
    /// handed over in the order a restore imports them (the world part first, the metrics left out: the client keeps
    /// them); the hashes come with <see cref="IStoredPartsGrain.Confirm"/>, since the firms are encoded after the
    /// hand-over. Call between ticks; read-only for the same reason as <see cref="ExportPart"/>.
    /// </summary>
    [Orleans.Concurrency.ReadOnly]
    Task<string[]> StoreCheckpoint(string store, int slot, ScenarioIdentity scenario);

    /// <summary>The <c>world</c> part of a snapshot of the run after the ticks run so far, recording <paramref name="scenario"/>.</summary>
    Task<StoredPart> ExportWorld(ScenarioIdentity scenario);

    /// <summary>Runs the next tick and returns its metrics.</summary>
    Task<TickRows> Step();

    /// <summary>
    /// A copy of every firm of cluster <paramref name="cluster"/> at the end of tick <paramref name="tick"/>,
    /// which must be the tick that <see cref="Step"/> finished last. One call per cluster keeps each call short.
    /// </summary>
    Task<FirmColumns> Firms(int tick, int cluster);

    /// <summary>Where the run is.</summary>
    Task<RunProgress> Progress();

    /// <summary>
    /// One agent's state after the ticks run so far (at least one): a paused run between calls to
    /// <see cref="Step"/>, or a finished run that was not stopped.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The run has no such agent; the message names the allowed range.</exception>
    Task<EntityState> Inspect(EntityRef entity);

    /// <summary>Releases every grain of the run.</summary>
    Task Stop();

    /// <summary>
    /// Sets up the run as <see cref="Start"/> does, then drives its own ticks on the server, one per turn of a grain timer
    /// that keeps the activation alive, keeping each finished tick's rows for observers; returns once it is set up. The
    /// run's other grains are released when the last tick is done (or one fails); this grain drops the rows when nobody has
    /// observed it for the silo's orphan timeout (see <c>DetachedRunOptions</c>), and answers <see cref="DetachedRunState.Released"/>
    /// from then until it is collected.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The run has more ticks than a detached run keeps the rows of.</exception>
    Task Detach(WorldSpec world, RunLayout layout, DetachedRunSpec spec);

    /// <summary>
    /// A long poll of a detached run: the rows of the ticks after the first <paramref name="fromTick"/> as soon as there are
    /// any, or none after <paramref name="wait"/> (at most 20 s), with the run's state. Interleaves with the ticks, so an
    /// observer never waits for a tick's turn, and several observers may wait at once.
    /// </summary>
    [Orleans.Concurrency.AlwaysInterleave]
    Task<RunObservation> Observe(int fromTick, TimeSpan wait);

    /// <summary>What the client that detached the run gave it, or null if no detached run has this id.</summary>
    [Orleans.Concurrency.AlwaysInterleave]
    Task<DetachedRunSpec?> Describe();
}

/// <summary>Holds a run's immutable world (key: the run id), read once per silo by the run's grains.</summary>
public interface IWorldGrain : IGrainWithStringKey
{
    /// <summary>Stores the world. A second, different world for the same run is refused.</summary>
    Task Set(WorldSpec world);

    /// <summary>The world of the run.</summary>
    Task<WorldSpec> Get();

    /// <summary>Forgets the world.</summary>
    Task Release();
}
