using System.Globalization;
using EcoSim.Experiments;

namespace EcoSim.Scale;

/// <summary>
/// The same world on the reference engine and on the Orleans engine at each shard size, at each firm
/// count of the plan, each case repeated: firm updates per second over the ticks (the start excluded
/// and timed separately as the activation time), and every Orleans run compared with the reference run.
/// </summary>
internal static class ThroughputSweep
{
    public static async Task RunAsync(HarnessPlan plan, IGrainFactory grains, HarnessResults results, TextWriter log)
    {
        foreach (int firms in plan.SweepFirms)
        {
            int ticks = plan.SweepTicks(firms), repetitions = plan.Repetitions(firms);
            var world = Worlds.Baseline(firms, ticks);
            log.WriteLine($"throughput: {firms:N0} firms, {ticks} ticks, {repetitions} repetitions per case");
            TimedRun? reference = null;
            for (int r = 1; r <= repetitions; r++)
            {
                reference = EngineRuns.Reference(world);
                Record(results, EngineKind.Reference, firms, 0, ticks, r, reference);
            }
            log.WriteLine(Line(EngineKind.Reference.Name(), results.SpreadOf("throughput", EngineKind.Reference, firms, 0)));

            foreach (int shard in ShardSizes(plan, firms))
            {
                for (int r = 1; r <= repetitions; r++)
                {
                    var run = await EngineRuns.Orleans(grains, world, shard);
                    Record(results, EngineKind.Orleans, firms, shard, ticks, r, run);
                    results.Compared(run.Rows.SequenceEqual(reference!.Rows), $"{firms} firms, {shard} firms per shard, repetition {r}");
                }
                log.WriteLine(Line($"{EngineKind.Orleans.Name()}, {shard}/shard", results.SpreadOf("throughput", EngineKind.Orleans, firms, shard)));
            }
        }
    }

    /// <summary>The shard sizes run at a firm count: 1 and 64 at the smallest only, the others up to their limit.</summary>
    public static IEnumerable<int> ShardSizes(HarnessPlan plan, int firms) =>
        (firms == plan.SweepFirms[0] ? plan.SmallShardSizes : []).Concat(plan.ShardSizes).Where(s => firms <= plan.MaxFirmsForShard(s));

    private static void Record(HarnessResults results, EngineKind engine, int firms, int shard, int ticks, int repetition, TimedRun run)
    {
        results.Add(new Sample("throughput", engine, firms, shard, ticks, repetition, run.UpdatesPerSecond, "firm updates/s"));
        results.Add(new Sample("activation", engine, firms, shard, ticks, repetition, run.StartSeconds, "s"));
    }

    private static string Line(string name, Spread spread) =>
        string.Create(CultureInfo.InvariantCulture, $"  {name,-22} {spread.Describe("F2", 1e-6)} M firm updates/s");
}
