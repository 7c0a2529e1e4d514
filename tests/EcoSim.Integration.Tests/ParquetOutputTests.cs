using EcoSim.Experiments.Output;

namespace EcoSim.Integration.Tests;

/// <summary>metrics.parquet beside metrics.csv: the same rows, value by value, for a run and for a comparison.</summary>
public sealed class ParquetOutputTests
{
    private static string SmallBaseline => Path.Combine(AppContext.BaseDirectory, "Scenarios", "small-baseline.yaml");

    [Fact]
    public async Task A_run_writes_metrics_parquet_with_the_csv_rows()
    {
        string dir = Path.Combine(TestFiles.NewTempFolder(), "run");
        var (code, output, errors) = await CliRunner.Ecosim("run", TestFiles.SmallScenario, "--engine", "reference", "--out", dir, "--no-plots", "--ticks", "6");
        Assert.True(code == 0, errors);
        Assert.Contains("metrics.parquet", output);

        var csv = MetricsCsvReader.ReadFile(Path.Combine(dir, "metrics.csv"));
        var parquet = await MetricsParquetReader.ReadFileAsync(Path.Combine(dir, "metrics.parquet"));
        Assert.Equal(6 * 5, csv.Count);
        MetricsRowBits.AssertSame(csv, parquet);
        Assert.Contains(ManifestReader.Read(Path.Combine(dir, "manifest.json")).Files, f => f.Path == "metrics.parquet");
    }

    [Fact]
    public async Task A_comparison_writes_one_parquet_with_every_run_in_order()
    {
        string dir = Path.Combine(TestFiles.NewTempFolder(), "cmp");
        var (code, _, errors) = await CliRunner.Ecosim("compare", SmallBaseline, TestFiles.SmallScenario, "--seeds", "3", "--engine", "reference", "--out", dir, "--no-plots", "--ticks", "5", "--parallel", "3");
        Assert.True(code == 0, errors);

        var rows = await MetricsParquetReader.ReadEnsembleAsync(Path.Combine(dir, "runs", "metrics.parquet"));
        (string, ulong)[] runs = [("baseline", 7), ("policy", 7), ("baseline", 8), ("policy", 8), ("baseline", 9), ("policy", 9)];
        Assert.Equal(runs, rows.Select(r => (r.Role, r.Seed)).Distinct());
        foreach (var (role, seed) in runs)
        {
            var csv = MetricsCsvReader.ReadFile(Path.Combine(dir, "runs", $"{role}-seed{seed}.csv"));
            Assert.Equal(5 * 5, csv.Count);
            MetricsRowBits.AssertSame(csv, [.. rows.Where(r => r.Role == role && r.Seed == seed).Select(r => r.Row)]);
        }
    }
}
