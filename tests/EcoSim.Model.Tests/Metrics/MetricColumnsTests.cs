using EcoSim.Model.Engine;
using EcoSim.Model.Metrics;
using EcoSim.Model.Tests.Support;

namespace EcoSim.Model.Tests.Metrics;

/// <summary>The catalogue of metrics is consistent, and the region row follows each column's rule.</summary>
public class MetricColumnsTests
{
    [Fact]
    public void Columns_are_indexed_in_order_with_unique_snake_case_names()
    {
        var all = MetricColumns.All;
        Assert.Equal(Enumerable.Range(0, all.Count), all.Select(c => c.Index));
        Assert.Equal(all.Count, all.Select(c => c.Name).Distinct().Count());
        Assert.All(all, c => Assert.Matches("^[a-z]+(_[a-z]+)*$", c.Name));
        Assert.Same(MetricColumns.Wage, MetricColumns.Get("wage"));
        Assert.Throws<KeyNotFoundException>(() => MetricColumns.Get("no_such_metric"));
    }

    [Fact]
    public void Per_tick_columns_are_counts_and_say_so_in_their_unit()
    {
        Assert.Contains(MetricColumns.All, c => c.PerTick);
        Assert.All(MetricColumns.All, c => Assert.Equal(c.PerTick, c.Unit.EndsWith("per tick", StringComparison.Ordinal)));
        Assert.All(MetricColumns.All.Where(c => c.PerTick), c => Assert.Equal(MetricKind.Count, c.Kind));
    }

    [Fact]
    public void Weighted_means_are_weighted_by_summed_columns_defined_before_them()
    {
        var weighted = MetricColumns.All.Where(c => c.Region is WeightedMean).ToList();
        Assert.NotEmpty(weighted);
        Assert.All(weighted, c =>
        {
            var weight = ((WeightedMean)c.Region).Weight;
            Assert.IsType<SumOfClusters>(weight.Region);
            Assert.True(weight.Index < c.Index, $"{c.Name} is weighted by {weight.Name}, defined after it");
        });
    }

    [Fact]
    public void The_region_row_sums_weighs_or_recomputes_each_column_as_its_rule_says()
    {
        var tick = new ReferenceEngine(TestWorlds.Small(ticks: 3)).Run().Last();
        var clusters = tick.Rows.Take(tick.Rows.Count - 1).ToList();
        var region = tick.Rows[^1];
        Assert.Equal(MetricsRow.RegionIndex, region.Cluster);
        foreach (var column in MetricColumns.All)
        {
            double expected = column.Region switch
            {
                SumOfClusters => clusters.Sum(r => r[column]),
                WeightedMean mean => clusters.Sum(r => r[column] * r[mean.Weight]) / clusters.Sum(r => r[mean.Weight]),
                _ => double.NaN,
            };
            if (!double.IsNaN(expected)) Assert.Equal(expected, region[column], 1e-9 * Math.Max(1, Math.Abs(expected)));
        }
        Assert.Equal(clusters.Sum(r => r[MetricColumns.Firms]), region[MetricColumns.Firms]);
        Assert.InRange(region[MetricColumns.AdoptionShare], clusters.Min(r => r[MetricColumns.AdoptionShare]), clusters.Max(r => r[MetricColumns.AdoptionShare]));
    }

    [Fact]
    public void A_copy_made_with_with_owns_its_values()
    {
        var row = new MetricsRow { Tick = 0, Period = "2024Q1", Time = 2024, Cluster = 0, ClusterId = "a", [MetricColumns.Firms] = 5 };
        var copy = row.With((MetricColumns.Firms, 7));
        Assert.Equal(5, row[MetricColumns.Firms]);
        Assert.Equal(7, copy[MetricColumns.Firms]);
        Assert.NotEqual(row, copy);
        Assert.Equal(row, row with { });
        Assert.Throws<ArgumentException>(() => row with { Values = [1, 2] });
    }

    [Fact]
    public void With_sets_several_metrics_and_keeps_the_keys_and_every_other_value()
    {
        var row = new MetricsRow { Tick = 3, Period = "2024Q4", Time = 2024.75, Cluster = 2, ClusterId = "b", Values = [.. MetricColumns.All.Select(c => (double)c.Index)] };
        var copy = row.With((MetricColumns.Firms, -1), (MetricColumns.Wage, 0.5));
        Assert.Equal((3, "2024Q4", 2024.75, 2, "b"), (copy.Tick, copy.Period, copy.Time, copy.Cluster, copy.ClusterId));
        foreach (var column in MetricColumns.All)
            Assert.Equal(column == MetricColumns.Firms ? -1 : column == MetricColumns.Wage ? 0.5 : column.Index, copy[column]);
        Assert.Equal(MetricColumns.Firms.Index, row[MetricColumns.Firms]);
    }

    [Fact]
    public void The_row_names_no_metric_of_its_own_so_a_new_metric_is_one_definition_in_the_catalogue()
    {
        // Metrics are read and set through the catalogue (row[MetricColumns.Firms]); a named property per
        // metric would be a second list of them to keep in step.
        var doubles = typeof(MetricsRow).GetProperties().Where(p => p.PropertyType == typeof(double) && p.GetIndexParameters().Length == 0).Select(p => p.Name);
        Assert.Equal(["Time"], doubles);
    }
}
