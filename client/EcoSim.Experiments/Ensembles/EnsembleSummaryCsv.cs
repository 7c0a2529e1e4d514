namespace EcoSim.Experiments.Ensembles;

/// <summary>
/// Writes an ensemble's bands as summary.csv (<see cref="BandTableCsv"/>): one row per tick, cluster
/// (the region, cluster -1, first) and metric, with the median and the 5% and 95% quantiles over the runs.
/// </summary>
internal static class EnsembleSummaryCsv
{
    public const string FileName = "summary.csv";

    public static readonly IReadOnlyList<string> Header = BandTableCsv.Header([""]);

    public static void Write(string path, IEnumerable<EnsemblePoint> points) =>
        BandTableCsv.Write(path, [""], points.Select(p => (p.Period, p.Time, p.Cluster, p.ClusterId, p.Column, (IReadOnlyList<Band>)[p.Band])));
}
