using EcoSim.Experiments.Engines;
using EcoSim.Experiments.Output;
using EcoSim.Model.Engine;
using EcoSim.Model.Metrics;
using EcoSim.Model.State;

namespace EcoSim.Integration.Tests;

/// <summary>firms.parquet and the firm-size plot, as <c>ecosim run</c> writes them.</summary>
public sealed class FirmPanelTests
{
    [Fact]
    public async Task The_panel_holds_every_live_firm_and_each_exit_once_at_the_collected_ticks_bit_for_bit()
    {
        string dir = Path.Combine(TestFiles.NewTempFolder(), "panel");
        var (code, output, errors) = await CliRunner.Ecosim("run", TestFiles.SmallScenario, "--engine", "reference", "--out", dir, "--no-plots", "--firm-panel-every", "3");
        Assert.True(code == 0, errors);
        Assert.Contains("firms.parquet", output);
        Assert.Equal(3, ManifestReader.Read(Path.Combine(dir, "manifest.json")).PayloadOf<RunPayload>().FirmPanelEvery);

        var world = TestFiles.LoadSmall().World;
        // Every firm ever entered after each tick (an engine that keeps every exit), so a firm's position is its index.
        var census = new Dictionary<int, SimulatedTick>();
        var every = new ReferenceEngine(world);
        while (every.Tick < world.Ticks)
        {
            var outcome = every.Step();
            census[outcome.Tick] = new SimulatedTick(outcome, new FirmCensus(outcome.Tick, [.. Enumerable.Range(0, world.ClusterCount).Select(c => FirmColumns.Of(every.FirmsOf(c)))]));
        }

        var panel = new List<IReadOnlyList<FirmPanelRow>>();
        await foreach (var rows in FirmPanelReader.ReadTicksAsync(Path.Combine(dir, "firms.parquet"))) panel.Add(rows);
        Assert.Equal([2, 5, 7], panel.Select(rows => rows[0].Tick));
        int? previous = null;
        foreach (var rows in panel)
        {
            var tick = census[rows[0].Tick];
            var expected = tick.Firms!.Clusters.SelectMany(c => Enumerable.Range(0, c.Count)
                .Where(i => c.Alive[i] || (previous is int p && census[p].Firms!.Clusters[c.Cluster] is var before && i < before.Count && before.Alive[i]))
                .Select(i => (c.Cluster, (long)i, c.Read(i)))).ToList();
            Assert.Equal(expected.Count, rows.Count);
            for (int r = 0; r < rows.Count; r++)
            {
                Assert.Equal((expected[r].Cluster, expected[r].Item2), (rows[r].Cluster, rows[r].Firm));
                Assert.True(SameBits(expected[r].Item3, rows[r].State), $"tick {rows[r].Tick} cluster {rows[r].Cluster} firm {rows[r].Firm}");
                Assert.Equal(world.Clusters[rows[r].Cluster].Id, rows[r].ClusterId);
                Assert.Equal(tick.Outcome.Rows[0].Period, rows[r].Period);
            }
            for (int c = 0; c < world.ClusterCount; c++)
                Assert.Equal(tick.Outcome.Rows[c][MetricColumns.Firms], rows.Count(r => r.Cluster == c && r.State.Alive));
            previous = rows[0].Tick;
        }
        Assert.Contains(panel.Skip(1).SelectMany(rows => rows), r => !r.State.Alive); // exits appear, once
    }

    [Fact]
    public async Task The_embedded_silo_writes_the_same_panel_as_the_reference_engine_and_says_which_engine_wrote_it()
    {
        string root = TestFiles.NewTempFolder();
        var orleans = await CliRunner.Ecosim("run", TestFiles.SmallScenario, "--out", Path.Combine(root, "orleans"), "--no-plots", "--ticks", "5", "--firm-panel-every", "2", "--firms-per-shard", "300");
        var reference = await CliRunner.Ecosim("run", TestFiles.SmallScenario, "--engine", "reference", "--out", Path.Combine(root, "reference"), "--no-plots", "--ticks", "5", "--firm-panel-every", "2");
        Assert.True(orleans.Code == 0, orleans.Errors);
        Assert.True(reference.Code == 0, reference.Errors);
        // Every row bit for bit; the metadata differ only in the engine each file names.
        var (fromReference, fromOrleans) = (Path.Combine(root, "reference", "firms.parquet"), Path.Combine(root, "orleans", "firms.parquet"));
        var (referenceRows, orleansRows) = (await Panel(fromReference), await Panel(fromOrleans));
        Assert.NotEmpty(referenceRows);
        Assert.Equal(referenceRows, orleansRows);
        var (referenceKv, orleansKv) = (await KeyValues(fromReference), await KeyValues(fromOrleans));
        Assert.Equal("reference", referenceKv["ecosim.engine"]);
        Assert.Equal("orleans", orleansKv["ecosim.engine"]);
        Assert.Equal(referenceKv.Where(kv => kv.Key != "ecosim.engine"), orleansKv.Where(kv => kv.Key != "ecosim.engine"));
    }

