using EcoSim.Model.Metrics;

namespace EcoSim.Tests.Shared;

/// <summary>Compares metrics rows field by field, doubles by their bits (so NaN, -0 and the last ulp count).</summary>
internal static class MetricsRowBits
{
    public static void AssertSame(IReadOnlyList<MetricsRow> expected, IReadOnlyList<MetricsRow> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (int i = 0; i < expected.Count; i++)
        {
            MetricsRow e = expected[i], a = actual[i];
            Assert.True(e.Tick == a.Tick && e.Period == a.Period && e.Cluster == a.Cluster && e.ClusterId == a.ClusterId, $"row {i}: keys differ");
            Assert.True(Bits(e.Time) == Bits(a.Time), $"row {i}: time {e.Time:R} vs {a.Time:R}");
            foreach (MetricColumn column in MetricColumns.All)
                Assert.True(Bits(column.Value(e)) == Bits(column.Value(a)), $"row {i} column {column.Name}: {column.Value(e):R} vs {column.Value(a):R}");
        }
    }

    private static long Bits(double value) => BitConverter.DoubleToInt64Bits(value);
}
