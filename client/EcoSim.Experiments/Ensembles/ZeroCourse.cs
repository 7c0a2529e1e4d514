namespace EcoSim.Experiments.Ensembles;

/// <summary>
/// How a band of the paired effect stands to zero over the quarters: when it first excludes zero, how
/// often it includes zero again afterwards, and from when it has excluded zero without a break to the
/// end. A band that clears zero once and then returns to it is not settled from its first clearing; the
/// findings need all three to say when an effect is settled and when it is not.
/// </summary>
/// <param name="First">First tick whose band excludes zero.</param>
/// <param name="LaterWithZero">Ticks after <paramref name="First"/> whose band includes zero again.</param>
/// <param name="Later">Ticks after <paramref name="First"/>.</param>
/// <param name="ClearSince">First tick of the unbroken run of ticks, reaching the last one, whose bands all exclude zero; null when the last band includes zero.</param>
internal sealed record ZeroCourse(int First, int LaterWithZero, int Later, int? ClearSince)
{
    /// <summary>True when the band excludes zero in the last tick.</summary>
    public bool ClearAtEnd => ClearSince is not null;

    /// <summary>True when the band, once clear of zero, never includes it again.</summary>
    public bool NeverReturns => LaterWithZero == 0;

    /// <summary>True when a band lies wholly above or wholly below zero.</summary>
    public static bool Excludes(Band band) => band.P05 > 0 || band.P95 < 0;

    /// <summary>The course of <paramref name="byTick"/>, or null when no band ever excludes zero.</summary>
    public static ZeroCourse? Of(IReadOnlyList<Band> byTick)
    {
        int first = -1;
        for (int t = 0; t < byTick.Count && first < 0; t++)
            if (Excludes(byTick[t])) first = t;
        if (first < 0) return null;
        int since = byTick.Count;
        while (since > 0 && Excludes(byTick[since - 1])) since--;
        int later = byTick.Count - first - 1;
        return new ZeroCourse(first, byTick.Skip(first + 1).Count(b => !Excludes(b)), later, since < byTick.Count ? since : null);
    }
}
