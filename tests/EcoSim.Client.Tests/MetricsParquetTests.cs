using EcoSim.Experiments.Output;
using EcoSim.Model.Metrics;

namespace EcoSim.Client.Tests;

public sealed class MetricsParquetTests
{
    private static readonly double[] Awkward =
    [
        0.1, 1e-300, -123456789.123456789, double.Epsilon, double.MaxValue, double.MinValue, 1.0 / 3.0, -0.0,
        0, 0.30000000000000004, Math.PI, double.NaN, double.NegativeInfinity, double.PositiveInfinity,
    ];

    // Whole numbers a count may hold: both a double and a long keep them exactly.
    private static readonly double[] AwkwardCounts = [0, 1, 3, 1e6, 9007199254740993.0, -2, 1L << 40];

    private static readonly ParquetProvenance Provenance = new("sample", new string('a', 64), [7], "reference", "1.0.0+test");

    [Fact]
    public async Task Parquet_holds_the_same_rows_as_the_csv_bit_for_bit()
    {
        using var temp = new TempFolder();
        IReadOnlyList<MetricsRow> rows = [.. Sample(12), .. AwkwardRows()];
        MetricsCsvWriter.WriteFile(temp.Combine("m.csv"), rows);
        await MetricsParquetWriter.WriteFileAsync(temp.Combine("m.parquet"), rows, Provenance);

        var fromCsv = MetricsCsvReader.ReadFile(temp.Combine("m.csv"));
        var fromParquet = await MetricsParquetReader.ReadFileAsync(temp.Combine("m.parquet"));

        MetricsRowBits.AssertSame(fromCsv, fromParquet);
        MetricsRowBits.AssertSame(rows, fromParquet);
    }

    [Fact]
    public async Task A_long_run_is_split_into_row_groups_that_read_back_in_order()
    {
        using var temp = new TempFolder();
        IReadOnlyList<MetricsRow> rows = Sample(300); // 6300 rows: two row groups
        await using (var writer = await MetricsParquetWriter.CreateAsync(temp.Combine("m.parquet"), Provenance))
            foreach (var tick in rows.Chunk(SampleRows.Clusters + 1)) await writer.WriteAsync(tick);

        await using var reader = await Parquet.ParquetReader.CreateAsync(temp.Combine("m.parquet"));
        Assert.Equal(2, reader.RowGroupCount);
        MetricsRowBits.AssertSame(rows, await MetricsParquetReader.ReadFileAsync(temp.Combine("m.parquet")));
    }

    [Fact]
    public async Task The_same_rows_give_byte_identical_files()
    {
        using var temp = new TempFolder();
        IReadOnlyList<MetricsRow> rows = [.. Sample(20), .. AwkwardRows()];
        await MetricsParquetWriter.WriteFileAsync(temp.Combine("a.parquet"), rows, Provenance);
        await using (var writer = await MetricsParquetWriter.CreateAsync(temp.Combine("b.parquet"), Provenance))
            foreach (var row in rows) await writer.WriteAsync([row]);

        Assert.Equal(File.ReadAllBytes(temp.Combine("a.parquet")), File.ReadAllBytes(temp.Combine("b.parquet")));
    }

    [Fact]
    public async Task Ensemble_runs_finishing_in_any_order_give_the_same_bytes_in_the_listed_order()
    {
        using var temp = new TempFolder();
        EnsembleRun[] order = [new("baseline", 7, []), new("policy", 7, []), new("baseline", 8, []), new("policy", 8, [])];
        var runs = order.ToDictionary(r => (r.Role, r.Seed), r => Shifted(Sample(3), r.Seed + (r.Role == "policy" ? 100UL : 0)));

        async Task Write(string file, IEnumerable<EnsembleRun> finishing)
        {
            await using var writer = await EnsembleParquetWriter.CreateAsync(temp.Combine(file), EnsembleColumns.Comparison, order, Provenance);
            await Task.WhenAll(finishing.Select(r => Task.Run(() => writer.AddAsync(r.Role, r.Seed, runs[(r.Role, r.Seed)]))));
            await writer.CompleteAsync();
        }
        await Write("listed.parquet", order);
        await Write("reversed.parquet", order.Reverse());

        Assert.Equal(File.ReadAllBytes(temp.Combine("listed.parquet")), File.ReadAllBytes(temp.Combine("reversed.parquet")));
        var back = await MetricsParquetReader.ReadEnsembleAsync(temp.Combine("reversed.parquet"));
        Assert.Equal(order.SelectMany(r => Enumerable.Repeat((r.Role, r.Seed), runs[(r.Role, r.Seed)].Count)), back.Select(r => (r.Role, r.Seed)));
        MetricsRowBits.AssertSame([.. order.SelectMany(r => runs[(r.Role, r.Seed)])], [.. back.Select(r => r.Row)]);
    }

