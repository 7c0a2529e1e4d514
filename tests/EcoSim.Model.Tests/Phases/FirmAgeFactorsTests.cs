using EcoSim.Model.Numerics;
using System.Runtime.Intrinsics;
using EcoSim.Model.Mechanisms;
using EcoSim.Model.Parameters;
using EcoSim.Model.Phases;
using EcoSim.Model.State;
using EcoSim.Model.Tests.Support;
using EcoSim.Model.World;

namespace EcoSim.Model.Tests.Phases;

/// <summary>
/// The firm phase's table of exit-hazard age factors holds the numbers the rule gives: a firm's factor is
/// the same bits whether its step looked it up or computed it, for every age in and outside the table.
/// </summary>
public class FirmAgeFactorsTests
{
    private static readonly ModelParameters P = new() { YoungFirmExitPremium = 2.5, YoungFirmAgeScale = 3.7 };

    [Fact]
    public void Small_shards_and_long_tables_go_without_one_and_large_shards_get_every_reachable_age()
    {
        Assert.Equal(0, FirmAgeFactors.TableLength(100, 0, 20));        // 84 ages: not worth it for 100 firms
        Assert.Equal(84, FirmAgeFactors.TableLength(168, 0, 20));       // 20 years of 4 ticks, + 2, rounded up to four
        Assert.Equal(192, FirmAgeFactors.TableLength(100_000, 108, 20)); // 80 + 108 + 2 = 190, rounded up
        Assert.Equal(0, FirmAgeFactors.TableLength(100_000, 0, 1e6));   // longer than the largest table
        Assert.Equal(0, FirmAgeFactors.TableLength(100_000, 0, double.NaN));
    }

    [Fact]
    public void Looked_up_and_computed_factors_are_the_rules_bits_for_every_age()
    {
        LookedUpAndComputedAreTheRules<FourLanes>();
        LookedUpAndComputedAreTheRules<EightLanes>();
    }

    private static void LookedUpAndComputedAreTheRules<TLanes>() where TLanes : struct, ILanes<TLanes>
    {
        int width = TLanes.Count;
        var table = new double[FirmAgeFactors.TableLength(100_000, 10, 20)];
        FirmAgeFactors.Fill(table, P.YoungFirmExitPremium, P.YoungFirmAgeScale);
        var ages = Enumerable.Range(-6, table.Length + 12).Concat([int.MinValue, int.MinValue + 1, int.MaxValue - 1, int.MaxValue]).ToArray();
        ages = [.. ages, .. Enumerable.Repeat(0, (width - ages.Length % width) % width)];
        int lookedUp = 0;
        for (int i = 0; i < ages.Length; i += width)
        {
            var fromTable = FirmAgeFactors.ForSlots<TLanes>(table, ages, i, P.YoungFirmExitPremium, P.YoungFirmAgeScale);
            var computed = FirmAgeFactors.ForSlots<TLanes>([], ages, i, P.YoungFirmExitPremium, P.YoungFirmAgeScale);
            if (ages.AsSpan(i, width).ToArray().All(a => a >= 0 && a < table.Length - 1)) lookedUp++;
            for (int lane = 0; lane < width; lane++)
            {
                double rule = FirmRules.AgeFactor(P, (ages[i + lane] + 1.0) * WorldSpec.Dt);
                Assert.True(Bits.Of(rule) == Bits.Of(TLanes.GetElement(fromTable, lane)), $"{width} lanes, age {ages[i + lane]}: table {TLanes.GetElement(fromTable, lane):R}, rule {rule:R}");
                Assert.True(Bits.Of(rule) == Bits.Of(TLanes.GetElement(computed, lane)), $"{width} lanes, age {ages[i + lane]}: computed {TLanes.GetElement(computed, lane):R}, rule {rule:R}");
            }
        }
        Assert.True(lookedUp > table.Length / (2 * width), "the table was hardly used");
    }

    [Fact]
    public void A_large_shard_that_looks_factors_up_equals_small_shards_that_compute_them()
    {
        var spec = TestWorlds.Small(firms: 3000, ticks: 6);
        var constants = WorldConstants.Derive(spec);
        const int cluster = 0, part = 60;
        int n = constants.FirmsPerCluster[cluster];
        var p = spec.ParametersAt(0);
        Assert.True(FirmAgeFactors.TableLength(n, 0, p.InitialMaxAgeYears) > 0 && FirmAgeFactors.TableLength(part, spec.Ticks, p.InitialMaxAgeYears) == 0,
            "the test needs a shard with the table and parts without it");
        var whole = new FirmShard(cluster, 0, n);
        FirmPhase.Initialize(whole, spec, constants, 0, n);
        var parts = new List<FirmShard>();
        for (int first = 0; first < n; first += part)
        {
            int count = Math.Min(part, n - first);
            var shard = new FirmShard(cluster, first, count);
            FirmPhase.Initialize(shard, spec, constants, first, count);
            parts.Add(shard);
        }
        var state = ClusterPhase.Initial(spec, constants, cluster, FirmPhase.Summarize(whole, 0));
        long deaths = 0;
        for (int tick = 0; tick < spec.Ticks; tick++)
        {
            var signals = new ClusterSignals
            {
                Tick = tick, Cluster = cluster, Demand = spec.Clusters[cluster].Revenue, WeightTotal = state.WeightTotal,
                MeanProductivity = state.MeanProductivity, Frontier = state.Frontier, Firms = state.Firms, Opportunity = 1,
                Generation = tick / 2, AdopterShare = state.AdopterShare, FillRate = 0.9, Wage = 200, TransformationFunding = 1, RdUserCostRatio = 1,
            };
            var report = FirmPhase.Step(whole, signals, spec);
            foreach (var shard in parts) FirmPhase.Step(shard, signals, spec);
            foreach (var shard in parts)
                for (int i = 0; i < shard.Count; i++)
                {
                    var (a, b) = (whole.Read((int)shard.FirstIndex + i), shard.Read(i));
                    Assert.True(a.Alive == b.Alive && Bits.Of(a.Productivity) == Bits.Of(b.Productivity) && Bits.Of(a.Weight) == Bits.Of(b.Weight)
                                && Bits.Of(a.Cash) == Bits.Of(b.Cash) && a.Age == b.Age && a.Vintage == b.Vintage, $"tick {tick}, firm {shard.FirstIndex + i}: {a} against {b}");
                }
            deaths += (long)report.Sums[FirmSums.Deaths];
            state = ClusterPhase.Close(state, report, EntryPhase.Plan(spec, tick, signals, state, spinOffs: 0, deals: 0));
        }
        Assert.True(deaths > 0, "no firm exited, so the exit hazard was not exercised");
    }
}
