namespace EcoSim.Scenarios;

/// <summary>
/// A number an event of a scenario gives (a facility's <c>buildYears</c>, a talent programme's <c>researchersPerYear</c>):
/// its key, its allowed range and unit, and what it means. The parser reads the number with this range and the explorer
/// offers it with the same one, so the two cannot disagree.
/// </summary>
/// <param name="Name">The key, e.g. <c>buildYears</c>.</param>
/// <param name="Min">Smallest allowed value.</param>
/// <param name="Max">Largest allowed value.</param>
/// <param name="Unit">Its unit.</param>
/// <param name="Description">What it means, in one line.</param>
public sealed record EventNumberKey(string Name, double Min, double Max, string Unit, string Description);
