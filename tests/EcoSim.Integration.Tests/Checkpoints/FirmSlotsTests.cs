using EcoSim.Experiments.Engines;
using EcoSim.Model.Engine;
using EcoSim.Model.Metrics;
using EcoSim.Model.Snapshots;
using EcoSim.Model.State;

namespace EcoSim.Integration.Tests.Checkpoints;

/// <summary>
/// The firm slots the Orleans engine counts from the rows to choose how a checkpoint is written (<see cref="FirmSlots"/>)
/// are those a run's state holds after each tick (live firms, the tick's dead and the exits kept apart), however its exits
/// are kept, from tick 0 and resumed from a checkpoint.
/// </summary>
public sealed class FirmSlotsTests
{
    public static TheoryData<string> Retentions() => ["every", "none", "census at 2, 3 and 7"];

    [Theory]
    [MemberData(nameof(Retentions))]
    public void The_slots_counted_from_the_rows_are_those_the_state_holds(string retention)
    {
        var world = EngineRuns.World(ticks: 10);
        var exits = retention switch { "every" => ExitRetention.Every, "none" => ExitRetention.None, _ => ExitRetention.UntilReported([2, 3, 7]) };
        var engine = new ReferenceEngine(world, exits);
        var ticks = new List<TickOutcome>();
        var counted = new FirmSlots(exits, 0, 0);
        long deaths = 0, keptApart = 0;
        while (engine.Tick < 5) Step(engine, counted);

        // Resumed from a checkpoint after 5 ticks, as the engine resumes one: the dead firms it holds are counted from its state.
        var bytes = new MemoryStream();
        var state = engine.State;
        RunSnapshot.Write(bytes, SnapshotWorld.Of(EngineRuns.Scenario, world, engine.Tick, state.Labs.Length, state.Funds.Length), [.. ticks.SelectMany(t => t.Rows)], state);
        bytes.Position = 0;
        var start = RunSnapshot.Read(bytes, world).State;
        var resumed = ReferenceEngine.From(world, start, exits);
        counted = new FirmSlots(exits, 5, FirmSlots.Dead(start));
        while (resumed.Tick < world.Ticks) Step(resumed, counted);

        Assert.True(deaths > 0, "the run has no exits: the count is not tested");
        if (retention != "none") Assert.True(keptApart > 0, "the run keeps no exits apart: the count is not tested");

        void Step(ReferenceEngine run, FirmSlots slots)
        {
            var outcome = run.Step();
            ticks.Add(outcome);
            deaths += (long)outcome.Rows[^1][MetricColumns.Deaths];
            long held = 0;
            foreach (var shard in run.State.Firms)
            {
                held += shard.Count + shard.ExitedCount;
                keptApart += shard.ExitedCount;
            }
            Assert.True(held == slots.After(ticks), $"{retention}: after tick {outcome.Tick} the state holds {held} firm slots, the rows count {slots.After(ticks)}");
        }
    }
}
