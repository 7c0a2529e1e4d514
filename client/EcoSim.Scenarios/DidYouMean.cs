namespace EcoSim.Scenarios;

/// <summary>Suggestions for a mistyped name: the known names within a small edit distance, nearest first.</summary>
public static class DidYouMean
{
    /// <summary>
    /// The known names within max(2, length / 4) edits of <paramref name="name"/> (ignoring case), nearest
    /// first; equal distances keep the order of <paramref name="known"/>.
    /// </summary>
    public static IEnumerable<string> Candidates(string name, IEnumerable<string> known) =>
        known.Select(k => (Name: k, Distance: Distance(k.ToLowerInvariant(), name.ToLowerInvariant())))
             .Where(x => x.Distance <= Math.Max(2, name.Length / 4))
             .OrderBy(x => x.Distance)
             .Select(x => x.Name);

    /// <summary>The nearest candidate, or null when none is close.</summary>
    public static string? Closest(string name, IEnumerable<string> known) => Candidates(name, known).FirstOrDefault();

    /// <summary>Levenshtein distance: insertions, deletions and substitutions.</summary>
    public static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++) previous[j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