    [Fact]
    public async Task A_sweep_file_has_a_column_per_parameter_with_each_runs_value_and_no_role()
    {
        using var temp = new TempFolder();
        var columns = new EnsembleColumns(Role: false, [("basicShare", "share"), ("publicBudget", "bn yuan/yr")]);
        EnsembleRun[] order = [new("basicShare=0.1_publicBudget=80", 1, [0.1, 80]), new("basicShare=0.1_publicBudget=80", 2, [0.1, 80]), new("basicShare=0.3_publicBudget=120", 1, [0.3, 120])];
        await using (var writer = await EnsembleParquetWriter.CreateAsync(temp.Combine("s.parquet"), columns, order, Provenance))
        {
            await Task.WhenAll(order.Reverse().Select(run => writer.AddAsync(run.Role, run.Seed, Sample(2))));
            await writer.CompleteAsync();
        }

        await using (var reader = await Parquet.ParquetReader.CreateAsync(temp.Combine("s.parquet")))
            Assert.Equal(["seed", "basicShare", "publicBudget", "tick"], reader.Schema.GetDataFields().Take(4).Select(f => f.Name));
        var back = await MetricsParquetReader.ReadEnsembleAsync(temp.Combine("s.parquet"));
        Assert.Equal(order.SelectMany(r => Enumerable.Repeat((r.Seed, r.Values[0], r.Values[1]), 2 * (SampleRows.Clusters + 1))),
            back.Select(r => (r.Seed, r.Parameters["basicShare"], r.Parameters["publicBudget"])));
        Assert.All(back, r => Assert.Equal("", r.Role));
    }

    [Fact]
    public async Task An_ensemble_file_missing_a_run_is_refused_and_a_run_waiting_for_it_can_be_cancelled()
    {
        using var temp = new TempFolder();
        await using var writer = await EnsembleParquetWriter.CreateAsync(temp.Combine("e.parquet"), EnsembleColumns.Comparison, [new("baseline", 1, []), new("policy", 1, [])], Provenance);
        using var stop = new CancellationTokenSource();
        var waiting = writer.AddAsync("policy", 1, Sample(1), stop.Token);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(writer.CompleteAsync);
        Assert.Contains("first missing: baseline seed 1", error.Message);
        await Assert.ThrowsAsync<ArgumentException>(() => writer.AddAsync("policy", 2, Sample(1)));
        await Assert.ThrowsAsync<InvalidOperationException>(() => writer.AddAsync("policy", 1, Sample(1)));
        stop.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
    }

    [Fact]
    public async Task A_missing_column_is_named()
    {
        using var temp = new TempFolder();
        await MetricsParquetWriter.WriteFileAsync(temp.Combine("single.parquet"), Sample(1), Provenance);
        var error = await Assert.ThrowsAsync<FormatException>(() => MetricsParquetReader.ReadEnsembleAsync(temp.Combine("single.parquet")));
        Assert.Contains("'seed'", error.Message);
    }

    [Fact]
    public async Task Counts_are_64_bit_integer_columns_and_every_other_metric_a_double()
    {
        using var temp = new TempFolder();
        await MetricsParquetWriter.WriteFileAsync(temp.Combine("m.parquet"), Sample(1), Provenance);
        await using var reader = await Parquet.ParquetReader.CreateAsync(temp.Combine("m.parquet"));
        var types = reader.Schema.GetDataFields().ToDictionary(f => f.Name, f => f.ClrType);
        foreach (var column in MetricColumns.All)
            Assert.Equal(column.Kind == MetricKind.Count ? typeof(long) : typeof(double), types[column.Name]);
        Assert.Contains(MetricColumns.All, c => c.Kind == MetricKind.Count);
        Assert.Equal(typeof(long), types["firms"]);
        Assert.Equal(typeof(double), types["researchers"]);
    }