    private static async Task<List<FirmPanelRow>> Panel(string path)
    {
        var rows = new List<FirmPanelRow>();
        await foreach (var tick in FirmPanelReader.ReadTicksAsync(path)) rows.AddRange(tick);
        return rows;
    }

    private static async Task<IReadOnlyDictionary<string, string>> KeyValues(string path)
    {
        await using var reader = await Parquet.ParquetReader.CreateAsync(path);
        return reader.CustomMetadata;
    }

    [Fact]
    public async Task Without_the_option_there_is_no_panel_and_bad_cadences_are_refused()
    {
        string root = TestFiles.NewTempFolder();
        Assert.Equal(0, (await CliRunner.Ecosim("run", TestFiles.SmallScenario, "--engine", "reference", "--out", Path.Combine(root, "plain"), "--no-plots", "--ticks", "2")).Code);
        Assert.False(File.Exists(Path.Combine(root, "plain", "firms.parquet")));
        Assert.Null(ManifestReader.Read(Path.Combine(root, "plain", "manifest.json")).PayloadOf<RunPayload>().FirmPanelEvery);

        var (code, _, errors) = await CliRunner.Ecosim("run", TestFiles.SmallScenario, "--out", Path.Combine(root, "bad"), "--firm-panel-every", "0");
        Assert.Equal(2, code);
        Assert.Contains("--firm-panel-every: expected a whole number of at least 1, found '0'", errors);
        Assert.False(Directory.Exists(Path.Combine(root, "bad")));

        var help = await CliRunner.Ecosim("run", "--help");
        Assert.Contains("--firm-panel", help.Output);
        Assert.Contains("--firm-panel-every", help.Output);
    }

    [Fact]
    public async Task A_run_draws_the_firm_size_distribution_as_png_and_svg()
    {
        string dir = Path.Combine(TestFiles.NewTempFolder(), "plot");
        var (code, _, errors) = await CliRunner.Ecosim("run", TestFiles.SmallScenario, "--engine", "reference", "--out", dir, "--ticks", "3");
        Assert.True(code == 0, errors);

        byte[] png = File.ReadAllBytes(Path.Combine(dir, "plots", "firm-size-distribution.png"));
        Assert.Equal([0x89, 0x50, 0x4E, 0x47], png.Take(4));
        Assert.Equal((900, 550), (ReadBigEndian(png, 16), ReadBigEndian(png, 20)));
        string svg = File.ReadAllText(Path.Combine(dir, "plots", "firm-size-distribution.svg"));
        foreach (string text in new[] { "<svg", "Firm size distribution", "million yuan/yr, log scale", "Share of firms with revenue", "2024Q1 (", "2024Q3 (", "scenario small · seed 7 · " })
            Assert.Contains(text, svg);
    }

    private static int ReadBigEndian(byte[] bytes, int at) => bytes[at] << 24 | bytes[at + 1] << 16 | bytes[at + 2] << 8 | bytes[at + 3];

    private static bool SameBits(FirmRecord a, FirmRecord b) =>
        new[] { (a.Productivity, b.Productivity), (a.Weight, b.Weight), (a.Revenue, b.Revenue), (a.RdIntensity, b.RdIntensity), (a.RdStock, b.RdStock), (a.Cash, b.Cash), (a.Researchers, b.Researchers) }
            .All(p => BitConverter.DoubleToInt64Bits(p.Item1) == BitConverter.DoubleToInt64Bits(p.Item2))
        && a.Age == b.Age && a.Vintage == b.Vintage && a.Alive == b.Alive;
}
