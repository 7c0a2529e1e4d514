using EcoSim.Model.Inspection;
using EcoSim.Model.Phases;
using EcoSim.Model.Snapshots;
using EcoSim.Model.State;

namespace EcoSim.Grains.Abstractions;

/// <summary>The government of a run (key: the run id): sets the budget and its split.</summary>
public interface IPolicyGrain : IGrainWithStringKey
{
    /// <summary>The budget allocation of a tick (phase 1).</summary>
    Task<BudgetAllocation> Allocate(int tick);

    /// <summary>Deactivates the grain when its run stops (it would otherwise stay until Orleans collects idle grains, hours later).</summary>
    Task Release();
}

/// <summary>
/// One cluster of a run (key: <see cref="GrainKeys.Cluster"/>): gathers its labs, signals its firm
/// shards, clears its talent market, and lets firms enter. Fans out to its own labs and shards only.
/// The talent pool is the cluster's own state rather than a grain of its own: it is cleared right
/// after the cluster's firms step and reads nothing else of this tick, so a call of its own would
/// only add a message, a turn and a response per cluster and tick.
/// </summary>
public interface IClusterGrain : IGrainWithStringKey
{
    /// <summary>Creates the cluster's firm shards and lab shards at tick 0, and its talent pool for the researchers they want.</summary>
    Task<ClusterStart> Initialize(RunLayout layout);

    /// <summary>
    /// Phases 2-4 and 6 for the cluster: its labs research (its first lab shard here, any others in parallel), their output is gathered into the
    /// signals its firms act on, its firm shards step (in parallel), and its talent pool hires for what the
    /// labs and firms want, each step after a barrier.
    /// </summary>
    Task<ClusterAdvance> Advance(int tick, BudgetAllocation budget, LabInputs inputs, RegionSnapshot previous);

    /// <summary>The state of firm <paramref name="index"/> of the cluster, read from the shard that holds it.</summary>
    Task<EntityState> InspectFirm(long index, int ticks);

    /// <summary>The state of lab <paramref name="lab"/> (a global index of one of the cluster's labs), read from its shard.</summary>
    Task<EntityState> InspectLab(int lab, int ticks);

    /// <summary>The cluster's talent pool after <paramref name="ticks"/> ticks.</summary>
    Task<EntityState> InspectTalent(int ticks);

    /// <summary>Phase 7: entry of new firms (the labs' spin-offs, the funds' deals in the cluster, spontaneous entrants) and the cluster's closing state.</summary>
    Task<ClusterEntry> Enter(int tick, FundReport funds);

    /// <summary>A copy of every firm of the cluster, in index order (its shards' columns joined); call between ticks.</summary>
    Task<FirmColumns> Firms();

    /// <summary>
    /// One of the cluster's snapshot parts, <c>cluster/C</c>, <c>talent/C</c>, <c>labs/C</c> (gathered from its lab shards) or
    /// <c>firms/C</c> (its shards' firms in index order, the same bytes whatever the shard size); call between ticks.
    /// </summary>
    Task<StoredPart> Export(string part);

    /// <summary>
    /// Hands this cluster's parts of a checkpoint (<c>cluster/C</c>, <c>talent/C</c>, <c>labs/C</c> and <c>firms/C</c>)
    /// to their holder in series <paramref name="store"/> of the cluster's checkpoint store, slot <paramref name="slot"/>,
    /// in one call (<see cref="IStoredPartsGrain.Accept"/>). The holder is placed on this grain's silo, so the cluster's
    /// largest part goes from here to the store without crossing the cluster: the firms as a copy of the shards'
    /// columns, which the holder encodes off the run's path. Returns once the holder has taken them; the encoding and
    /// the write go on. Refused in the middle of a tick, as <see cref="Export"/> is.
    /// </summary>
    Task StoreParts(string store, int slot);

    /// <summary>
    /// Takes one of the cluster's snapshot parts to continue a run after <paramref name="tick"/> ticks: first
    /// <c>cluster/C</c> (instead of <see cref="Initialize"/>), then <c>talent/C</c>, <c>labs/C</c> and <c>firms/C</c>, the last two cut into
    /// the lab and firm shards of <paramref name="layout"/>, whatever the shard size that wrote them.
    /// </summary>
    Task Import(RunLayout layout, int tick, StoredPart part);

    /// <summary>Releases the cluster and its shards.</summary>
    Task Release();
}

