using System.Buffers.Binary;
using System.Security.Cryptography;
using EcoSim.Model.Parameters;
using EcoSim.Model.Snapshots;
using EcoSim.Model.Tests.Support;
using EcoSim.Model.World;

namespace EcoSim.Model.Tests.Snapshots;

/// <summary>
/// A snapshot's world record hashes each parameter's values up to its tick from a table kept with the world: the same
/// hashes as the values read at each tick one by one, for ticks asked in any order, with a timeline that changes
/// parameters (ramps and sets) and without one.
/// </summary>
public class ParameterTimelineTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Each_parameters_hash_is_that_of_its_values_read_tick_by_tick(bool timeline)
    {
        var spec = TestWorlds.Small(ticks: 30, timeline: timeline
            ? [new ParameterChange("basicShare", 4, 12, 0.2, 0.35), new ParameterChange("demandGrowth", 9, 9, 0.02, 0.05)]
            : null);
        foreach (int tick in new[] { 12, 3, 0, 1, 30, 20 })
        {
            var components = WorldHistory.Components(spec, tick).ToDictionary(c => c.Name);
            foreach (var parameter in ParameterCatalog.All)
            {
                int read = parameter.FixedAtStart ? 1 : Math.Max(tick, 1);
                var bytes = new byte[8 * read];
                for (int t = 0; t < read; t++)
                    BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(8 * t), BitConverter.DoubleToInt64Bits(ParameterCatalog.Get(spec.ParametersAt(t), parameter.Name)));
                var component = components[WorldHistory.ParameterName(parameter.Name)];
                Assert.Equal(SHA256.HashData(bytes), component.Sha256);
                Assert.Equal(parameter.FixedAtStart ? ComponentKind.Start : ComponentKind.Timeline, component.Kind);
            }
        }
    }

    [Fact]
    public void A_change_before_the_tick_changes_the_hash_and_one_from_the_tick_on_does_not()
    {
        var plain = TestWorlds.Small(ticks: 30);
        var early = plain with { Timeline = [new ParameterChange("basicShare", 5, 5, 0.3, 0.3)] };
        var late = plain with { Timeline = [new ParameterChange("basicShare", 10, 10, 0.3, 0.3)] };
        string name = WorldHistory.ParameterName("basicShare");
        byte[] Hash(WorldSpec spec) => WorldHistory.Components(spec, 10).Single(c => c.Name == name).Sha256;
        Assert.NotEqual(Hash(plain), Hash(early));
        Assert.Equal(Hash(plain), Hash(late));
    }
}
