using System.Globalization;
using EcoSim.Experiments;

namespace EcoSim.Scale;

/// <summary>Turns the samples into the rows of the summary table, each with its target.</summary>
internal static class SummaryBuilder
{
    /// <summary>Nanoseconds per firm and tick the reference engine should reach.</summary>
    public const double ReferenceNsPerFirmTarget = 100;
    /// <summary>Orleans throughput over the reference engine's, from 100,000 firms up.</summary>
    public const double OrleansRatioTarget = 1.5;
    /// <summary>A million firms within 1 GiB: bytes per firm.</summary>
    public const double BytesPerFirmTarget = 1024.0 * 1024 * 1024 / 1_000_000;
    /// <summary>Ensemble throughput with several runs at a time over one at a time (two cores).</summary>
    public const double EnsembleSpeedUpTarget = 1.6;
    /// <summary>Sharded engine over one activation per firm.</summary>
    public const double ShardingTarget = 100;
    /// <summary>Peak resident memory of a 100-run streamed ensemble, MiB.</summary>
    public const double EnsemblePeakTargetMiB = 1024;

    public static void Build(HarnessPlan plan, HarnessResults results)
    {
        var inv = CultureInfo.InvariantCulture;
        results.Add(new SummaryRow("Orleans runs identical to the reference engine",
            $"{results.ComparedRuns - results.Differences.Count} of {results.ComparedRuns}", "all", results.Differences.Count == 0));

        int smallest = plan.SweepFirms[0];
        foreach (int firms in plan.SweepFirms)
        {
            var reference = results.SpreadOf("throughput", EngineKind.Reference, firms, 0);
            results.Add(new SummaryRow($"reference engine, {firms:N0} firms: firm updates/s", reference.Describe("F2", 1e-6) + " M", "none set", null));
            if (firms == plan.SweepFirms[Math.Min(1, plan.SweepFirms.Length - 1)])
            {
                double ns = 1e9 / reference.Median;
                results.Add(new SummaryRow($"reference engine, {firms:N0} firms: ns per firm per tick", ns.ToString("F0", inv),
                    $"<= {ReferenceNsPerFirmTarget:F0}", ns <= ReferenceNsPerFirmTarget));
            }
            foreach (int shard in ThroughputSweep.ShardSizes(plan, firms))
            {
                var orleans = results.SpreadOf("throughput", EngineKind.Orleans, firms, shard);
                double ratio = orleans.Median / reference.Median;
                bool targeted = firms > smallest;
                results.Add(new SummaryRow(RatioMeasure(firms, shard),
                    $"{orleans.Describe("F2", 1e-6)} M ({ratio.ToString("F2", inv)}x)",
                    targeted ? $">= {OrleansRatioTarget:F1}x reference" : "none set", targeted ? ratio >= OrleansRatioTarget : null));
            }
        }

        var sharded = results.SpreadOf("throughput", EngineKind.Orleans, smallest, plan.DefaultShard);
        var perFirm = results.SpreadOf("throughput", EngineKind.Orleans, smallest, 1);
        double sharding = sharded.Median / perFirm.Median;
        results.Add(new SummaryRow($"sharded ({plan.DefaultShard:N0}/shard) over one activation per firm, {smallest:N0} firms",
            $"{sharding.ToString("F0", inv)}x", $">= {ShardingTarget:F0}x", sharding >= ShardingTarget));

        foreach (int firms in plan.MemoryFirms)
            foreach (var engine in new[] { EngineKind.Reference, EngineKind.Orleans })
            {
                double managed = Single(results, "memory-managed", engine, firms), working = Single(results, "memory-working-set", engine, firms);
                results.Add(new SummaryRow($"memory per firm, {engine.Name()}, {firms:N0} firms (managed heap / working set)",
                    $"{managed.ToString("F0", inv)} B / {working.ToString("F0", inv)} B", $"<= {BytesPerFirmTarget:F0} B (1M firms in 1 GiB)",
                    Math.Max(managed, working) <= BytesPerFirmTarget));
            }

        foreach (int firms in plan.SweepFirms)
        {
            var start = results.SpreadOf("activation", EngineKind.Orleans, firms, plan.DefaultShard);
            var build = results.SpreadOf("activation", EngineKind.Reference, firms, 0);
            results.Add(new SummaryRow($"time to activate a run (Start until tick 0), {firms:N0} firms, {plan.DefaultShard:N0}/shard",
                $"{start.Describe("F3")} s (reference engine builds it in {build.Median.ToString("F3", inv)} s)", "none set", null));
        }

        foreach (var engine in new[] { EngineKind.Reference, EngineKind.Orleans })
        {
            double one = Single(results, "ensemble", engine, plan.EnsembleFirms, plan.Concurrency[0]);
            foreach (int parallel in plan.Concurrency)
            {
                double perMinute = Single(results, "ensemble", engine, plan.EnsembleFirms, parallel);
                bool targeted = parallel > 1;
                results.Add(new SummaryRow($"ensemble throughput, {engine.Name()}, {parallel} at a time ({plan.EnsembleFirms:N0} firms, {plan.EnsembleTicks} ticks)",
                    $"{perMinute.ToString("F1", inv)} runs/min ({(perMinute / one).ToString("F2", inv)}x)",
                    targeted ? $">= {EnsembleSpeedUpTarget:F1}x one at a time" : "none set", targeted ? perMinute / one >= EnsembleSpeedUpTarget : null));
            }
        }

        var peak = results.Samples.Single(s => s.Measure == "ensemble-peak");
        double before = results.Samples.Single(s => s.Measure == "ensemble-peak-before").Value;
        results.Add(new SummaryRow($"peak resident memory, {plan.PeakRuns} streamed runs ({peak.Firms:N0} firms, {peak.Ticks} ticks, {peak.FirmsPerShard} at a time)",
            $"{peak.Value.ToString("F0", inv)} MiB (before: {before.ToString("F0", inv)} MiB)", $"<= {EnsemblePeakTargetMiB:F0} MiB", peak.Value <= EnsemblePeakTargetMiB));
    }

    /// <summary>The row of the Orleans engine's throughput and its ratio to the reference engine's, at one size and shard size.</summary>
    public static string RatioMeasure(int firms, int shard) => $"Orleans, {firms:N0} firms, {shard:N0}/shard: firm updates/s (ratio to reference)";

    /// <summary>The ratio row issue 15 targets: the second size of the sweep (100,000 firms in a full run) at the default shard size.</summary>
    public static string TargetedRatioMeasure(HarnessPlan plan) => RatioMeasure(plan.SweepFirms[Math.Min(1, plan.SweepFirms.Length - 1)], plan.DefaultShard);

    private static double Single(HarnessResults results, string measure, EngineKind engine, int firms, int shard = 0) =>
        results.SpreadOf(measure, engine, firms, shard).Median;
}