    [Fact]
    public async Task A_count_that_is_not_a_whole_number_is_refused_with_its_column_and_row()
    {
        using var temp = new TempFolder();
        var rows = Sample(1).Select((r, i) => i == 3 ? r.With((MetricColumns.Births, 2.5)) : r).ToList();
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => MetricsParquetWriter.WriteFileAsync(temp.Combine("m.parquet"), rows, Provenance));
        Assert.Contains("'births'", error.Message);
        Assert.Contains("2.5", error.Message);
        Assert.Contains(rows[3].ClusterId, error.Message);
    }

    [Fact]
    public async Task The_region_has_its_own_scope_with_no_cluster_index_or_id()
    {
        using var temp = new TempFolder();
        var rows = Sample(2);
        await MetricsParquetWriter.WriteFileAsync(temp.Combine("m.parquet"), rows, Provenance);
        await using var reader = await Parquet.ParquetReader.CreateAsync(temp.Combine("m.parquet"));
        using var group = reader.OpenRowGroupReader(0);
        int n = rows.Count;
        var scopes = new string[n];
        var clusters = new int?[n];
        var ids = new string[n];
        await group.ReadAsync(reader.Schema.FindDataField("scope"), scopes);
        await group.ReadAsync<int>(reader.Schema.FindDataField("cluster"), clusters);
        await group.ReadAsync(reader.Schema.FindDataField("cluster_id"), ids);
        for (int i = 0; i < n; i++)
        {
            bool region = rows[i].Cluster == MetricsRow.RegionIndex;
            Assert.Equal(region ? "region" : "cluster", scopes[i]);
            Assert.Equal(region ? null : rows[i].Cluster, clusters[i]);
            Assert.Equal(region ? null : rows[i].ClusterId, ids[i]);
        }
        Assert.DoesNotContain(clusters, c => c == MetricsRow.RegionIndex);
    }

    [Fact]
    public async Task The_file_metadata_names_scenario_seeds_engine_code_version_format_and_every_unit()
    {
        using var temp = new TempFolder();
        var provenance = Provenance with { Seeds = [7, 8] };
        await MetricsParquetWriter.WriteFileAsync(temp.Combine("m.parquet"), Sample(1), provenance with { Baseline = ("base", new string('b', 64)) });
        var kv = await MetricsParquetReader.ReadKeyValuesAsync(temp.Combine("m.parquet"));
        Assert.Equal("metrics", kv["ecosim.format"]);
        Assert.Equal("2", kv["ecosim.format_version"]);
        Assert.Equal("sample", kv["ecosim.scenario"]);
        Assert.Equal(new string('a', 64), kv["ecosim.scenario_sha256"]);
        Assert.Equal("base", kv["ecosim.baseline"]);
        Assert.Equal(new string('b', 64), kv["ecosim.baseline_sha256"]);
        Assert.Equal("[7,8]", kv["ecosim.seeds"]);
        Assert.Equal("reference", kv["ecosim.engine"]);
        Assert.Equal("1.0.0+test", kv["ecosim.code_version"]);
        var units = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(kv["ecosim.units"])!;
        foreach (var column in MetricColumns.All) Assert.Equal(column.Unit, units[column.Name]);
        Assert.Equal("year", units["time"]);
    }

    private static IReadOnlyList<MetricsRow> Shifted(IReadOnlyList<MetricsRow> rows, double by) => [.. rows.Select(r => r.With((MetricColumns.Wage, r[MetricColumns.Wage] + by)))];

    // The synthetic rows with every count rounded to a whole number, as the model's counts are.
    private static IReadOnlyList<MetricsRow> Sample(int ticks) => [.. SampleRows.Create(ticks).Select(Whole)];

    private static MetricsRow Whole(MetricsRow row)
    {
        return row with { Values = [.. MetricColumns.All.Select(c => c.Kind == MetricKind.Count ? Math.Round(c.Value(row)) : c.Value(row))] };
    }

    private static IEnumerable<MetricsRow> AwkwardRows()
    {
        for (int i = 0; i < Awkward.Length; i++)
        {
            yield return new MetricsRow
            {
                Tick = 100 + i, Period = $"odd \"{i}\", row", Time = Awkward[i], Cluster = i, ClusterId = "ünï,code",
                Values = [.. MetricColumns.All.Select((column, m) => column.Kind == MetricKind.Count
                    ? AwkwardCounts[(i + m) % AwkwardCounts.Length]
                    : Awkward[(i + m) % Awkward.Length] * (m + 1))],
            };
        }
    }
}
