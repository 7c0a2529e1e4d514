using System.Diagnostics;
using EcoSim.Experiments.Engines;
using EcoSim.Grains.Abstractions;
using EcoSim.Model.Engine;
using EcoSim.Model.Metrics;
using EcoSim.Model.State;
using EcoSim.Model.World;

namespace EcoSim.Scale;

/// <summary>One timed run: its rows, the time to build tick 0 and the time of its ticks.</summary>
/// <param name="Rows">Every tick's metrics rows.</param>
/// <param name="StartSeconds">Reference engine: building the world; Orleans: the Start call until tick 0 is ready.</param>
/// <param name="TickSeconds">All ticks, after the start.</param>
/// <param name="FirmUpdates">Firms stepped over all ticks (live firms at the end of each tick, summed).</param>
internal sealed record TimedRun(List<MetricsRow> Rows, double StartSeconds, double TickSeconds, double FirmUpdates)
{
    public double UpdatesPerSecond => FirmUpdates / TickSeconds;
}

/// <summary>Times whole runs on either engine, the start separately from the ticks.</summary>
internal static class EngineRuns
{
    public static TimedRun Reference(WorldSpec world)
    {
        var clock = Stopwatch.StartNew();
        // No census: exited firms are let go at once, as a run of the command line without a firm panel does.
        var engine = new ReferenceEngine(world, ExitRetention.None);
        double start = clock.Elapsed.TotalSeconds;
        var rows = new List<MetricsRow>();
        double updates = 0;
        clock.Restart();
        while (engine.Tick < world.Ticks)
        {
            var tick = engine.Step();
            rows.AddRange(tick.Rows);
            updates += tick.Rows[^1][MetricColumns.Firms];
        }
        return new TimedRun(rows, start, clock.Elapsed.TotalSeconds, updates);
    }

    public static async Task<TimedRun> Orleans(IGrainFactory grains, WorldSpec world, int firmsPerShard)
    {
        var run = new RunAttempt(grains);
        var clock = Stopwatch.StartNew();
        await run.StartAsync(world, new RunLayout(firmsPerShard, Exits: ExitRetention.None));
        double start = clock.Elapsed.TotalSeconds;
        var rows = new List<MetricsRow>();
        double updates = 0;
        clock.Restart();
        for (int t = 0; t < world.Ticks; t++)
        {
            var tick = await run.StepAsync();
            rows.AddRange(tick.Rows);
            updates += tick.Rows[^1][MetricColumns.Firms];
        }
        double ticks = clock.Elapsed.TotalSeconds;
        await run.StopAsync();
        return new TimedRun(rows, start, ticks, updates);
    }
}
