using EcoSim.Model.Engine;
using EcoSim.Model.Mechanisms;
using EcoSim.Model.Metrics;
using EcoSim.Model.Parameters;
using EcoSim.Model.Phases;
using EcoSim.Model.Tests.Support;

namespace EcoSim.Model.Tests.Mechanisms;

public class PipelineRulesTests
{
    private static readonly ModelParameters P = new();

    [Fact]
    public void The_default_pipeline_matches_the_published_success_rate_and_duration()
    {
        // 0.520 * 0.289 * 0.578 * 0.906 = 0.0787 (7.9% from phase I to approval), 2.3 + 3.6 + 3.3 + 1.3 = 10.5 years.
        Assert.Equal(0.0787, PipelineRules.LikelihoodOfApproval(P), 4);
        Assert.Equal(10.5, Enumerable.Range(0, PipelineRules.Stages).Sum(s => PipelineRules.StageYears(P, s)), 12);
        Assert.Equal(1 / PipelineRules.LikelihoodOfApproval(P), PipelineRules.ApprovalValue(P), 12);
        Assert.Equal(5, PipelineRules.ApprovalValue(P with { ApprovalBreakthroughValue = 5 }));
    }

    [Fact]
    public void Candidates_flow_through_the_stages_at_the_published_rates()
    {
        // 20,000 candidates enter at tick 0 in a one-cluster pipeline; follow them for 60 years.
        var world = TestWorlds.Small();
        int[] stages = [];
        int approvals = 0, first = -1;
        double weightedTime = 0;
        (stages, _) = ClusterPhase.AdvancePipeline(world, P, 0, 0, stages, 20_000);
        for (int tick = 1; tick < 240; tick++)
        {
            (stages, int approved) = ClusterPhase.AdvancePipeline(world, P, 0, tick, stages, 0);
            approvals += approved;
            weightedTime += approved * tick * 0.25;
            if (approved > 0 && first < 0) first = tick;
        }
        // Approved share: 7.87% of 20,000 = 1,574; binomial s.d. ~38, so +-5 s.d. is +-190.
        Assert.InRange(approvals, 1574 - 190, 1574 + 190);
        // Mean time to approval: 10.5 years for exponential stages (+- a quarter for discretisation and noise).
        Assert.InRange(weightedTime / approvals, 10.0, 11.0);
        Assert.Equal(0, stages.Sum());
        Assert.True(first > 0);
    }

    [Fact]
    public void In_a_pipeline_cluster_breakthroughs_count_only_when_approved_years_later()
    {
        var plain = TestWorlds.Small(ticks: 16);
        var pharma = plain with { Clusters = [plain.Clusters[0], plain.Clusters[1] with { HasPipeline = true }, plain.Clusters[2]] };
        var rows = new ReferenceEngine(pharma).Run().Select(o => o.Rows[1]).ToList();
        Assert.Contains(rows, r => r[MetricColumns.Breakthroughs] > 0);
        Assert.Contains(rows, r => r[MetricColumns.PipelineCandidates] > 0);
        // Candidates have been accumulating; little can be approved within four years of a 10.5-year pipeline.
        Assert.True(rows[^1][MetricColumns.PipelineCandidates] >= rows.Sum(r => r[MetricColumns.Approvals]), "most candidates should still be in development");
        // The other clusters have no pipeline.
        var other = new ReferenceEngine(pharma).Run().Select(o => o.Rows[0]).ToList();
        Assert.All(other, r => Assert.Equal(0, r[MetricColumns.PipelineCandidates]));
    }
}
