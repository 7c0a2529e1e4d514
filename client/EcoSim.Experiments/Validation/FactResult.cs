using System.Globalization;

namespace EcoSim.Experiments.Validation;

/// <summary>
/// The values a statistic must take for a fact to hold: a closed interval, or an open one when the
/// literature's statement is a strict inequality ("excess kurtosis above 1").
/// </summary>
/// <param name="Low">Lower end; negative infinity for none.</param>
/// <param name="High">Upper end; positive infinity for none.</param>
/// <param name="Open">Whether the ends themselves are excluded.</param>
public sealed record FactBand(double Low, double High, bool Open)
{
    /// <summary>Values strictly above <paramref name="low"/>.</summary>
    public static FactBand Above(double low) => new(low, double.PositiveInfinity, true);
    /// <summary>Values strictly below <paramref name="high"/>.</summary>
    public static FactBand Below(double high) => new(double.NegativeInfinity, high, true);
    /// <summary>Values at or above <paramref name="low"/>.</summary>
    public static FactBand AtLeast(double low) => new(low, double.PositiveInfinity, false);
    /// <summary>Values at or below <paramref name="high"/>.</summary>
    public static FactBand AtMost(double high) => new(double.NegativeInfinity, high, false);
    /// <summary>Values from <paramref name="low"/> to <paramref name="high"/>, both included.</summary>
    public static FactBand Between(double low, double high) => new(low, high, false);

    /// <summary>Whether <paramref name="value"/> is in the band (never for NaN).</summary>
    public bool Contains(double value) => Open ? value > Low && value < High : value >= Low && value <= High;

    /// <summary>The band as a reader sees it: "&gt; 1", "≤ 1e-09", "0.9 to 1.1".</summary>
    public string Text =>
        double.IsNegativeInfinity(Low) ? $"{(Open ? "<" : "≤")} {FactResult.Number(High)}"
        : double.IsPositiveInfinity(High) ? $"{(Open ? ">" : "≥")} {FactResult.Number(Low)}"
        : $"{FactResult.Number(Low)} to {FactResult.Number(High)}{(Open ? " (ends excluded)" : "")}";
}

/// <summary>One statistic of a fact: what it is, the value the run gave, and the band the literature puts it in.</summary>
/// <param name="Name">What is measured, in words.</param>
/// <param name="Value">The run's value.</param>
/// <param name="Band">The values for which the fact holds.</param>
public sealed record FactStatistic(string Name, double Value, FactBand Band)
{
    /// <summary>Whether the value is in its band.</summary>
    public bool Passed => Band.Contains(Value);
}

/// <summary>
/// A stylized fact checked on a run: the claim, its source in the literature, each statistic with its
/// band, and a line of the numbers behind them. It holds when every statistic is in its band; a fact
/// with nothing to measure (no statistic) fails and says why in <paramref name="Detail"/>.
/// </summary>
/// <param name="Id">Short stable name (letters, digits, dashes), used for the plot's file and the csv.</param>
/// <param name="Claim">The fact, in one sentence.</param>
/// <param name="Source">Where the literature states it.</param>
/// <param name="Statistics">The statistics, each with its band.</param>
/// <param name="Detail">The numbers behind the statistics, or why there were none.</param>
public sealed record FactResult(string Id, string Claim, string Source, IReadOnlyList<FactStatistic> Statistics, string Detail)
{
    /// <summary>Whether the fact holds: at least one statistic, all in their bands.</summary>
    public bool Passed => Statistics.Count > 0 && Statistics.All(s => s.Passed);

    /// <summary>What failed, in words, for a test's message or the report; empty when the fact holds.</summary>
    public string Failure => Passed ? "" : Statistics.Count == 0 ? Detail
        : string.Join("; ", Statistics.Where(s => !s.Passed).Select(s => $"{s.Name} is {Number(s.Value)}, outside {s.Band.Text}"));

    /// <summary>A number for reading: four significant digits, invariant culture.</summary>
    public static string Number(double value) => !double.IsFinite(value) ? value.ToString(CultureInfo.InvariantCulture)
        : Math.Abs(value) >= 1e5 || (value != 0 && Math.Abs(value) < 1e-3) ? value.ToString("0.###e0", CultureInfo.InvariantCulture)
        : value.ToString("0.####", CultureInfo.InvariantCulture);
}
