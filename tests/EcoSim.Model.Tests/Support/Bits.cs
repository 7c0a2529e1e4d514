using EcoSim.Model.Metrics;

namespace EcoSim.Model.Tests.Support;

/// <summary>Bitwise comparison of doubles and metric rows.</summary>
internal static class Bits
{
    public static long Of(double value) => BitConverter.DoubleToInt64Bits(value);

    /// <summary>Every numeric column of a row as raw bits, in column order.</summary>
    public static long[] Of(MetricsRow row) => [.. MetricColumns.All.Select(c => Of(c.Value(row)))];

    /// <summary>Asserts two rows are identical: keys equal, every double equal bit for bit.</summary>
    public static void Identical(MetricsRow expected, MetricsRow actual)
    {
        Assert.Equal(expected.Tick, actual.Tick);
        Assert.Equal(expected.Cluster, actual.Cluster);
        Assert.Equal(expected.ClusterId, actual.ClusterId);
        Assert.Equal(expected.Period, actual.Period);
        Assert.Equal(Of(expected.Time), Of(actual.Time));
        var a = Of(expected);
        var b = Of(actual);
        for (int k = 0; k < a.Length; k++)
            Assert.True(a[k] == b[k],
                $"tick {expected.Tick} cluster {expected.ClusterId} column {MetricColumns.All[k].Name}: {MetricColumns.All[k].Value(expected):R} != {MetricColumns.All[k].Value(actual):R}");
    }

    /// <summary>True when two rows differ in at least one numeric column (bitwise).</summary>
    public static bool Differ(MetricsRow a, MetricsRow b) => !Of(a).SequenceEqual(Of(b));
}
