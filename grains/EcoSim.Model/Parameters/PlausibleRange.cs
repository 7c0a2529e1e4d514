using System.Globalization;

namespace EcoSim.Model.Parameters;

/// <summary>
/// The values a parameter could plausibly take, as far as the literature, Guangdong's data or a stated
/// assumption tell: what a sensitivity analysis or a draw of parameter uncertainty should cover by default.
/// It lies inside the allowed range, which only says where the model's rules stay meaningful and is often
/// far wider (a share from 0 to 1, an elasticity from 0 to 5), and it holds the default.
/// </summary>
/// <param name="Low">Low end (inclusive).</param>
/// <param name="High">High end (inclusive), above <paramref name="Low"/>.</param>
/// <param name="Source">Where the range comes from, one line: a literature value, Guangdong data, or "assumed: ..." with the reason.</param>
public sealed record PlausibleRange(double Low, double High, string Source)
{
    /// <summary>True when <paramref name="value"/> is within [Low, High].</summary>
    public bool Contains(double value) => value >= Low && value <= High;

    /// <summary>The range as "LOW to HIGH", numbers in their shortest invariant form.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Low:R} to {High:R}");
}
