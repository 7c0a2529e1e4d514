using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using EcoSim.Experiments.Output;
using EcoSim.Model.Metrics;
using static EcoSim.Integration.Tests.CliRunner;

namespace EcoSim.Integration.Tests;

/// <summary>
/// Every Parquet file EcoSim writes, read by DuckDB instead of EcoSim's own reader: column names and SQL
/// types, every metric of every row against the CSV beside it, the region told apart by its scope, and the
/// key-value metadata (provenance and units) that <c>parquet_kv_metadata</c> sees.
/// </summary>
public sealed class ParquetReadersTests
{
    private static string SmallBaseline => Path.Combine(AppContext.BaseDirectory, "Scenarios", "small-baseline.yaml");

    [Fact]
    public async Task A_runs_metrics_parquet_reads_in_DuckDB_with_typed_columns_and_the_csv_values()
    {
        string dir = Path.Combine(TestFiles.NewTempFolder(), "run");
        var (code, _, errors) = await Ecosim("run", TestFiles.SmallScenario, "--engine", "reference", "--seed", "11", "--ticks", "6", "--out", dir, "--no-plots");
        Assert.True(code == 0, errors);

        string parquet = Path.Combine(dir, "metrics.parquet");
        Assert.Equal(MetricsColumns([]), DuckDb.Columns(parquet));
        AssertSameValues(parquet, "TRUE", MetricsCsvReader.ReadFile(Path.Combine(dir, "metrics.csv")));
        var manifest = Manifest(dir);
        AssertProvenance(parquet, "metrics", (string)manifest["scenarioName"]!, (string)manifest["scenarioSha256"]!, [11], manifest);
        Assert.Equal(6, Scalar<long>($"SELECT count(*) FROM read_parquet({DuckDb.Literal(parquet)}) WHERE scope = 'region' AND cluster IS NULL AND cluster_id IS NULL"));
        Assert.Equal(0, Scalar<long>($"SELECT count(*) FROM read_parquet({DuckDb.Literal(parquet)}) WHERE cluster < 0"));
        var chunkUnits = DuckDb.ColumnUnits(parquet);
        foreach (var column in MetricColumns.All) Assert.Equal(column.Unit, chunkUnits[column.Name]);
        Assert.Equal("year", chunkUnits["time"]);
        Assert.False(chunkUnits.ContainsKey("scope"));
    }

    [Fact]
    public async Task A_comparisons_parquet_has_role_and_seed_and_the_baseline_in_its_metadata()
    {
        string dir = Path.Combine(TestFiles.NewTempFolder(), "cmp");
        var (code, _, errors) = await Ecosim("compare", SmallBaseline, TestFiles.SmallScenario, "--seeds", "2", "--engine", "reference", "--out", dir, "--no-plots", "--ticks", "4");
        Assert.True(code == 0, errors);

        string parquet = Path.Combine(dir, "runs", "metrics.parquet");
        Assert.Equal(MetricsColumns([("role", "VARCHAR"), ("seed", "UBIGINT")]), DuckDb.Columns(parquet));
        foreach (string role in new[] { "baseline", "policy" })
            foreach (ulong seed in new ulong[] { 7, 8 })
                AssertSameValues(parquet, $"role = '{role}' AND seed = {seed}", MetricsCsvReader.ReadFile(Path.Combine(dir, "runs", $"{role}-seed{seed}.csv")));
        var manifest = Manifest(dir);
        var kv = AssertProvenance(parquet, "metrics", (string)manifest["policy"]!["name"]!, (string)manifest["policy"]!["sha256"]!, [7, 8], manifest);
        Assert.Equal((string)manifest["baseline"]!["name"]!, kv["ecosim.baseline"]);
        Assert.Equal((string)manifest["baseline"]!["sha256"]!, kv["ecosim.baseline_sha256"]);
    }

    [Fact]
    public async Task An_ensemble_writes_one_parquet_of_every_run_with_a_seed_column()
    {
        string dir = Path.Combine(TestFiles.NewTempFolder(), "ens");
        var (code, output, errors) = await Ecosim("run", TestFiles.SmallScenario, "--seeds", "3", "--seed", "20", "--engine", "reference", "--ticks", "5", "--out", dir, "--no-plots", "--parallel", "3");
        Assert.True(code == 0, errors);
        Assert.Contains("runs/", output);

        string parquet = Path.Combine(dir, "runs", "metrics.parquet");
        Assert.Equal(MetricsColumns([("seed", "UBIGINT")]), DuckDb.Columns(parquet));
        Assert.Equal([20UL, 21UL, 22UL], DuckDb.Query($"SELECT DISTINCT seed FROM read_parquet({DuckDb.Literal(parquet)}) ORDER BY seed").Select(r => (ulong)r[0]!));
        var manifest = Manifest(dir);
        foreach (ulong seed in new ulong[] { 20, 21, 22 })
            AssertSameValues(parquet, $"seed = {seed}", MetricsCsvReader.ReadFile(Path.Combine(dir, "runs", $"{(string)manifest["scenario"]!["name"]!}-seed{seed}.csv")));
        AssertProvenance(parquet, "metrics", (string)manifest["scenario"]!["name"]!, (string)manifest["scenario"]!["sha256"]!, [20, 21, 22], manifest);
        Assert.Contains(manifest["files"]!.AsArray(), f => (string?)f!["path"] == "runs/metrics.parquet");
    }

