using EcoSim.Model.Mechanisms;
using EcoSim.Model.Numerics;
using EcoSim.Model.Parameters;
using EcoSim.Model.Phases;
using EcoSim.Model.State;
using EcoSim.Model.Tests.Support;
using EcoSim.Model.World;
using FsCheck;
using FsCheck.Fluent;

namespace EcoSim.Model.Tests.Properties;

/// <summary>
/// Property tests (FsCheck, 200 cases each, fixed seed so a failure replays): invariants that must
/// hold for any inputs in range, not just the hand-computed cases.
/// </summary>
public class InvariantProperties
{
    private static Config Config => Config.QuickThrowOnFailure.WithMaxTest(200).WithReplay(new Replay(new Rnd(20241001UL, 1442695040888963407UL), null));

    private static Gen<double> Share => Gen.Choose(0, 1_000_000).Select(i => i / 1e6);

    [Fact]
    public void Exact_sums_do_not_depend_on_order_or_grouping()
    {
        var terms = Gen.Choose(-1_000_000, 1_000_000).Select(i => i * 1.37e-3).ArrayOf();
        Check.One(Config, Prop.ForAll(terms.ToArbitrary(), Gen.Choose(0, 1000).ToArbitrary(), (values, cut) =>
        {
            var forward = new SumVector(1);
            foreach (var v in values) forward.Add(0, v);
            var backward = new SumVector(1);
            foreach (var v in values.Reverse()) backward.Add(0, v);
            int split = values.Length == 0 ? 0 : cut % (values.Length + 1);
            var left = new SumVector(1);
            var right = new SumVector(1);
            for (int i = 0; i < values.Length; i++) (i < split ? left : right).Add(0, values[i]);
            right.Merge(left);
            return forward.SameAs(backward) && forward.SameAs(right);
        }));
    }

    [Fact]
    public void Link_shares_are_a_distribution_and_respect_the_basic_floor()
    {
        var parameters = Gen.Zip(Gen.Zip(Share, Share), Gen.Zip(Gen.Zip(Share, Share), Gen.Zip(Share, Share)))
            .Select(t => new ModelParameters
            {
                BasicShare = t.Item1.Item1, MinBasicShare = t.Item1.Item2,
                AppliedWeight = t.Item2.Item1.Item1 * 10, TransformationWeight = t.Item2.Item1.Item2 * 10,
                FinanceWeight = t.Item2.Item2.Item1 * 10, TalentWeight = t.Item2.Item2.Item2 * 10,
            });
        Check.One(Config, Prop.ForAll(parameters.ToArbitrary(), p =>
        {
            var shares = BudgetRules.LinkShares(p);
            return shares.All(s => s >= 0 && s <= 1) && Math.Abs(shares.Sum() - 1) < 1e-12 && shares[0] >= p.MinBasicShare - 1e-15;
        }));
    }

    [Fact]
    public void Migration_moves_researchers_between_pools_without_creating_or_losing_any()
    {
        // Three pools with random sizes and wages; exits, graduates and recruits switched off: the region's
        // researchers after clearing equal those before, whatever the sizes, wages and relatedness.
        var pools = Gen.Zip(Gen.Choose(1, 100_000).Three(), Gen.Choose(50, 500).Three());
        Check.One(Config, Prop.ForAll(pools.ToArbitrary(), pair =>
        {
            var (sizes, wages) = pair;
            double[] r = [sizes.Item1, sizes.Item2, sizes.Item3];
            double[] w = [wages.Item1, wages.Item2, wages.Item3];
            var p = new ModelParameters { ResearcherExitRate = 0, GraduateRate = 0, RecruitsPerBn = 0, MigrationRate = 2 };
            var spec = TestWorlds.Small(parameters: p);
            var budget = new BudgetAllocation(0, new double[spec.ClusterCount * BudgetAllocation.Links]);
            var previous = new RegionSnapshot([0, 0, 0], [1, 1, 1], [1, 1, 1], [1, 1, 1], new TalentSnapshot(r, w));
            double after = 0;
            for (int c = 0; c < 3; c++)
                after += TalentPhase.Clear(new TalentPoolState(c, r[c], w[c], 1, r[c], r[c], 1), spec, 0, r[c], budget, previous).Researchers;
            return Math.Abs(after - r.Sum()) <= 1e-9 * r.Sum();
        }));
    }

    [Fact]
    public void Firms_never_end_a_tick_with_negative_or_non_finite_state_whatever_their_signals()
    {
        var signals = Gen.Zip(Gen.Zip(Share, Share), Gen.Zip(Share, Gen.Choose(0, 5)));
        Check.One(Config.WithMaxTest(50), Prop.ForAll(signals.ToArbitrary(), t =>
        {
            var ((fill, adopters), (opportunity, generation)) = t;
            var world = TestWorlds.Small(firms: 200);
            var constants = WorldConstants.Derive(world);
            var shard = new FirmShard(0, 0, 100);
            FirmPhase.Initialize(shard, world, constants, 0, 100);
            var summary = FirmPhase.Summarize(shard, 0);
            var s = new ClusterSignals
            {
                Tick = 1, Cluster = 0, Demand = 500, WeightTotal = summary.Sums[FirmSums.Weight],
                MeanProductivity = summary.Sums[FirmSums.WeightedProductivity] / summary.Sums[FirmSums.Weight], Frontier = summary.Frontier,
                Firms = summary.Sums[FirmSums.Alive], Opportunity = 0.2 + 3 * opportunity, Generation = generation, AdopterShare = adopters,
                FillRate = fill, Wage = 200, TransformationFunding = 5, RdUserCostRatio = 1,
            };
            var report = FirmPhase.Step(shard, s, world);
            for (int i = 0; i < shard.Count; i++)
                if (!(shard.Productivity[i] > 0 && shard.Weight[i] >= 0 && shard.Revenue[i] >= 0 && shard.RdStock[i] >= 0 && shard.Researchers[i] >= 0
                      && double.IsFinite(shard.Cash[i]) && shard.Vintage[i] <= generation)) return false;
            // Researchers employed never exceed what was wanted times the fill rate: nobody hired beyond what the pool allows.
            return report.Sums[FirmSums.Researchers] <= report.Sums[FirmSums.ResearcherDemand] * fill + 1e-6;
        }));
    }
}
