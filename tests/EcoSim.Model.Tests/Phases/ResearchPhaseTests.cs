using EcoSim.Model.Mechanisms;
using EcoSim.Model.Phases;
using EcoSim.Model.State;
using EcoSim.Model.Tests.Support;
using EcoSim.Model.World;

namespace EcoSim.Model.Tests.Phases;

public class ResearchPhaseTests
{
    private static (List<int[]> Breakthroughs, LabState[] Labs, List<LabReport[]> Reports) Run(WorldSpec spec, bool reverseOrder)
    {
        var constants = WorldConstants.Derive(spec);
        var labs = (LabState[])constants.Labs.Clone();
        var breakthroughs = new List<int[]>();
        var reports = new List<LabReport[]>();
        for (int tick = 0; tick < spec.Ticks; tick++)
        {
            var budget = PolicyPhase.Allocate(spec, constants.ClusterKeys, tick);
            var byCluster = Enumerable.Range(0, spec.ClusterCount).Select(LabReport.Empty).ToArray();
            var order = Enumerable.Range(0, labs.Length);
            foreach (int l in reverseOrder ? order.Reverse() : order)
            {
                int c = labs[l].Cluster;
                var inputs = new LabInputs(budget.For(c, Link.Basic), budget.For(c, Link.Applied), 0.95, 200, 1 + 0.02 * tick, 1);
                byCluster[c].Sums.Merge(ResearchPhase.Step(ref labs[l], spec, tick, inputs).Sums);
            }
            breakthroughs.Add([.. byCluster.Select(r => (int)r.Sums[LabSums.Breakthroughs])]);
            reports.Add(byCluster);
        }
        return (breakthroughs, labs, reports);
    }

    [Fact]
    public void Research_is_deterministic_and_independent_of_the_order_labs_are_stepped()
    {
        var spec = TestWorlds.Small(ticks: 20);
        var a = Run(spec, reverseOrder: false);
        var b = Run(spec, reverseOrder: true);
        for (int t = 0; t < spec.Ticks; t++)
            for (int c = 0; c < spec.ClusterCount; c++)
                Assert.True(a.Reports[t][c].Sums.SameAs(b.Reports[t][c].Sums), $"tick {t} cluster {c}");
        for (int l = 0; l < a.Labs.Length; l++)
        {
            Assert.Equal(Bits.Of(a.Labs[l].Knowledge), Bits.Of(b.Labs[l].Knowledge));
            Assert.Equal(Bits.Of(a.Labs[l].Researchers), Bits.Of(b.Labs[l].Researchers));
        }
        Assert.True(a.Breakthroughs.Sum(x => x.Sum()) > 0, "no breakthroughs at all: the comparison would be vacuous");
    }

    [Fact]
    public void Breakthrough_draws_depend_on_the_seed()
    {
        var a = Run(TestWorlds.Small(seed: 1, ticks: 20), false).Breakthroughs;
        var b = Run(TestWorlds.Small(seed: 2, ticks: 20), false).Breakthroughs;
        Assert.False(a.Zip(b).All(pair => pair.First.SequenceEqual(pair.Second)), "20 ticks of breakthroughs identical under two seeds");
    }

    [Fact]
    public void Lab_step_hires_with_its_share_and_adds_to_its_stock()
    {
        var spec = TestWorlds.Small();
        var constants = WorldConstants.Derive(spec);
        var lab = constants.Labs[0];
        var before = lab;
        var p = spec.Parameters;
        var inputs = new LabInputs(BasicFunding: 10, AppliedFunding: 6, FillRate: 0.8, Wage: 250, Opportunity: 1, KnowledgeMultiplier: 1);
        var report = ResearchPhase.Step(ref lab, spec, 0, inputs);

        // basic money 10 * share, staffed at 0.55 / 250 thousand yuan, rationed by the fill rate 0.8.
        double basicResearchers = 10 * before.BasicShare * 1e6 * 0.55 / 250 * 0.8;
        double appliedResearchers = 6 * before.AppliedShare * 1e6 * 0.55 / 250 * 0.8;
        Assert.Equal(basicResearchers + appliedResearchers, lab.Researchers, 1e-6);
        Assert.Equal(KnowledgeRules.NextStock(p, basicResearchers, before.Knowledge, WorldSpec.Dt), lab.Knowledge, lab.Knowledge * 1e-12);
        Assert.Equal(lab.Knowledge, report.Sums[LabSums.Knowledge], lab.Knowledge * 1e-12);
        Assert.Equal(10 * before.BasicShare + 6 * before.AppliedShare, report.Sums[LabSums.Funding], 1e-9);
        Assert.Equal((basicResearchers + appliedResearchers) / 0.8, report.Sums[LabSums.ResearcherDemand], 1e-6);
        Assert.True(report.Sums[LabSums.SpinOffs] <= report.Sums[LabSums.Breakthroughs]);
        Assert.Equal(before.Cluster, report.Cluster);
    }
}
