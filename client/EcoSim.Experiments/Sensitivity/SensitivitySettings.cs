using EcoSim.Experiments.Pipelines;
using EcoSim.Scenarios;

namespace EcoSim.Experiments.Sensitivity;

/// <summary>What <c>ecosim sensitivity</c> was asked to do.</summary>
/// <param name="Scenario">The scenario, cut to the ticks asked for.</param>
/// <param name="Design">The design over the parameters.</param>
/// <param name="Outputs">The outputs to explain.</param>
/// <param name="Seeds">The seeds every design point runs with (common random numbers); a point's output is their mean.</param>
/// <param name="Output">Engine and output folder.</param>
public sealed record SensitivitySettings(Scenario Scenario, SensitivityDesign Design, IReadOnlyList<SensitivityOutput> Outputs, IReadOnlyList<ulong> Seeds, OutputSettings Output)
{
    /// <summary>
    /// A policy scenario over the same horizon, or null. With one, every design point runs the scenario
    /// (the baseline) and the policy with each seed (paired seeds, common random numbers), both with the
    /// point's parameter values, and each output is the policy's effect: policy minus baseline.
    /// </summary>
    public Scenario? Policy { get; init; }

    /// <summary>Most runs (design points times seeds) one analysis makes.</summary>
    public const long MaxRuns = 50_000;
}
