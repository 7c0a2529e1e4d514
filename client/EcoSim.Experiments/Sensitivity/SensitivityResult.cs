namespace EcoSim.Experiments.Sensitivity;

/// <summary>The indices of every parameter for one output, and the output's spread over the design.</summary>
/// <param name="Output">The output.</param>
/// <param name="Indices">Every index of every parameter, parameter by parameter in the design's order.</param>
/// <param name="Mean">The output's mean over the design points.</param>
/// <param name="Variance">Its variance over the design points (population form).</param>
/// <param name="EffectOf">The policy whose effect the output is (policy minus baseline), or null for the scenario's own value.</param>
public sealed record SensitivityResult(SensitivityOutput Output, IReadOnlyList<SensitivityIndex> Indices, double Mean, double Variance, string? EffectOf = null)
{
    /// <summary>The output in words: "Productivity in 2050", or "The effect of one-third-basic-research on productivity in 2050".</summary>
    public string Title
    {
        get
        {
            string title = Output.Column.Title;
            if (EffectOf is null) return $"{title} in {Output.Year}";
            bool acronym = title.Length > 1 && char.IsUpper(title[1]);
            return $"The effect of {EffectOf} on {(acronym ? title : char.ToLowerInvariant(title[0]) + title[1..])} in {Output.Year}";
        }
    }

    /// <summary>How the CSV files name the output: <c>metric@year</c>, or <c>effect:metric@year</c> for a policy's effect.</summary>
    public string Label => EffectOf is null ? Output.Label : $"effect:{Output.Label}";

    /// <summary>The parameters' ranking indices (<see cref="SensitivityDesign.RankingIndex"/>), the most important first; ties keep the design's order.</summary>
    public IReadOnlyList<SensitivityIndex> Ranked(string rankingIndex) =>
        [.. Indices.Where(i => i.Name == rankingIndex).OrderByDescending(i => i.Estimate)];

    /// <summary>One index of one parameter.</summary>
    public SensitivityIndex Of(string parameter, string index) => Indices.Single(i => i.Parameter == parameter && i.Name == index);
}
