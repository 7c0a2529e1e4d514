using EcoSim.Model.Parameters;

namespace EcoSim.Model.Mechanisms;

/// <summary>
/// The development pipeline of a pharma-like cluster: each breakthrough becomes a candidate that must
/// pass phase I, phase II, phase III and regulatory review, each stage lasting a random time (mean from
/// the parameters) and passed with a probability; only approved candidates add to the cluster's
/// technology pool.
/// </summary>
public static class PipelineRules
{
    /// <summary>Number of stages: phase I, phase II, phase III, review.</summary>
    public const int Stages = 4;

    /// <summary>Mean duration of a stage, years.</summary>
    public static double StageYears(ModelParameters p, int stage) => stage switch
    {
        0 => p.PhaseOneYears,
        1 => p.PhaseTwoYears,
        2 => p.PhaseThreeYears,
        3 => p.ReviewYears,
        _ => throw new ArgumentOutOfRangeException(nameof(stage)),
    };

    /// <summary>Probability that a candidate finishing a stage passes it.</summary>
    public static double PassRate(ModelParameters p, int stage) => stage switch
    {
        0 => p.PhaseOnePassRate,
        1 => p.PhaseTwoPassRate,
        2 => p.PhaseThreePassRate,
        3 => p.ReviewPassRate,
        _ => throw new ArgumentOutOfRangeException(nameof(stage)),
    };

    /// <summary>Probability that a candidate entering phase I is eventually approved: the product of the pass rates.</summary>
    public static double LikelihoodOfApproval(ModelParameters p) =>
        p.PhaseOnePassRate * p.PhaseTwoPassRate * p.PhaseThreePassRate * p.ReviewPassRate;

    /// <summary>Breakthrough value of one approval; by default 1 / likelihood of approval, so the pipeline delays and concentrates value without changing its expectation.</summary>
    public static double ApprovalValue(ModelParameters p) => p.ApprovalBreakthroughValue > 0 ? p.ApprovalBreakthroughValue : 1 / LikelihoodOfApproval(p);
}