/// <summary>A shard of one cluster's firms with consecutive indices (key: <see cref="GrainKeys.Shard"/>).</summary>
public interface IFirmShardGrain : IGrainWithStringKey
{
    /// <summary>Creates the shard with its initial firms (none for a shard opened by entry) and returns their aggregates.</summary>
    /// <param name="firstIndex">Cluster index of the shard's first firm.</param>
    /// <param name="count">Initial firms.</param>
    /// <param name="firstTick">The first tick the shard will step (0 at the start of a run).</param>
    /// <param name="exits">How long the shard keeps its exited firms (the run's <see cref="RunLayout.Exits"/>).</param>
    Task<FirmReport> Initialize(long firstIndex, int count, int firstTick, ExitRetention exits);

    /// <summary>Phase 4 for the shard's firms.</summary>
    Task<FirmReport> Step(ClusterSignals signals);

    /// <summary>Appends entering firms; their indices continue the shard's.</summary>
    Task Append(long firstIndex, FirmRecord[] firms);

    /// <summary>One firm's state, by its index in the cluster.</summary>
    Task<FirmRecord> Inspect(long index);

    /// <summary>A copy of every firm the shard holds (the exited ones it still keeps included), column by column.</summary>
    Task<FirmColumns> Firms();

    /// <summary>
    /// The same copy for checkpoint slot <paramref name="slot"/> (0 or 1), in arrays the shard keeps for that slot and
    /// writes over the next time it is asked for it (new ones only when the shard grew): a checkpoint's copy of the
    /// columns leaves no garbage. The copy stays as it is until then, which is after the checkpoint it is for has been
    /// stored (checkpoints take turns between the two slots, one at a time).
    /// </summary>
    Task<FirmColumns> FirmsToStore(int slot);

    /// <summary>
    /// Takes <paramref name="firms"/> as its state (instead of <see cref="Initialize"/>), to continue a run whose next tick is
    /// <paramref name="firstTick"/>; its next entrant gets index <paramref name="nextIndex"/> (the firms it entered last may
    /// have been let go after their exit) and it keeps its exited firms as <paramref name="exits"/> says.
    /// </summary>
    Task Restore(FirmColumns firms, long nextIndex, int firstTick, ExitRetention exits);

    /// <summary>Releases the shard.</summary>
    Task Release();
}

/// <summary>
/// A shard of one cluster's labs (key: <see cref="GrainKeys.LabShard"/>): consecutive labs of the
/// cluster's list, <see cref="RunLayout.LabsPerShard"/> at most. The cluster grain holds shard 0 itself,
/// so these grains exist only for shards 1, 2, ... of a cluster with more labs than one shard takes.
/// </summary>
public interface ILabGrain : IGrainWithStringKey
{
    /// <summary>Takes its labs (global lab indices) at the start of a run.</summary>
    Task Initialize(int[] labs);

    /// <summary>Phase 2 for the shard's labs; returns their merged report.</summary>
    Task<LabReport> Research(int tick, LabInputs inputs);

    /// <summary>Lab <paramref name="lab"/>'s state after <paramref name="ticks"/> ticks.</summary>
    Task<EntityState> Inspect(int lab, int ticks);

    /// <summary>A copy of its labs' states, in the order it holds them; call between ticks.</summary>
    Task<LabState[]> Labs();

    /// <summary>Takes <paramref name="labs"/> as its labs (instead of <see cref="Initialize"/>), to continue a run whose next tick is <paramref name="firstTick"/>.</summary>
    Task Restore(LabState[] labs, int firstTick);

    /// <summary>Releases the shard.</summary>
    Task Release();
}

/// <summary>
/// Every fund of a run (key: the run id), in one grain: a fund's work in a tick is a few microseconds, less than a grain
/// call, so the funds invest one after another in one call rather than in a call each. Each fund keeps its own snapshot
/// part, <c>fund/F</c>.
/// </summary>
public interface IFundsGrain : IGrainWithStringKey
{
    /// <summary>Phase 5 for every fund; returns their reports merged (exact sums, so the order does not matter).</summary>
    Task<FundReport> Invest(int tick, BudgetAllocation budget, RegionSnapshot previous);

    /// <summary>Fund <paramref name="fund"/>'s state after <paramref name="ticks"/> ticks.</summary>
    Task<EntityState> Inspect(int fund, int ticks);

    /// <summary>Fund <paramref name="fund"/>'s snapshot part, <c>fund/F</c>; call between ticks, after the first.</summary>
    Task<StoredPart> Export(int fund);

    /// <summary>Every fund's snapshot part in fund order, for a checkpoint: one call instead of one per fund.</summary>
    Task<StoredPart[]> ExportAll();

    /// <summary>Takes one fund's snapshot part as its state, to continue a run after <paramref name="tick"/> ticks; every fund's part comes before the first <see cref="Invest"/>.</summary>
    Task Import(int tick, StoredPart part);

    /// <summary>Releases the funds.</summary>
    Task Release();
}
