using EcoSim.Client.Output;
using EcoSim.Model.Metrics;

namespace EcoSim.Client.Tests;

public sealed class MetricsParquetTests
{
    private static readonly double[] Awkward =
    [
        0.1, 1e-300, -123456789.123456789, double.Epsilon, double.MaxValue, double.MinValue, 1.0 / 3.0, -0.0,
        0, 0.30000000000000004, Math.PI, double.NaN, double.NegativeInfinity, double.PositiveInfinity,
    ];

    [Fact]
    public async Task Parquet_holds_the_same_rows_as_the_csv_bit_for_bit()
    {
        using var temp = new TempFolder();
        IReadOnlyList<MetricsRow> rows = [.. SampleRows.Create(12), .. AwkwardRows()];
        MetricsCsvWriter.WriteFile(temp.Combine("m.csv"), rows);
        await MetricsParquetWriter.WriteFileAsync(temp.Combine("m.parquet"), rows);

        var fromCsv = MetricsCsvReader.ReadFile(temp.Combine("m.csv"));
        var fromParquet = await MetricsParquetReader.ReadFileAsync(temp.Combine("m.parquet"));

        MetricsRowBits.AssertSame(fromCsv, fromParquet);
        MetricsRowBits.AssertSame(rows, fromParquet);
    }

    [Fact]
    public async Task A_long_run_is_split_into_row_groups_that_read_back_in_order()
    {
        using var temp = new TempFolder();
        IReadOnlyList<MetricsRow> rows = SampleRows.Create(300); // 6300 rows: two row groups
        await using (var writer = await MetricsParquetWriter.CreateAsync(temp.Combine("m.parquet")))
            foreach (var tick in rows.Chunk(SampleRows.Clusters + 1)) await writer.WriteAsync(tick);

        await using var reader = await Parquet.ParquetReader.CreateAsync(temp.Combine("m.parquet"));
        Assert.Equal(2, reader.RowGroupCount);
        MetricsRowBits.AssertSame(rows, await MetricsParquetReader.ReadFileAsync(temp.Combine("m.parquet")));
    }

    [Fact]
    public async Task The_same_rows_give_byte_identical_files()
    {
        using var temp = new TempFolder();
        IReadOnlyList<MetricsRow> rows = [.. SampleRows.Create(20), .. AwkwardRows()];
        await MetricsParquetWriter.WriteFileAsync(temp.Combine("a.parquet"), rows);
        await using (var writer = await MetricsParquetWriter.CreateAsync(temp.Combine("b.parquet")))
            foreach (var row in rows) await writer.WriteAsync([row]);

        Assert.Equal(File.ReadAllBytes(temp.Combine("a.parquet")), File.ReadAllBytes(temp.Combine("b.parquet")));
    }

    [Fact]
    public async Task Ensemble_runs_finishing_in_any_order_give_the_same_bytes_in_the_listed_order()
    {
        using var temp = new TempFolder();
        (string Role, ulong Seed)[] order = [("baseline", 7), ("policy", 7), ("baseline", 8), ("policy", 8)];
        var runs = order.ToDictionary(r => r, r => Shifted(SampleRows.Create(3), r.Seed + (r.Role == "policy" ? 100UL : 0)));

        async Task Write(string file, IEnumerable<(string Role, ulong Seed)> finishing)
        {
            await using var writer = await EnsembleParquetWriter.CreateAsync(temp.Combine(file), order);
            await Task.WhenAll(finishing.Select(r => Task.Run(() => writer.AddAsync(r.Role, r.Seed, runs[r]))));
            await writer.CompleteAsync();
        }
        await Write("listed.parquet", order);
        await Write("reversed.parquet", order.Reverse());

        Assert.Equal(File.ReadAllBytes(temp.Combine("listed.parquet")), File.ReadAllBytes(temp.Combine("reversed.parquet")));
        var back = await MetricsParquetReader.ReadEnsembleAsync(temp.Combine("reversed.parquet"));
        Assert.Equal(order.SelectMany(r => Enumerable.Repeat(r, runs[r].Count)), back.Select(r => (r.Role, r.Seed)));
        MetricsRowBits.AssertSame([.. order.SelectMany(r => runs[r])], [.. back.Select(r => r.Row)]);
    }

    [Fact]
    public async Task An_ensemble_file_missing_a_run_is_refused()
    {
        using var temp = new TempFolder();
        await using var writer = await EnsembleParquetWriter.CreateAsync(temp.Combine("e.parquet"), [("baseline", 1), ("policy", 1)]);
        await writer.AddAsync("policy", 1, SampleRows.Create(1));
        var error = await Assert.ThrowsAsync<InvalidOperationException>(writer.CompleteAsync);
        Assert.Contains("first missing: baseline seed 1", error.Message);
        await Assert.ThrowsAsync<ArgumentException>(() => writer.AddAsync("policy", 2, SampleRows.Create(1)));
    }

    [Fact]
    public async Task A_missing_column_is_named()
    {
        using var temp = new TempFolder();
        await MetricsParquetWriter.WriteFileAsync(temp.Combine("single.parquet"), SampleRows.Create(1));
        var error = await Assert.ThrowsAsync<FormatException>(() => MetricsParquetReader.ReadEnsembleAsync(temp.Combine("single.parquet")));
        Assert.Contains("'role'", error.Message);
    }

    private static IReadOnlyList<MetricsRow> Shifted(IReadOnlyList<MetricsRow> rows, double by) => [.. rows.Select(r => r with { Wage = r.Wage + by })];

    private static IEnumerable<MetricsRow> AwkwardRows()
    {
        for (int i = 0; i < Awkward.Length; i++)
        {
            var row = new MetricsRow { Tick = 100 + i, Period = $"odd \"{i}\", row", Time = Awkward[i], Cluster = i, ClusterId = "ünï,code" };
            for (int m = 0; m < MetricColumns.All.Count; m++)
                MetricsRowFields.Set(row, MetricColumns.All[m], Awkward[(i + m) % Awkward.Length] * (m + 1));
            yield return row;
        }
    }
}
