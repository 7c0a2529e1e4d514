using System.Collections;
using EcoSim.Model.Snapshots;
using EcoSim.Model.Time;
using EcoSim.Model.World;
using EcoSim.Scenarios;

namespace EcoSim.Experiments.Checkpoints;

/// <summary>
/// A run's newest in-memory snapshot, taken after the ticks its owner asks for while the run goes: a run driven
/// quarter by quarter (the explorer's) cannot name its checkpoints before it starts, because the user decides
/// where to pause and branch as it plays. The owner answers, after each tick, whether a snapshot is wanted then;
/// only the newest is kept, so a run holds at most one snapshot's bytes. A branch continues from it and computes
/// only the quarters after it, instead of the whole history from tick 0.
/// </summary>
/// <param name="wanted">Whether to take a snapshot after this many ticks done; asked by the engine once per tick, before the tick is delivered.</param>
public sealed class SnapshotOnRequest(Func<int, bool> wanted) : ICheckpointSink
{
    private readonly object _lock = new();
    private (int Tick, byte[] Bytes)? _newest;

    /// <summary>The schedule to run with: its ticks are those <c>wanted</c> says yes to, decided as the run goes.</summary>
    public CheckpointSchedule Schedule { get; } = new(new AskedTicks(wanted));

    /// <summary>
    /// The checkpoints of a run of <paramref name="scenario"/> from <paramref name="start"/> (null: tick 0) that keeps its
    /// snapshots here; on a cluster its restart points are paced by their cost, not taken at every snapshot.
    /// </summary>
    public RunCheckpoints For(Scenario scenario, LoadedSnapshot? start) => RunCheckpoints.For(scenario, start, Schedule, this) with { PacedRestartPoints = true };

    /// <summary>The newest snapshot's ticks done and its size in bytes, or null before the first.</summary>
    public (int Tick, long Bytes)? Newest
    {
        get { lock (_lock) return _newest is { } n ? (n.Tick, n.Bytes.LongLength) : null; }
    }

    /// <summary>
    /// The newest snapshot taken at or before <paramref name="tick"/> ticks done, read for a run of <paramref name="world"/>
    /// (which may differ from the run that took it only from the snapshot's tick on), or null if there is none.
    /// </summary>
    /// <exception cref="SnapshotMismatchException"><paramref name="world"/> differs from the snapshot's before its tick.</exception>
    public LoadedSnapshot? Before(int tick, WorldSpec world)
    {
        byte[] bytes;
        lock (_lock)
        {
            if (_newest is not { } n || n.Tick > tick) return null;
            bytes = n.Bytes;
        }
        return SnapshotBytes.Read(bytes, world);
    }

    /// <summary>Drops the snapshot held (the run is released).</summary>
    public void Clear()
    {
        lock (_lock) _newest = null;
    }

    /// <inheritdoc/>
    public async Task WriteAsync(int tick, Period period, Func<Stream, Task> write, CancellationToken cancellation)
    {
        using var buffer = new MemoryStream();
        await write(buffer);
        var bytes = buffer.ToArray();
        lock (_lock) if (_newest is not { } n || n.Tick <= tick) _newest = (tick, bytes);
    }

    // A set whose membership is asked as the run goes. Engines ask a schedule only whether it is empty and whether it holds a
    // tick; nothing is listed in advance, so the set lists nothing and counts one to say it is not empty.
    private sealed class AskedTicks(Func<int, bool> wanted) : IReadOnlySet<int>
    {
        public int Count => 1;
        public bool Contains(int item) => wanted(item);
        public IEnumerator<int> GetEnumerator() => Enumerable.Empty<int>().GetEnumerator();
        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
        public bool IsProperSubsetOf(IEnumerable<int> other) => throw Unlisted();
        public bool IsProperSupersetOf(IEnumerable<int> other) => throw Unlisted();
        public bool IsSubsetOf(IEnumerable<int> other) => throw Unlisted();
        public bool IsSupersetOf(IEnumerable<int> other) => throw Unlisted();
        public bool Overlaps(IEnumerable<int> other) => throw Unlisted();
        public bool SetEquals(IEnumerable<int> other) => throw Unlisted();
        private static NotSupportedException Unlisted() => new("the ticks of a snapshot taken on request are decided as the run goes and cannot be compared in advance");
    }
}

/// <summary>A snapshot held as bytes in memory (the same bytes a checkpoint file holds), read for the run that continues it.</summary>
public static class SnapshotBytes
{
    /// <summary>Reads <paramref name="bytes"/> for a run of <paramref name="world"/>, checking that the world may continue it.</summary>
    /// <exception cref="SnapshotMismatchException"><paramref name="world"/> differs from the snapshot's before its tick.</exception>
    public static LoadedSnapshot Read(byte[] bytes, WorldSpec world)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        return RunSnapshot.Read(stream, world);
    }

    /// <summary>The checkpoints of a run that continues <paramref name="start"/> and writes none.</summary>
    public static RunCheckpoints Continuing(LoadedSnapshot start) => new(start, CheckpointSchedule.None, null, new ScenarioIdentity("", "", ""));
}
