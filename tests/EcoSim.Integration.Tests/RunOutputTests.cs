using EcoSim.Experiments;
using System.Text.Json;
using EcoSim.Client.Cli;
using EcoSim.Experiments.Engines;
using EcoSim.Experiments.Output;
using EcoSim.Model.Metrics;
using EcoSim.Experiments.Pipelines;

namespace EcoSim.Integration.Tests;

/// <summary>The whole run pipeline on the two-silo test cluster: files, their structure, determinism.</summary>
[Collection(TwoSiloCluster.Name)]
public sealed class RunOutputTests(TestClusterFixture fixture)
{
    private async Task<(int Code, string Output, string Errors)> Run(string outDir, ulong? seed = null, bool plots = true)
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        var small = TestFiles.LoadSmall();
        var settings = new RunSettings(seed is ulong s ? small.WithSeed(s) : small, new OutputSettings(new EngineChoice(EngineKind.Orleans, 64), outDir, plots));
        EngineOpener onTestCluster = (s, _) => Task.FromResult<ISimulationEngine>(
            new OrleansSimulation(OrleansConnections.Borrow(fixture.Cluster.GrainFactory, fixture.Cluster.Silos.Count), s.Engine.FirmsPerShard));
        int code = await PipelineCalls.RunAsync(async events => await new RunPipeline(events with { OpenEngine = onTestCluster }).ExecuteAsync(settings, CancellationToken.None), output, errors);
        return (code, output.ToString(), errors.ToString());
    }

    [Fact]
    public async Task A_run_writes_metrics_manifest_and_plots_with_the_expected_structure()
    {
        string dir = Path.Combine(TestFiles.NewTempFolder(), "out");
        var (code, output, errors) = await Run(dir);
        Assert.True(code == 0, errors);
        Assert.Contains("wrote", output);

        var rows = MetricsCsvReader.ReadFile(Path.Combine(dir, "metrics.csv"));
        var scenario = TestFiles.LoadSmall();
        Assert.Equal(scenario.World.Ticks * (scenario.World.ClusterCount + 1), rows.Count);
        Assert.Equal(["electronics", "materials", "semiconductors", "biomedicine", "region"], rows.Take(5).Select(r => r.ClusterId));
        Assert.Equal("2024Q1", rows[0].Period);
        Assert.Equal("2025Q4", rows[^1].Period);
        string header = File.ReadLines(Path.Combine(dir, "metrics.csv")).First();
        Assert.Equal(string.Join(",", MetricsCsvFormat.Header), header);
        foreach (var row in rows.Where(r => r.Cluster == MetricsRow.RegionIndex))
        {
            Assert.True(row[MetricColumns.Firms] > 0 && row[MetricColumns.TotalRd] > row[MetricColumns.FirmRd] && row[MetricColumns.PublicBudget] > 0, $"implausible region row at {row.Period}");
            Assert.InRange(row[MetricColumns.BasicShare], 0, 1);
        }
        // The one-third rule of the small scenario starts at 2024Q4.
        Assert.Equal(0.2, rows.Single(r => r.Period == "2024Q3" && r.Cluster == MetricsRow.RegionIndex)[MetricColumns.BasicShare], 12);
        Assert.Equal(0.3333, rows.Single(r => r.Period == "2024Q4" && r.Cluster == MetricsRow.RegionIndex)[MetricColumns.BasicShare], 12);

        var manifest = ManifestReader.Read(Path.Combine(dir, "manifest.json"));
        var run = manifest.PayloadOf<RunPayload>();
        Assert.Equal("small", run.ScenarioName);
        Assert.Equal("orleans", manifest.Engine);
        Assert.Equal(2, manifest.SiloCount);
        Assert.Equal(64, manifest.FirmsPerShard);
        Assert.Equal(7UL, run.Seed);
        Assert.Equal(8, manifest.TickCount);
        Assert.Equal(scenario.Sha256, run.ScenarioSha256);
        Assert.True(manifest.EndedUtc >= manifest.StartedUtc);
        Assert.Contains(manifest.Files, f => f.Path == "metrics.csv");

        var plots = Directory.GetFiles(Path.Combine(dir, "plots"), "*.png");
        Assert.Equal(RunPlots.FileNames.Append(FirmSizeChart.FileName).Order(), plots.Select(Path.GetFileName).Order());
        foreach (var png in plots)
        {
            var bytes = File.ReadAllBytes(png);
            Assert.True(bytes.Length > 10_000, $"{png} is suspiciously small");
            Assert.Equal([0x89, 0x50, 0x4E, 0x47], bytes.Take(4));
        }
        Assert.Empty(Directory.GetDirectories(Path.GetDirectoryName(dir)!, ".*partial*"));
    }

    [Fact]
    public async Task Same_seed_writes_identical_metrics_and_another_seed_changes_them()
    {
        string root = TestFiles.NewTempFolder();
        Assert.Equal(0, (await Run(Path.Combine(root, "a"), 42, plots: false)).Code);
        Assert.Equal(0, (await Run(Path.Combine(root, "b"), 42, plots: false)).Code);
        Assert.Equal(0, (await Run(Path.Combine(root, "c"), 43, plots: false)).Code);
        byte[] a = File.ReadAllBytes(Path.Combine(root, "a", "metrics.csv"));
        byte[] b = File.ReadAllBytes(Path.Combine(root, "b", "metrics.csv"));
        byte[] c = File.ReadAllBytes(Path.Combine(root, "c", "metrics.csv"));
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "c", "manifest.json")));
        Assert.Equal(43UL, manifest.RootElement.GetProperty("seed").GetUInt64());
    }
}
