namespace EcoSim.Experiments.Ensembles;

/// <summary>
/// Writes a comparison's bands as summary.csv, in the ensembles' layout (<see cref="BandTableCsv"/>):
/// one row per tick, cluster (the region, cluster -1, first) and metric, with the baseline, policy,
/// effect and relative-effect bands.
/// </summary>
internal static class SummaryCsv
{
    public const string FileName = "summary.csv";

    public static void Write(string path, IReadOnlyList<ComparisonPoint> points) =>
        BandTableCsv.Write(path, ComparisonBands.BandNames, points.Select(p => (p.Period, p.Time, p.Cluster, p.ClusterId, p.Column, p.Bands)));
}