    [Fact]
    public async Task A_sweeps_parquet_has_a_seed_and_a_column_per_swept_parameter_with_its_value()
    {
        string dir = Path.Combine(TestFiles.NewTempFolder(), "sweep");
        var (code, _, errors) = await Ecosim("sweep", SmallBaseline, "--param", "basicShare=0.1:0.3:0.2", "--param", "publicBudget=80:120:40", "--seeds", "2",
            "--engine", "reference", "--ticks", "4", "--out", dir, "--no-plots");
        Assert.True(code == 0, errors);

        string parquet = Path.Combine(dir, "runs", "metrics.parquet");
        Assert.Equal(MetricsColumns([("seed", "UBIGINT"), ("basicShare", "DOUBLE"), ("publicBudget", "DOUBLE")]), DuckDb.Columns(parquet));
        var manifest = Manifest(dir);
        ulong first = (ulong)manifest["seeds"]![0]!;
        foreach (double share in new[] { 0.1, 0.3 })
            foreach (double budget in new[] { 80.0, 120.0 })
                foreach (ulong seed in new[] { first, first + 1 })
                {
                    string label = string.Create(CultureInfo.InvariantCulture, $"basicShare={share}_publicBudget={budget}");
                    AssertSameValues(parquet, string.Create(CultureInfo.InvariantCulture, $"seed = {seed} AND basicShare = {share} AND publicBudget = {budget}"),
                        MetricsCsvReader.ReadFile(Path.Combine(dir, "runs", $"{label}-seed{seed}.csv")));
                }
        var kv = AssertProvenance(parquet, "metrics", (string)manifest["scenario"]!["name"]!, (string)manifest["scenario"]!["sha256"]!, [first, first + 1], manifest);
        var units = JsonSerializer.Deserialize<Dictionary<string, string>>(kv["ecosim.units"])!;
        Assert.True(EcoSim.Model.Parameters.ParameterCatalog.TryGet("basicShare", out var spec));
        Assert.Equal(spec.Unit, units["basicShare"]);
    }

    [Fact]
    public async Task The_firm_panel_reads_in_DuckDB_with_its_types_provenance_and_units()
    {
        string dir = Path.Combine(TestFiles.NewTempFolder(), "panel");
        var (code, _, errors) = await Ecosim("run", TestFiles.SmallScenario, "--engine", "reference", "--ticks", "5", "--firm-panel-every", "2", "--out", dir, "--no-plots");
        Assert.True(code == 0, errors);

        string parquet = Path.Combine(dir, "firms.parquet");
        Assert.Equal([("tick", "INTEGER"), ("period", "VARCHAR"), ("cluster", "INTEGER"), ("cluster_id", "VARCHAR"), ("firm", "BIGINT"),
            ("productivity", "DOUBLE"), ("weight", "DOUBLE"), ("revenue", "DOUBLE"), ("rd_intensity", "DOUBLE"), ("rd_stock", "DOUBLE"), ("cash", "DOUBLE"),
            ("researchers", "DOUBLE"), ("age", "INTEGER"), ("vintage", "INTEGER"), ("alive", "BOOLEAN")], DuckDb.Columns(parquet));
        // Ticks 1 and 3 (every second) and the last, 4; the live firms at each match the run's firm counts.
        var csv = MetricsCsvReader.ReadFile(Path.Combine(dir, "metrics.csv"));
        var alive = DuckDb.Query($"SELECT tick, count(*) FROM read_parquet({DuckDb.Literal(parquet)}) WHERE alive GROUP BY tick ORDER BY tick");
        Assert.Equal([1, 3, 4], alive.Select(r => (int)r[0]!));
        foreach (var row in alive)
            Assert.Equal(csv.Single(r => r.Tick == (int)row[0]! && r.Cluster == MetricsRow.RegionIndex)[MetricColumns.Firms], (long)row[1]!);
        var manifest = Manifest(dir);
        var kv = AssertProvenance(parquet, "firm-panel", (string)manifest["scenarioName"]!, (string)manifest["scenarioSha256"]!, [(ulong)manifest["seed"]!], manifest);
        var units = JsonSerializer.Deserialize<Dictionary<string, string>>(kv["ecosim.units"])!;
        Assert.Equal("bn yuan/yr", units["revenue"]);
        Assert.Equal("ticks", units["age"]);
        Assert.Equal("bn yuan/yr", DuckDb.ColumnUnits(parquet)["revenue"]);
    }

