using EcoSim.Experiments.Validation.Facts;

namespace EcoSim.Experiments.Validation;

/// <summary>
/// The stylized facts the design brief requires of the firm population ("tests, not hopes"), in the
/// order the report shows them. docs/MODEL.md, section 11, gives their values on the baseline.
/// </summary>
public static class StylizedFacts
{
    /// <summary>Every fact.</summary>
    public static IReadOnlyList<IStylizedFact> All { get; } =
    [
        new SteadyExitRate(), new FirmCountHolds(), new ZipfSizeTail(), new TentShapedGrowth(),
        new VolatilityFallsWithSize(), new PersistentProductivityDispersion(), new SShapedAdoption(),
    ];

    /// <summary>Checks every fact on <paramref name="history"/>.</summary>
    public static IReadOnlyList<FactResult> Check(ValidationHistory history) => [.. All.Select(f => f.Check(history))];
}
