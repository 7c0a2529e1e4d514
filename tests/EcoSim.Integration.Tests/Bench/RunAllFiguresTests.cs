using EcoSim.Scale;

namespace EcoSim.Integration.Tests.Bench;

/// <summary>
/// The rows bench/run-all.sh's other stages give the scale harness's summary: read from the files those stages write, in
/// the forms they write them, and a stage that did not run says so rather than showing a number.
/// </summary>
public sealed class RunAllFiguresTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ecosim-run-all-figures-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private const string KernelReport = """
        ```
        BenchmarkDotNet v0.15.8
        ```
        | Method                                                       | Firms  | Mean        | Error     | Ratio | ns/firm/tick | Allocated |
        |------------------------------------------------------------- |------- |------------:|----------:|------:|-------------:|----------:|
        | &#39;firm phase (four lanes, the model&#39;s own functions)&#39;  | 4096   |    600.0 μs |  10.0 μs  |  0.42 |         146.5 |         - |
        | &#39;firm phase of 2026-12-02 (scalar, libm, Box-Muller)&#39;   | 4096   |  1,428.0 μs |  10.0 μs  |  1.00 |         348.6 |         - |
        | **&#39;firm phase (four lanes, the model&#39;s own functions)&#39;**  | **100000** |  **5,000.0 μs** |  **10.0 μs**  |  **0.25** |          **50.0** |         **-** |
        | &#39;firm phase of 2026-12-02 (scalar, libm, Box-Muller)&#39;   | 100000 | 20,000.0 μs |  10.0 μs  |  1.00 |         200.0 |         - |
        """;

    [Fact]
    public void The_firm_kernel_rows_give_ns_per_firm_and_the_speed_up_at_each_size()
    {
        var rows = RunAllFigures.FirmKernel(KernelReport).ToArray();

        Assert.Equal(2, rows.Length);
        Assert.Contains("4096 firms", rows[0].Measure);
        Assert.Equal("146.5 ns; 2.38x", rows[0].Value);
        Assert.False(rows[0].Met);
        Assert.Equal("50.0 ns; 4.00x", rows[1].Value);
        Assert.Contains("100000 firms", rows[1].Measure);
        Assert.DoesNotContain("*", rows[1].Measure, StringComparison.Ordinal);
        Assert.True(rows[1].Met);
    }

    [Fact]
    public void Whole_runs_compare_the_engines_from_whole_runs_sh_lines()
    {
        const string text = """
            run, reference engine, full baseline: 2.27 s, peak resident 212000 KB
            run, Orleans engine (embedded silo), full baseline: 3.04 s, peak resident 361000 KB
            compare, reference engine, 4 paired seeds x 40 ticks, 1 at a time: 9.10 s, peak resident 1 KB
            """;
        var row = RunAllFigures.WholeRuns(text);

        Assert.Equal("3.04 s against 2.27 s", row.Value);
        Assert.False(row.Met);
        Assert.True(RunAllFigures.WholeRuns(text.Replace("3.04", "2.01", StringComparison.Ordinal)).Met);
    }

    [Fact]
    public void The_large_world_row_takes_the_peak_in_all_from_the_cluster_load_output()
    {
        const string text = """
            cluster redis://127.0.0.1:1/x: 3 silos (pids 1, 2, 3); 10,000,000 firms, 40 quarters, 4,096 firms per shard; load 1 1 1
            ticks: 4.52 M firm updates/s over 40 quarters; peak resident per silo 695 / 426 / 452, in all 1574 MiB (102 % of the 1.5 GiB budget, 165 B per starting firm); load 1 1 1
            """;
        var row = RunAllFigures.LargeWorld(text);

        Assert.Equal("10,000,000 firms over three silos, 40 quarters: peak resident memory in all (per silo)", row.Measure);
        Assert.Equal("1574 MiB (695 / 426 / 452); 4.52 M firm updates/s", row.Value);
        Assert.False(row.Met);
        Assert.True(RunAllFigures.LargeWorld(text.Replace("1574 MiB", "1500 MiB", StringComparison.Ordinal)).Met);
    }

    [Fact]
    public void A_stage_that_did_not_run_gives_a_row_without_a_verdict()
    {
        var results = new HarnessResults();
        RunAllFigures.Add(_folder, results, SummaryBuilder.RatioMeasure(100_000, 4096), SummaryBuilder.RatioMeasure(1_000_000, 4096));

        Assert.NotEmpty(results.Summary);
        Assert.All(results.Summary, row => Assert.Null(row.Met));
        Assert.All(results.Summary, row => Assert.StartsWith("not measured in this run", row.Value, StringComparison.Ordinal));
    }

    [Fact]
    public void Every_file_present_fills_every_row_and_the_ratio_must_hold_in_every_harness_run()
    {
        string measure = SummaryBuilder.RatioMeasure(100_000, 4096);
        File.WriteAllText(Path.Combine(_folder, RunAllFigures.FirmKernelFile), KernelReport);
        File.WriteAllText(Path.Combine(_folder, RunAllFigures.TimedRunsFile),
            $"{RunAllFigures.BaselineWithPlots}: 2.50 s\n{RunAllFigures.ThirtySeeds}: 68.10 s\n");
        File.WriteAllText(Path.Combine(_folder, RunAllFigures.WholeRunsFile), "run, reference engine, full baseline: 2.00 s\nrun, Orleans engine (embedded silo), full baseline: 1.90 s\n");
        File.WriteAllText(Path.Combine(_folder, RunAllFigures.LargeWorldFile),
            "10,000,000 firms, 108 quarters\nticks: 4.00 M firm updates/s over 108 quarters; peak resident per silo 1 / 2 / 3, in all 6 MiB (0 %)\n");
        foreach (var (run, ratio) in new[] { (1, "1.62"), (2, "1.41") })
        {
            string earlier = Directory.CreateDirectory(Path.Combine(_folder, RunAllFigures.EarlierHarnessRuns + run)).FullName;
            File.WriteAllText(Path.Combine(earlier, "summary.csv"), $"measure,value,target,met\n\"{measure}\",\"5.00 M ({ratio}x)\",>= 1.5x reference,yes\n");
        }
        var results = new HarnessResults();
        results.Add(new SummaryRow(measure, "6.00 M (1.70x)", ">= 1.5x reference", true));
        string largest = SummaryBuilder.RatioMeasure(1_000_000, 4096);
        results.Add(new SummaryRow(largest, "9.00 M (1.88x)", ">= 1.5x reference", true));

        RunAllFigures.Add(_folder, results, measure, largest);

        var rows = results.Summary.Skip(2).ToDictionary(r => r.Measure);
        Assert.DoesNotContain(rows.Values, r => r.Value.StartsWith("not measured", StringComparison.Ordinal));
        var consecutive = rows[$"{measure}, consecutive harness runs"];
        Assert.Equal("1.62x, 1.41x, 1.70x", consecutive.Value);
        Assert.False(consecutive.Met);
        Assert.Equal("1.88x", rows[$"{largest}, issue 15"].Value);
        Assert.False(rows[$"{largest}, issue 15"].Met);
        Assert.True(rows[RunAllFigures.BaselineWithPlots].Met);
        Assert.Equal("68.10 s", rows[RunAllFigures.ThirtySeeds].Value);
        Assert.False(rows[RunAllFigures.ThirtySeeds].Met);
        Assert.True(rows["whole baseline run without plots (bench/whole-runs.sh): Orleans against reference"].Met);
        Assert.True(rows["10,000,000 firms over three silos, 108 quarters: peak resident memory in all (per silo)"].Met);
    }
}