    [Fact]
    public async Task A_reproduction_writes_the_originals_code_version_into_its_parquet_so_a_later_build_still_compares_byte_for_byte()
    {
        string root = TestFiles.NewTempFolder();
        string dir = Path.Combine(root, "run");
        var (code, _, errors) = await Ecosim("run", TestFiles.SmallScenario, "--engine", "reference", "--ticks", "3", "--out", dir, "--no-plots");
        Assert.True(code == 0, errors);
        // As if an earlier build had written the run: its manifest names another code version.
        string manifestPath = Path.Combine(dir, "manifest.json");
        var manifest = Manifest(dir);
        string built = (string)manifest["codeVersion"]!;
        manifest["codeVersion"] = "0.9.0+0123456789abcdef";
        File.WriteAllText(manifestPath, manifest.ToJsonString());

        (code, _, errors) = await Ecosim("reproduce", manifestPath, "--out", Path.Combine(root, "again"));

        Assert.Equal("0.9.0+0123456789abcdef", DuckDb.KeyValues(Path.Combine(root, "again", "metrics.parquet"))["ecosim.code_version"]);
        Assert.Equal(built, (string)Manifest(Path.Combine(root, "again"))["codeVersion"]!); // the reproduction's own manifest says what ran it
    }

    // The columns of a metrics table after the run's own: keys, then a BIGINT per count and a DOUBLE per other metric.
    private static List<(string, string)> MetricsColumns(IEnumerable<(string, string)> runColumns) =>
    [
        .. runColumns,
        ("tick", "INTEGER"), ("period", "VARCHAR"), ("time", "DOUBLE"), ("scope", "VARCHAR"), ("cluster", "INTEGER"), ("cluster_id", "VARCHAR"),
        .. MetricColumns.All.Select(c => (c.Name, c.Kind == MetricKind.Count ? "BIGINT" : "DOUBLE")),
    ];

    // Every metric of every row of one run in the file, as DuckDB reads it, against the run's metrics.csv.
    private static void AssertSameValues(string parquet, string run, IReadOnlyList<MetricsRow> written)
    {
        var csv = written.OrderBy(r => r.Tick).ThenBy(r => r.Cluster).ToList(); // the region (-1) first, as NULLS FIRST puts it
        var rows = DuckDb.Query($"SELECT tick, period, time, scope, cluster, cluster_id, {string.Join(", ", MetricColumns.All.Select(c => c.Name))} " +
                                $"FROM read_parquet({DuckDb.Literal(parquet)}) WHERE {run} ORDER BY tick, cluster NULLS FIRST");
        Assert.Equal(csv.Count, rows.Count);
        Assert.NotEmpty(rows);
        for (int i = 0; i < csv.Count; i++)
        {
            var (expected, got) = (csv[i], rows[i]);
            bool region = expected.Cluster == MetricsRow.RegionIndex;
            Assert.Equal(expected.Tick, (int)got[0]!);
            Assert.Equal(expected.Period, (string)got[1]!);
            Assert.Equal(expected.Time, (double)got[2]!);
            Assert.Equal(region ? "region" : "cluster", (string)got[3]!);
            Assert.Equal(region ? null : expected.Cluster, (int?)got[4]);
            Assert.Equal(region ? null : expected.ClusterId, (string?)got[5]);
            for (int m = 0; m < MetricColumns.All.Count; m++)
            {
                var column = MetricColumns.All[m];
                object value = got[6 + m]!;
                if (column.Kind == MetricKind.Count) Assert.Equal((column.Name, column.Value(expected)), (column.Name, (double)(long)value));
                else Assert.Equal((column.Name, BitConverter.DoubleToInt64Bits(column.Value(expected))), (column.Name, BitConverter.DoubleToInt64Bits((double)value)));
            }
        }
    }

    // The key-value metadata DuckDB sees: what the manifest says of the scenario, seeds, engine and program, and every column's unit.
    private static Dictionary<string, string> AssertProvenance(string parquet, string format, string scenario, string sha256, ulong[] seeds, JsonNode manifest)
    {
        var kv = DuckDb.KeyValues(parquet);
        Assert.Equal(format, kv["ecosim.format"]);
        Assert.Equal(ParquetProvenance.FormatVersion.ToString(CultureInfo.InvariantCulture), kv["ecosim.format_version"]);
        Assert.Equal(scenario, kv["ecosim.scenario"]);
        Assert.Equal(sha256, kv["ecosim.scenario_sha256"]);
        Assert.Equal(seeds, JsonSerializer.Deserialize<ulong[]>(kv["ecosim.seeds"]));
        Assert.Equal((string)manifest["engine"]!, kv["ecosim.engine"]);
        Assert.Equal((string)manifest["codeVersion"]!, kv["ecosim.code_version"]);
        var units = JsonSerializer.Deserialize<Dictionary<string, string>>(kv["ecosim.units"])!;
        if (format == "metrics")
        {
            foreach (var column in MetricColumns.All) Assert.Equal(column.Unit, units[column.Name]);
            Assert.Equal("count", units["firms"]);
            Assert.Equal("bn yuan/yr", units["value_added"]);
        }
        return kv;
    }

    private static T Scalar<T>(string sql) => (T)DuckDb.Query(sql).Single()[0]!;

    private static JsonNode Manifest(string dir) => JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "manifest.json")))!;
}
