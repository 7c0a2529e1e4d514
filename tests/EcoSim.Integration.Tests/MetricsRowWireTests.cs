using EcoSim.Grains.Abstractions.Surrogates;
using EcoSim.Model.Metrics;

namespace EcoSim.Integration.Tests;

/// <summary>The wire form of a metrics row carries its keys and every column of the catalogue, bit for bit.</summary>
public sealed class MetricsRowWireTests
{
    [Fact]
    public void Every_column_of_a_metrics_row_survives_the_wire_form()
    {
        var row = new MetricsRow
        {
            Tick = 17, Period = "2028Q2", Time = 2028.25, Cluster = 3, ClusterId = "automobiles",
            Values = [.. MetricColumns.All.Select(c => c.Index == 0 ? -0.0 : c.Index == 1 ? double.NaN : Math.PI * (c.Index + 1) / 7)], // distinct values, a signed zero and a NaN
        };
        var converter = new MetricsRowConverter();
        var back = converter.ConvertFromSurrogate(converter.ConvertToSurrogate(row));
        Assert.Equal((row.Tick, row.Period, row.Time, row.Cluster, row.ClusterId), (back.Tick, back.Period, back.Time, back.Cluster, back.ClusterId));
        foreach (var column in MetricColumns.All)
            Assert.True(BitConverter.DoubleToInt64Bits(row[column]) == BitConverter.DoubleToInt64Bits(back[column]), $"{column.Name}: {row[column]} became {back[column]}");
    }
}
