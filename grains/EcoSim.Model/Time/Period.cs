using System.Globalization;

namespace EcoSim.Model.Time;

/// <summary>A calendar quarter, e.g. 2024Q1. Ticks are quarters by default.</summary>
/// <param name="Year">Calendar year.</param>
/// <param name="Quarter">Quarter, 1..4.</param>
public readonly record struct Period(int Year, int Quarter) : IComparable<Period>
{
    /// <summary>Quarters since year 0; a total order on periods.</summary>
    public int Ordinal => Year * 4 + (Quarter - 1);

    /// <summary>The period <paramref name="quarters"/> quarters later.</summary>
    public Period AddQuarters(int quarters)
    {
        int ordinal = Ordinal + quarters;
        return new Period(Math.DivRem(ordinal, 4, out int q) , q + 1);
    }

    /// <summary>Quarters from <paramref name="start"/> to this period.</summary>
    public int QuartersSince(Period start) => Ordinal - start.Ordinal;

    /// <summary>The calendar time of the period's start as a decimal year.</summary>
    public double DecimalYear => Year + (Quarter - 1) / 4.0;

    /// <summary>Parses <c>2024Q1</c> (or <c>2024</c>, meaning its first quarter).</summary>
    public static bool TryParse(string? text, out Period period)
    {
        period = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        text = text.Trim();
        int q = 1;
        string yearPart = text;
        int at = text.IndexOfAny(['Q', 'q']);
        if (at >= 0)
        {
            if (at + 2 != text.Length || !int.TryParse(text.AsSpan(at + 1), NumberStyles.None, CultureInfo.InvariantCulture, out q) || q < 1 || q > 4) return false;
            yearPart = text[..at];
        }
        if (yearPart.Length != 4 || !int.TryParse(yearPart, NumberStyles.None, CultureInfo.InvariantCulture, out int year)) return false;
        period = new Period(year, q);
        return true;
    }

    /// <inheritdoc/>
    public int CompareTo(Period other) => Ordinal.CompareTo(other.Ordinal);

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year}Q{Quarter}");
}
