using EcoSim.Model.Engine;
using EcoSim.Model.Metrics;
using EcoSim.Model.Snapshots;
using EcoSim.Model.State;

namespace EcoSim.Experiments.Engines;

/// <summary>
/// The firm slots (live firms and the exits still kept) a run's state holds after a tick, followed from the region rows
/// the run delivers: what decides whether a checkpoint is copied or written in place (<see cref="SnapshotCapture"/>),
/// without asking the grains. A shard's slots after tick <c>t</c> are its live firms (the rows' <c>firms</c>, entrants
/// included), the firms that died in <c>t</c> (the rows' <c>deaths</c>, still in their slots) and the exits kept apart at
/// the start of <c>t</c>: those held after <c>t - 1</c> if the run's <see cref="ExitRetention"/> keeps them past it
/// (<see cref="FirmShard.Compact(int, ExitRetention)"/>), none otherwise.
/// </summary>
/// <param name="exits">How the run keeps its exits.</param>
/// <param name="startTick">The ticks done when the run started (0, or those of the checkpoint it resumed).</param>
/// <param name="heldAtStart">The dead firms its state held then (0 for a run from tick 0, else <see cref="Dead"/> of the checkpoint's state).</param>
internal sealed class FirmSlots(ExitRetention exits, int startTick, long heldAtStart)
{
    /// <summary>
    /// The slots after the last of <paramref name="ticks"/> (every tick of the run so far, in order). Ticks before the
    /// run's start (a resumed run's history) are skipped: another run computed them, under its own retention.
    /// </summary>
    public long After(IEnumerable<TickOutcome> ticks)
    {
        long held = heldAtStart, live = 0;
        foreach (var tick in ticks)
        {
            if (tick.Tick < startTick) continue;
            var region = tick.Rows[^1];
            held = (long)region[MetricColumns.Deaths] + (exits.KeepsPast(tick.Tick - 1) ? held : 0);
            live = (long)region[MetricColumns.Firms];
        }
        return live + held;
    }

    /// <summary>The dead firms <paramref name="state"/> holds (in its live slots or kept apart): what a run resumed from it starts with.</summary>
    public static long Dead(RunState state)
    {
        long dead = 0;
        foreach (var shard in state.Firms)
        {
            dead += shard.ExitedCount;
            for (int i = 0; i < shard.Count; i++) if (shard.Alive[i] == 0) dead++;
        }
        return dead;
    }
}
