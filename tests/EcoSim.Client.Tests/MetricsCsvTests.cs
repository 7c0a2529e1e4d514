using System.Text;
using EcoSim.Experiments.Output;
using EcoSim.Model.Metrics;

namespace EcoSim.Client.Tests;

public sealed class MetricsCsvTests
{
    private static readonly double[] Awkward =
    [
        0.1, 1e-300, 123456789.123456789, -0.1, -1e-300, -123456789.123456789, double.Epsilon, double.MaxValue,
        double.MinValue, 1.0 / 3.0, -0.0, 0, 2.5e15, 1e21, 0.30000000000000004, Math.PI, -Math.E, double.NaN,
        double.NegativeInfinity,
    ];

    [Fact]
    public void Header_is_key_columns_then_every_metric_column_in_order()
    {
        string csv = WriteToString([]);

        string expected = "tick,period,time,cluster,cluster_id," + string.Join(",", MetricColumns.All.Select(c => c.Name)) + "\n";
        Assert.Equal(expected, csv);
    }

    [Fact]
    public void Round_trip_is_bit_exact_for_awkward_values()
    {
        MetricsRow[] rows = [.. AwkwardRows()];

        MetricsRow[] back = [.. MetricsCsvReader.Read(new StringReader(WriteToString(rows)))];

        Assert.Equal(rows.Length, back.Length);
        for (int i = 0; i < rows.Length; i++)
        {
            Assert.Equal(rows[i].Tick, back[i].Tick);
            Assert.Equal(rows[i].Period, back[i].Period);
            Assert.Equal(Bits(rows[i].Time), Bits(back[i].Time));
            Assert.Equal(rows[i].Cluster, back[i].Cluster);
            Assert.Equal(rows[i].ClusterId, back[i].ClusterId);
            foreach (MetricColumn column in MetricColumns.All)
                Assert.True(Bits(column.Value(rows[i])) == Bits(column.Value(back[i])),
                    $"row {i} column {column.Name}: wrote {column.Value(rows[i]):R}, read {column.Value(back[i]):R}");
            Assert.Equal(rows[i], back[i]);
        }
    }

    [Fact]
    public void Numbers_are_culture_invariant_shortest_round_trip_text()
    {
        string csv = WriteToString([Row(0, 0.1).With((MetricColumns.FirmRd, 1e-300), (MetricColumns.TotalRd, 123456789.123456789), (MetricColumns.Wage, -2.5))]);

        string line = csv.Split('\n')[1];
        Assert.StartsWith("0,2024Q1,2024,-1,region,0.1,", line);
        Assert.Contains(",1E-300,123456789.12345679,", line);
        Assert.Contains(",-2.5,", line);
        Assert.DoesNotContain("\r", csv);
    }

    [Fact]
    public void Two_writes_of_the_same_rows_are_byte_identical_files()
    {
        using var temp = new TempFolder();
        IReadOnlyList<MetricsRow> rows = [.. SampleRows.Create(12), .. AwkwardRows()];
        string a = temp.Combine("a.csv"), b = temp.Combine("b.csv");

        MetricsCsvWriter.WriteFile(a, rows);
        using (MetricsCsvWriter writer = MetricsCsvWriter.Create(b))
            foreach (MetricsRow row in rows)
                writer.Write(row);

        byte[] bytes = File.ReadAllBytes(a);
        Assert.Equal(bytes, File.ReadAllBytes(b));
        Assert.NotEqual(0xEF, bytes[0]); // no byte-order mark
        Assert.Equal(rows, MetricsCsvReader.ReadFile(a));
    }

    [Fact]
    public void Text_fields_with_commas_and_quotes_survive()
    {
        MetricsRow row = Row(3, 1) with { Period = "2024 \"Q1\", revised", ClusterId = "a,b" };

        Assert.Equal(row, Assert.Single(MetricsCsvReader.Read(new StringReader(WriteToString([row])))));
    }

    [Fact]
    public void Missing_column_is_reported_by_name()
    {
        string csv = WriteToString([Row(0, 1)]).Replace(",wage,", ",salary,");

        var error = Assert.Throws<FormatException>(() => MetricsCsvReader.Read(new StringReader(csv)).ToList());
        Assert.Contains("'wage'", error.Message);
    }

    private static IEnumerable<MetricsRow> AwkwardRows()
    {
        for (int i = 0; i < Awkward.Length; i++)
        {
            // A different awkward value in each column, so a column mix-up cannot go unnoticed.
            double V(int k) => Awkward[(i + k) % Awkward.Length] * (k + 1);
            yield return Row(i, V(0)).With(
                (MetricColumns.BudgetBasic, V(1)), (MetricColumns.BudgetApplied, V(2)), (MetricColumns.BudgetTransformation, V(3)), (MetricColumns.BudgetFinance, V(4)),
                (MetricColumns.BudgetTalent, V(5)), (MetricColumns.BasicShare, V(6)), (MetricColumns.FirmRd, V(7)), (MetricColumns.TotalRd, V(8)), (MetricColumns.KnowledgeStock, V(9)),
                (MetricColumns.AvailableKnowledge, V(10)), (MetricColumns.Breakthroughs, V(11)), (MetricColumns.Innovations, V(12)), (MetricColumns.Imitations, V(13)),
                (MetricColumns.Adoptions, V(14)), (MetricColumns.AdoptionShare, V(15)), (MetricColumns.SpinOffs, V(16)), (MetricColumns.Firms, V(17)), (MetricColumns.Births, V(18)),
                (MetricColumns.Deaths, V(19)), (MetricColumns.VentureInvestment, V(20)), (MetricColumns.Researchers, V(21)), (MetricColumns.Wage, V(22)), (MetricColumns.ValueAdded, V(23)),
                (MetricColumns.Productivity, V(24)), (MetricColumns.ProductivityDispersion, V(25))
            );
        }
    }

    private static MetricsRow Row(int tick, double value) => new()
    {
        Tick = tick,
        Period = $"{2024 + tick / 4}Q{tick % 4 + 1}",
        Time = 2024 + tick / 4.0,
        Cluster = MetricsRow.RegionIndex,
        ClusterId = "region",
        [MetricColumns.PublicBudget] = value,
    };

    private static string WriteToString(IEnumerable<MetricsRow> rows)
    {
        var sb = new StringBuilder();
        using (var writer = new MetricsCsvWriter(new StringWriter(sb)))
            writer.WriteAll(rows);
        return sb.ToString();
    }

    private static long Bits(double value) => BitConverter.DoubleToInt64Bits(value);
}
