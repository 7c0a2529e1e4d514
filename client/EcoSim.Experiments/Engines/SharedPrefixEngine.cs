using System.Runtime.CompilerServices;
using EcoSim.Experiments.Checkpoints;
using EcoSim.Model.Engine;
using EcoSim.Model.Inspection;
using EcoSim.Model.Snapshots;
using EcoSim.Model.World;
using EcoSim.Scenarios;

namespace EcoSim.Experiments.Engines;

/// <summary>
/// An engine that computes the history two runs share once. A <em>writer</em> run (a comparison's baseline)
/// keeps an in-memory snapshot after the last shared tick; its <em>reader</em> (the policy twin with the same
/// seed) waits for that snapshot and continues from it, its shared quarters yielded from the snapshot's
/// history. Because random numbers are keyed by entity and tick, the reader's ticks and rows are the bytes it
/// would have computed from tick 0; runs of neither kind pass straight to the inner engine.
/// </summary>
/// <param name="inner">The engine that runs; not disposed here (the caller owns it).</param>
/// <param name="pairs">The writers' and readers' worlds (by reference), the ticks they share and the scenario the snapshot records.</param>
internal sealed class SharedPrefixEngine(ISimulationEngine inner, IReadOnlyList<SharedPrefixPair> pairs) : ISimulationEngine
{
    private readonly Dictionary<WorldSpec, (SharedPrefixPair Pair, MemoryCheckpoint Snapshot)> _writers = pairs.ToDictionary(p => p.Writer, p => (p, new MemoryCheckpoint()), ReferenceEqualityComparer.Instance as IEqualityComparer<WorldSpec>);
    private readonly Dictionary<WorldSpec, MemoryCheckpoint> _readers = new(ReferenceEqualityComparer.Instance as IEqualityComparer<WorldSpec>);

    /// <inheritdoc/>
    public EngineKind Kind => inner.Kind;
    /// <inheritdoc/>
    public int SiloCount => inner.SiloCount;
    /// <inheritdoc/>
    public int FirmsPerShard => inner.FirmsPerShard;

    /// <summary>This engine over the inner engine's layout for the experiment (a fresh one, before any run, when the layout differs).</summary>
    public ISimulationEngine ForMembers(int members, int parallelism, long firms) =>
        inner.ForMembers(members, parallelism, firms) is var chosen && !ReferenceEquals(chosen, inner) ? new SharedPrefixEngine(chosen, pairs) : this;

    private MemoryCheckpoint? ReaderSnapshot(WorldSpec world)
    {
        lock (_readers)
        {
            if (_readers.Count == 0)
                foreach (var (pair, snapshot) in _writers.Values) _readers[pair.Reader] = snapshot;
            return _readers.GetValueOrDefault(world);
        }
    }

    /// <inheritdoc/>
    public async IAsyncEnumerable<TickOutcome> RunAsync(WorldSpec world, [EnumeratorCancellation] CancellationToken cancellation)
    {
        await foreach (var tick in RunAsync(world, new HashSet<int>(), cancellation)) yield return tick.Outcome;
    }

    /// <inheritdoc/>
    public IAsyncEnumerable<SimulatedTick> RunAsync(WorldSpec world, IReadOnlySet<int> firmTicks, CancellationToken cancellation)
    {
        if (_writers.TryGetValue(world, out var writer))
            return Write(world, firmTicks, writer.Pair, writer.Snapshot, cancellation);
        if (ReaderSnapshot(world) is { } snapshot)
            return Read(world, firmTicks, snapshot, cancellation);
        return inner.RunAsync(world, firmTicks, cancellation);
    }

    // The writer: an ordinary run that hands over its state after the shared ticks; if it fails before, its reader is told.
    private async IAsyncEnumerable<SimulatedTick> Write(WorldSpec world, IReadOnlySet<int> firmTicks, SharedPrefixPair pair, MemoryCheckpoint snapshot,
                                                        [EnumeratorCancellation] CancellationToken cancellation)
    {
        var plan = new RunCheckpoints(null, new CheckpointSchedule(new SortedSet<int> { pair.SharedTicks }), snapshot, pair.Scenario);
        var ticks = inner.RunAsync(world, firmTicks, plan, cancellation).GetAsyncEnumerator(cancellation);
        try
        {
            while (true)
            {
                bool more;
                try { more = await ticks.MoveNextAsync(); }
                catch (Exception e)
                {
                    snapshot.Abandon(e);
                    throw;
                }
                if (!more) break;
                yield return ticks.Current;
            }
        }
        finally
        {
            snapshot.Abandon(null);
            await ticks.DisposeAsync();
        }
    }

    // The reader: waits for its writer's snapshot, then continues from it.
    private async IAsyncEnumerable<SimulatedTick> Read(WorldSpec world, IReadOnlySet<int> firmTicks, MemoryCheckpoint snapshot,
                                                       [EnumeratorCancellation] CancellationToken cancellation)
    {
        var start = SnapshotBytes.Read(await snapshot.Bytes.WaitAsync(cancellation), world);
        var plan = SnapshotBytes.Continuing(start);
        await foreach (var tick in inner.RunAsync(world, firmTicks, plan, cancellation)) yield return tick;
    }

    /// <inheritdoc/>
    public IAsyncEnumerable<SimulatedTick> RunAsync(WorldSpec world, IReadOnlySet<int> firmTicks, RunCheckpoints checkpoints, CancellationToken cancellation) =>
        inner.RunAsync(world, firmTicks, checkpoints, cancellation);

    /// <inheritdoc/>
    public Task<EntityState> InspectAsync(WorldSpec world, int ticks, EntityRef entity, CancellationToken cancellation) =>
        inner.InspectAsync(world, ticks, entity, cancellation);

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

/// <summary>Two runs that share their first ticks: the one that computes them and the one that continues from its snapshot.</summary>
/// <param name="Writer">The world of the run that computes the shared ticks.</param>
/// <param name="Reader">The world of the run that continues from the writer's snapshot.</param>
/// <param name="SharedTicks">Ticks both runs compute alike, from 1 to one less than the run's ticks.</param>
/// <param name="Scenario">The scenario the snapshot records (the writer's).</param>
internal sealed record SharedPrefixPair(WorldSpec Writer, WorldSpec Reader, int SharedTicks, ScenarioIdentity Scenario)
{
    /// <summary>
    /// The pairs of a comparison: each seed's baseline writes, its policy twin reads, when they first differ after tick 0
    /// (<see cref="Ensembles.PolicyOnset"/>); pairs that differ from the start, or never, share nothing here.
    /// </summary>
    public static IReadOnlyList<SharedPrefixPair> OfComparison(Experiment experiment)
    {
        var pairs = new List<SharedPrefixPair>();
        var members = experiment.Members;
        for (int i = 0; i + 1 < members.Count; i += 2)
        {
            var (baseline, policy) = (members[i], members[i + 1]);
            if (baseline.Role != MemberRole.Baseline || policy.Role != MemberRole.Policy || baseline.Seed != policy.Seed) continue;
            var (writer, reader) = (baseline.Scenario.World, policy.Scenario.World);
            if (writer.Ticks != reader.Ticks) continue;
            if (Ensembles.PolicyOnset.FirstTick(writer, reader) is int onset && onset >= 1 && onset < writer.Ticks)
                pairs.Add(new SharedPrefixPair(writer, reader, onset, RunCheckpoints.For(baseline.Scenario, null, CheckpointSchedule.None, null).Scenario));
        }
        return pairs;
    }
}
