using EcoSim.Experiments.Pipelines;
using EcoSim.Scenarios;

namespace EcoSim.Experiments.Validation;

/// <summary>What <c>ecosim check-model</c> was asked to do.</summary>
/// <param name="Scenario">The scenario validated (the Guangdong baseline unless another is named); at least 20 years long.</param>
/// <param name="Seed">Seed of the facts' run, of the screen's runs and of its design.</param>
/// <param name="Quick">Whether to run the quick screen (<see cref="ValidationScreen"/>).</param>
/// <param name="Output">Engine and output folder.</param>
public sealed record CheckModelSettings(Scenario Scenario, ulong Seed, bool Quick, OutputSettings Output)
{
    /// <summary>The screen this validation runs.</summary>
    public ValidationScreen Screen { get; init; } = ValidationScreen.For(Scenario, Quick);

    /// <summary>The back-cast checked beside the facts (the same in <c>--quick</c>), or null to check none.</summary>
    public Backcast.BackcastCheck? Backcast { get; init; }
}
