using EcoSim.Experiments.Output;
using EcoSim.Model.Engine;
using EcoSim.Model.Metrics;
using EcoSim.Model.World;

namespace EcoSim.Integration.Tests;

/// <summary>Metrics as the exact text metrics.csv would hold, for byte-for-byte comparisons.</summary>
internal static class MetricsText
{
    public static string Of(IEnumerable<MetricsRow> rows)
    {
        var text = new StringWriter();
        using (var writer = new MetricsCsvWriter(text, leaveOpen: true)) writer.WriteAll(rows);
        return text.ToString();
    }

    public static string OfReference(WorldSpec world) => Of(new ReferenceEngine(world).Run().SelectMany(t => t.Rows));
}
