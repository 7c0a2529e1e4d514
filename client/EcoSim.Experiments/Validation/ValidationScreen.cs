using EcoSim.Experiments.Sensitivity;
using EcoSim.Scenarios;

namespace EcoSim.Experiments.Validation;

/// <summary>
/// The short sensitivity screen of the validation: a Morris design over assumed parameters of the
/// innovation chain, one seed, whose mu* say which assumptions the key outputs lean on most. The full
/// screen is the eight parameters and ten trajectories of the sensitivity benchmark over the whole horizon
/// (90 runs); the quick one four parameters, four trajectories and the first ten years (20 runs).
/// </summary>
/// <param name="Ranges">The parameters and their ranges, in the design's order.</param>
/// <param name="Trajectories">Morris trajectories r.</param>
/// <param name="Ticks">Ticks of each run.</param>
public sealed record ValidationScreen(IReadOnlyList<SensitivityRange> Ranges, int Trajectories, int Ticks)
{
    private static readonly (string Name, double Low, double High)[] Eight =
    [
        ("basicShare", 0.1, 0.4), ("researcherElasticity", 0.5, 0.9), ("stockElasticity", 0.2, 0.6), ("knowledgeSpillover", 0.1, 0.5),
        ("innovationZeta", 10, 30), ("imitationZeta", 5, 15), ("adoptionImitationRate", 0.5, 1.3), ("demandGrowth", 0.01, 0.05),
    ];

    private static readonly string[] QuickFour = ["basicShare", "knowledgeSpillover", "innovationZeta", "demandGrowth"];

    /// <summary>The quick screen's horizon: ten years.</summary>
    public const int QuickTicks = 40;

    /// <summary>The screen for <paramref name="scenario"/>: the full one, or the quick one.</summary>
    public static ValidationScreen For(Scenario scenario, bool quick)
    {
        var chosen = quick ? Eight.Where(p => QuickFour.Contains(p.Name)) : Eight;
        var texts = chosen.Select(p => $"{p.Name}={SensitivityRange.Number(p.Low)}:{SensitivityRange.Number(p.High)}").ToList();
        var ranges = SensitivityRange.TryParse(texts, out var problems) ?? throw new InvalidOperationException($"the validation screen's ranges: {string.Join("; ", problems)}");
        return new ValidationScreen(ranges, quick ? 4 : 10, quick ? Math.Min(QuickTicks, scenario.World.Ticks) : scenario.World.Ticks);
    }

    /// <summary>The design drawn with <paramref name="seed"/>.</summary>
    public SensitivityDesign Design(ulong seed) => new(SensitivityMethod.Morris, Ranges, Trajectories, seed);
}
