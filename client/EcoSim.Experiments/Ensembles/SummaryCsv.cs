namespace EcoSim.Experiments.Ensembles;

/// <summary>
/// Writes a comparison's bands as summary.csv, in the ensembles' layout (<see cref="BandTableCsv"/>):
/// one row per tick, cluster (the region, cluster -1, first) and metric, with the baseline, policy,
/// effect and relative-effect bands, and, under <c>--parameter-uncertainty</c>, the same four bands of
/// the seed-only pairs beside them (<see cref="ComparisonBands.Columns"/>).
/// </summary>
internal static class SummaryCsv
{
    public const string FileName = "summary.csv";

    /// <summary>Writes <paramref name="points"/> and, when given, <paramref name="seedOnly"/> (the same rows of the seed-only pairs).</summary>
    /// <exception cref="InvalidOperationException">The seed-only points are not laid out like <paramref name="points"/>.</exception>
    public static void Write(string path, IReadOnlyList<ComparisonPoint> points, IReadOnlyList<ComparisonPoint>? seedOnly = null)
    {
        if (seedOnly is not null && (seedOnly.Count != points.Count || points.Where((p, i) => !SameRow(p, seedOnly[i])).Any()))
            throw new InvalidOperationException("the seed-only pairs' rows are not laid out like the drawn pairs' (other ticks, clusters or metrics)");
        BandTableCsv.Write(path, ComparisonBands.Columns(seedOnly is not null),
            points.Select((p, i) => (p.Period, p.Time, p.Cluster, p.ClusterId, p.Column, seedOnly is null ? p.Bands : [.. p.Bands, .. seedOnly[i].Bands])));
    }

    private static bool SameRow(ComparisonPoint a, ComparisonPoint b) =>
        a.Period == b.Period && a.Cluster == b.Cluster && a.Column.Name == b.Column.Name;
}
