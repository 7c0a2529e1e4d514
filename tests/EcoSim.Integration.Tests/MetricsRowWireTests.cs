using System.Reflection;
using EcoSim.Grains.Abstractions.Surrogates;
using EcoSim.Model.Metrics;

namespace EcoSim.Integration.Tests;

/// <summary>The field-by-field wire form of a metrics row carries every property, bit for bit.</summary>
public sealed class MetricsRowWireTests
{
    [Fact]
    public void Every_property_of_a_metrics_row_survives_the_wire_form()
    {
        var row = new MetricsRow { Tick = 17, Period = "2028Q2", Time = 2028.25, Cluster = 3, ClusterId = "automobiles" };
        var doubles = typeof(MetricsRow).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.PropertyType == typeof(double) && p.Name != nameof(MetricsRow.Time)).ToList();
        Assert.True(doubles.Count >= 29);
        for (int i = 0; i < doubles.Count; i++)
            doubles[i].SetValue(row, i == 0 ? -0.0 : i == 1 ? double.NaN : Math.PI * (i + 1) / 7); // distinct values, a signed zero and a NaN
        var converter = new MetricsRowConverter();
        var back = converter.ConvertFromSurrogate(converter.ConvertToSurrogate(row));
        foreach (var property in typeof(MetricsRow).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            object? sent = property.GetValue(row), received = property.GetValue(back);
            if (sent is double a && received is double b) Assert.True(BitConverter.DoubleToInt64Bits(a) == BitConverter.DoubleToInt64Bits(b), $"{property.Name}: {a} became {b}");
            else Assert.Equal(sent, received);
        }
    }
}
