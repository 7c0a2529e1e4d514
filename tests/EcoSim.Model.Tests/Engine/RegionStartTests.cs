using EcoSim.Model.Engine;
using EcoSim.Model.Phases;
using EcoSim.Model.State;
using EcoSim.Model.Tests.Support;
using EcoSim.Model.World;

namespace EcoSim.Model.Tests.Engine;

/// <summary>
/// A cluster starts through <see cref="RegionStart.Cluster"/> on every engine: from one shard of its firms
/// (the reference engine) or from the merged reports of many shards (a cluster grain), with the same result.
/// </summary>
public sealed class RegionStartTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(64)]
    public void A_cluster_started_from_its_shards_reports_is_the_region_starts_cluster(int firmsPerShard)
    {
        var spec = TestWorlds.Small(firms: 600, ticks: 4);
        var constants = WorldConstants.Derive(spec);
        var region = RegionStart.Of(spec, constants);
        var labDemand = InitialRegion.LabDemand(spec, constants);
        for (int c = 0; c < spec.ClusterCount; c++)
        {
            int firms = constants.FirmsPerCluster[c];
            var reports = Enumerable.Range(0, (firms + firmsPerShard - 1) / firmsPerShard).Select(k =>
            {
                int count = Math.Min(firmsPerShard, firms - k * firmsPerShard);
                var shard = new FirmShard(c, (long)k * firmsPerShard, count);
                FirmPhase.Initialize(shard, spec, constants, (long)k * firmsPerShard, count);
                return FirmPhase.Summarize(shard, 0);
            }).ToArray();

            var (state, firmDemand) = RegionStart.Cluster(spec, constants, c, FirmReport.Merge(c, reports));

            Assert.Contains("\"LagStages\":[", Json(state), StringComparison.Ordinal);
            Assert.Equal(Json(region.Clusters[c]), Json(state));
            Assert.Equal(Json(region.Talent[c]), Json(TalentPhase.Initial(spec, constants, c, firmDemand + labDemand[c])));
        }
    }

    private static string Json(object value) => System.Text.Json.JsonSerializer.Serialize(value);
}
