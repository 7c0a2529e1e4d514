using EcoSim.Model.Numerics;
using EcoSim.Model.Parameters;
using EcoSim.Model.Phases;
using EcoSim.Model.Randomness;
using EcoSim.Model.State;
using EcoSim.Model.Tests.Support;
using EcoSim.Model.World;

namespace EcoSim.Model.Tests.Phases;

/// <summary>
/// The innovators of a shard sized a full group at a time (<see cref="FirmInnovators"/>) keep the bits of the scalar
/// rules (<see cref="FirmPhaseLanesTests.ScalarStep"/>) at eight lanes and at four: when every firm innovates, when none
/// does, when the only live firms sit in the last lane of their group, for shards whose size is not a multiple of the lane
/// count and shards with more innovators than wait at once, and for shapes the lanes leave to the scalar draw. A state
/// check still names the first bad firm in slot order when an innovator's new productivity is the bad one.
/// </summary>
public class FirmInnovatorsTests
{
    public static TheoryData<int, double, double, bool> Cases()
    {
        var cases = new TheoryData<int, double, double, bool>();
        foreach (int firms in new[] { 1, 7, 9, 63, 65, 130, 301 })
            foreach (double zeta in new[] { 0, 20, 1e6 })
                cases.Add(firms, zeta, 3, false);
        foreach (int firms in new[] { 16, 67 }) cases.Add(firms, 1e6, 3, true);
        cases.Add(65, 1e6, 0.5, false);
        cases.Add(40, 1e6, 0.5, true);
        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Innovators_sized_together_have_the_bits_of_the_scalar_rules(int firms, double zeta, double betaA, bool lastLanesOnly)
    {
        Compare<EightLanes>(firms, zeta, betaA, lastLanesOnly);
        Compare<FourLanes>(firms, zeta, betaA, lastLanesOnly);
    }

    private static void Compare<TLanes>(int n, double zeta, double betaA, bool lastLanesOnly) where TLanes : struct, ILanes<TLanes>
    {
        var spec = TestWorlds.Small(firms: 800, ticks: 4, parameters: new ModelParameters { InnovationZeta = zeta, InnovationBetaA = betaA });
        var constants = WorldConstants.Derive(spec);
        const int cluster = 1;
        var lanes = new FirmShard(cluster, 0, n);
        var scalar = new FirmShard(cluster, 0, n);
        FirmPhase.Initialize(lanes, spec, constants, 0, n);
        FirmPhase.Initialize(scalar, spec, constants, 0, n);
        if (lastLanesOnly)
            for (int i = 0; i < n; i++)
                if (i % TLanes.Count != TLanes.Count - 1 && i != n - 1) lanes.Alive[i] = scalar.Alive[i] = 0;
        var state = ClusterPhase.Initial(spec, constants, cluster, FirmPhase.Summarize(scalar, 0));
        long innovations = 0, innovatorsPossible = 0;
        for (int tick = 0; tick < spec.Ticks; tick++)
        {
            var signals = new ClusterSignals
            {
                Tick = tick, Cluster = cluster, Demand = spec.Clusters[cluster].Revenue, WeightTotal = state.WeightTotal,
                MeanProductivity = state.MeanProductivity, Frontier = state.Frontier, Firms = state.Firms, Opportunity = 1 + 0.1 * tick,
                Generation = tick / 2, AdopterShare = state.AdopterShare, FillRate = 0.9, Wage = 200, TransformationFunding = 3, RdUserCostRatio = 0.95,
            };
            long aliveBefore = scalar.Alive.AsSpan(0, n).ToArray().Count(a => a != 0);
            var a = FirmPhase.Step<TLanes>(lanes, signals, spec);
            var b = FirmPhaseLanesTests.ScalarStep(scalar, signals, spec);
            string where = $"{TLanes.Count} lanes, {n} firms, zeta {zeta}, tick {tick}";
            Assert.True(a.Sums.SameAs(b.Sums), $"{where}: sums differ");
            Assert.Equal(Bits.Of(b.Frontier), Bits.Of(a.Frontier));
            FirmPhaseLanesTests.AssertSameFirms(lanes, scalar, n, where);
            innovations += (long)b.Sums[FirmSums.Innovations];
            innovatorsPossible += aliveBefore;
            state = ClusterPhase.Close(state, b, EntryPhase.Plan(spec, tick, signals, state, spinOffs: 0, deals: 0));
        }
        // The cases are what they claim: nobody innovates at zeta 0, everybody alive at a huge zeta, some in between.
        if (zeta == 0) Assert.Equal(0, innovations);
        else if (zeta > 1e3) Assert.Equal(innovatorsPossible, innovations);
        else if (n > 100) Assert.InRange(innovations, 1, innovatorsPossible - 1);
    }

    [Theory]
    [InlineData(3, 20)]  // the innovator first, in an earlier group than the bad weight
    [InlineData(20, 3)]  // the bad weight first: the later innovator's overflow is not the one named
    [InlineData(20, 21)] // both in one group, the innovator first
    [InlineData(21, 20)] // both in one group, the bad weight first
    public void The_first_bad_firm_is_named_when_an_innovator_overflows(int overflowing, int badWeight)
    {
        // Every firm innovates, and every jump is upwards, so the overflowing firm's productivity becomes infinite.
        var spec = TestWorlds.Small(firms: 800, ticks: 4, parameters: new ModelParameters { InnovationZeta = 1e6, InnovationJumpLow = 0.05 });
        var constants = WorldConstants.Derive(spec);
        const int n = 30;
        var shard = new FirmShard(1, 0, n);
        FirmPhase.Initialize(shard, spec, constants, 0, n);
        var summary = FirmPhase.Summarize(shard, 0);
        var signals = new ClusterSignals
        {
            Tick = 1, Cluster = 1, Demand = spec.Clusters[1].Revenue, WeightTotal = summary.Sums[FirmSums.Weight],
            MeanProductivity = 1, Frontier = summary.Frontier, Firms = summary.Sums[FirmSums.Alive], Opportunity = 1, Generation = 0,
            AdopterShare = 0, FillRate = 0.9, Wage = 200, TransformationFunding = 0, RdUserCostRatio = 1,
        };
        shard.Productivity[overflowing] = double.MaxValue; // finite before the tick; any jump makes it infinite
        shard.Weight[badWeight] = -1;
        int first = Math.Min(overflowing, badWeight);
        foreach (var step in new Func<FirmReport>[] { () => FirmPhase.Step<EightLanes>(Copy(shard), signals, spec), () => FirmPhase.Step<FourLanes>(Copy(shard), signals, spec) })
        {
            var error = Assert.Throws<ModelStateException>(step);
            Assert.Equal($"firm {EntityIds.Firm(1, first):X16}", error.Entity);
            Assert.StartsWith(first == overflowing ? $"productivity = {double.PositiveInfinity}" : "market weight", error.Quantity);
        }
    }

    private static FirmShard Copy(FirmShard shard)
    {
        var copy = new FirmShard(shard.Cluster, shard.Index[0], shard.Count);
        for (int i = 0; i < shard.Count; i++) copy.Append(shard.Read(i), shard.Index[i]);
        return copy;
    }
}
