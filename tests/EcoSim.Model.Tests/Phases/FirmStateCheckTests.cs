using EcoSim.Model.Phases;
using EcoSim.Model.Randomness;
using EcoSim.Model.State;
using EcoSim.Model.Tests.Support;
using EcoSim.Model.World;

namespace EcoSim.Model.Tests.Phases;

/// <summary>
/// The four-lane decisions still stop on an impossible state and name the firm: the first bad live firm
/// in slot order, wherever it sits in its group of four or in a shard's last one to three; a dead firm's
/// state is never checked.
/// </summary>
public class FirmStateCheckTests
{
    private static (FirmShard Shard, ClusterSignals Signals, WorldSpec Spec) Shard(int n)
    {
        var spec = TestWorlds.Small(firms: 800, ticks: 4);
        var constants = WorldConstants.Derive(spec);
        var shard = new FirmShard(1, 0, n);
        FirmPhase.Initialize(shard, spec, constants, 0, n);
        var summary = FirmPhase.Summarize(shard, 0);
        var signals = new ClusterSignals
        {
            Tick = 1, Cluster = 1, Demand = spec.Clusters[1].Revenue, WeightTotal = summary.Sums[FirmSums.Weight],
            MeanProductivity = 1, Frontier = summary.Frontier, Firms = summary.Sums[FirmSums.Alive], Opportunity = 1, Generation = 0,
            AdopterShare = 0, FillRate = 0.9, Wage = 200, TransformationFunding = 0, RdUserCostRatio = 1,
        };
        return (shard, signals, spec);
    }

    [Theory]
    [InlineData(5, 6)]   // in a group of four
    [InlineData(18, 17)] // in the last one to three
    public void A_bad_firm_is_named_and_an_earlier_dead_one_is_not(int bad, int deadBefore)
    {
        var (shard, signals, spec) = Shard(19);
        shard.Productivity[bad] = double.NaN;
        shard.Weight[Math.Min(bad, deadBefore) - 1] = double.PositiveInfinity; // a dead firm's state is not looked at
        shard.Alive[Math.Min(bad, deadBefore) - 1] = 0;
        shard.Weight[Math.Max(bad, deadBefore)] = -1; // bad too, but after the first bad firm
        var error = Assert.Throws<ModelStateException>(() => FirmPhase.Step(shard, signals, spec));
        Assert.Equal($"firm {EntityIds.Firm(1, bad):X16}", error.Entity);
        Assert.StartsWith("productivity = NaN", error.Quantity);
        Assert.Equal(1, error.Tick);
    }

    [Fact]
    public void A_negative_market_weight_is_named()
    {
        var (shard, signals, spec) = Shard(12);
        shard.Weight[9] = -1e-3;
        var error = Assert.Throws<ModelStateException>(() => FirmPhase.Step(shard, signals, spec));
        Assert.Equal($"firm {EntityIds.Firm(1, 9):X16}", error.Entity);
        Assert.StartsWith("market weight", error.Quantity);
    }
}
