using EcoSim.Explorer.Library;
using EcoSim.Scenarios;

namespace EcoSim.Explorer.Runs;

/// <summary>What a live run runs: the scenario with its seed and levers in force, and where it came from.</summary>
/// <param name="Scenario">The scenario as run (levers already in its timeline, see <see cref="Levers.Apply"/>).</param>
/// <param name="ScenarioFile">The shipped file it came from, or null for a pasted scenario.</param>
/// <param name="Levers">The levers as the user gave them, for display and for branches to inherit.</param>
public sealed record RunPlan(Scenario Scenario, string? ScenarioFile, IReadOnlyList<LeverSetting> Levers);
