using EcoSim.Model.Parameters;

namespace EcoSim.Experiments.Ensembles;

/// <summary>
/// How much a band over seeds can say, decided in one place for the findings of every command.
/// A band is the 5th to 95th percentile of the seeds' values (type 7, <see cref="Quantiles"/>). Below
/// <see cref="MinimumSeeds"/> seeds those percentiles sit less than half-way from the most extreme value
/// to the next one, so the "band" is little more than the range of a handful of draws and its edges move
/// with every seed added; with one seed it is a single value. So findings call it a 90% band, and call a
/// direction settled, only from <see cref="MinimumSeeds"/> seeds on; below that they give the numbers as
/// the spread of the few runs and say that nothing is settled.
/// </summary>
public static class SeedEvidence
{
    /// <summary>Fewest seeds (or paired seeds) whose 5-95% spread is called a 90% band.</summary>
    public const int MinimumSeeds = 10;

    /// <summary>True when <paramref name="seeds"/> seeds are enough for a 90% band.</summary>
    public static bool HasBand(int seeds) => seeds >= MinimumSeeds;

    /// <summary>
    /// What the low and high numbers are called for <paramref name="seeds"/> values of <paramref name="what"/>
    /// (e.g. "pairs", "runs"): "90% band", or "5-95% of 4 pairs" below the minimum.
    /// </summary>
    public static string BandName(int seeds, string what) => HasBand(seeds) ? "90% band" : $"5-95% of {seeds} {what}";

    /// <summary>
    /// What a plot's legend says the line and its shade are, for <paramref name="seeds"/> values of
    /// <paramref name="what"/> (plural, e.g. "pairs"; <paramref name="one"/> is the singular): a shade is
    /// called a 5-95% band only from the minimum on, below it the legend says how few values it spans,
    /// and with one value there is no shade to speak of.
    /// </summary>
    public static string LegendBand(int seeds, string what, string one) => seeds switch
    {
        >= MinimumSeeds => "median, 5-95% band",
        1 => $"one {one}, no band",
        _ => $"median; shade: 5-95% of {seeds} {what}, too few for a band",
    };

    /// <summary>How many catalogue parameters have assumed defaults, and how many there are.</summary>
    public static (int Assumed, int All) AssumedParameters() =>
        (ParameterCatalog.All.Count(p => p.Source.StartsWith("assumed", StringComparison.OrdinalIgnoreCase)), ParameterCatalog.All.Count);

    /// <summary>
    /// What figures over seeds leave out: parameter and structural uncertainty. <paramref name="varied"/> names
    /// the parameters the command itself varies (a sweep's, or those a comparison draws), which are then not among those
    /// held at one value; <paramref name="how"/> says how they vary ("swept", "drawn").
    /// </summary>
    public static string LeftOut(IReadOnlyCollection<string>? varied = null, string how = "swept")
    {
        var (assumed, all) = AssumedParameters();
        string held = varied is { Count: > 0 } ? $"every parameter but the {how} ones is held at one value" : "each is held at one value";
        return $"Left out: parameter uncertainty, since {assumed} of the {all} model parameters have assumed defaults (see the source column of the parameter table) and {held}; " +
               "and uncertainty in the model's structure. The outcome is less certain than these figures show.";
    }

    /// <summary>
    /// What the figures are when <paramref name="seeds"/> is below the minimum, in a sentence or two;
    /// empty from the minimum on. <paramref name="what"/> is the plural, e.g. "pairs", and
    /// <paramref name="one"/> the singular, e.g. "pair".
    /// </summary>
    public static string TooFew(int seeds, string what, string one) => seeds switch
    {
        >= MinimumSeeds => "",
        1 => $"With one {one} there is no band at all: every figure is a single value, and nothing can be said about chance; run at least {MinimumSeeds} seeds for a 90% band.",
        _ => $"With {seeds} {what}, fewer than the {MinimumSeeds} that a 90% band needs, the low and high figures are the 5th and 95th percentiles of a handful of values, close to their range: " +
             $"a hint of the spread, not a band, so nothing is called settled. Run at least {MinimumSeeds} seeds for a 90% band.",
    };
}
