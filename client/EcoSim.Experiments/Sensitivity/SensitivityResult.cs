namespace EcoSim.Experiments.Sensitivity;

/// <summary>The indices of every parameter for one output, and the output's spread over the design.</summary>
/// <param name="Output">The output.</param>
/// <param name="Indices">Every index of every parameter, parameter by parameter in the design's order.</param>
/// <param name="Mean">The output's mean over the design points.</param>
/// <param name="Variance">Its variance over the design points (population form).</param>
public sealed record SensitivityResult(SensitivityOutput Output, IReadOnlyList<SensitivityIndex> Indices, double Mean, double Variance)
{
    /// <summary>The parameters' ranking indices (<see cref="SensitivityDesign.RankingIndex"/>), the most important first; ties keep the design's order.</summary>
    public IReadOnlyList<SensitivityIndex> Ranked(string rankingIndex) =>
        [.. Indices.Where(i => i.Name == rankingIndex).OrderByDescending(i => i.Estimate)];

    /// <summary>One index of one parameter.</summary>
    public SensitivityIndex Of(string parameter, string index) => Indices.Single(i => i.Parameter == parameter && i.Name == index);
}
