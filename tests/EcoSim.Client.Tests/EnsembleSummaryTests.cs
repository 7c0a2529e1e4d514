using System.Globalization;
using EcoSim.Experiments.Ensembles;
using EcoSim.Model.Metrics;

namespace EcoSim.Client.Tests;

/// <summary>Bands of an ensemble: the median and 5-95% quantiles over runs, for the region and every cluster.</summary>
public sealed class EnsembleSummaryTests
{
    private static readonly MetricColumn Firms = MetricColumns.Get("firms");

    /// <summary>A run whose every row has <c>firms = offset + 100 * tick</c>.</summary>
    private static List<MetricsRow> Run(double offset) =>
        [.. SampleRows.Create(ticks: 3).Select(r => r.With((MetricColumns.Firms, offset + 100 * r.Tick)))];

    [Fact]
    public void The_band_is_the_5th_to_95th_percentile_and_the_median_of_the_runs_whatever_their_order()
    {
        var summary = new EnsembleSummary();
        // 21 runs with offsets 0..20, added out of order: quantile positions 1, 10 and 19 fall on whole runs.
        foreach (int k in Enumerable.Range(0, 21).OrderBy(k => (k * 7) % 21)) summary.Add(Run(k));

        var region = summary.Region(Firms);
        Assert.Equal(3, region.Count);
        Assert.Equal(["2024Q1", "2024Q2", "2024Q3"], region.Select(p => p.Period));
        Assert.Equal(new Band(201, 210, 219), region[2].Band);
        Assert.Equal(21, summary.Runs);
    }

    [Fact]
    public void A_tiny_ensemble_interpolates_between_runs()
    {
        var summary = new EnsembleSummary();
        foreach (int k in new[] { 0, 10, 30 }) summary.Add(Run(k));
        // Type-7 quantiles of {0, 10, 30}: 5% at position 0.1 -> 1, median 10, 95% at position 1.9 -> 28.
        var band = summary.Region(Firms)[0].Band;
        Assert.Equal(1, band.P05, 12);
        Assert.Equal(10, band.Median);
        Assert.Equal(28, band.P95, 12);
    }

    [Fact]
    public void Points_cover_every_tick_cluster_and_metric_region_first()
    {
        var summary = new EnsembleSummary();
        summary.Add(Run(0));
        summary.Add(Run(1));
        var points = summary.Points();
        Assert.Equal(3 * (SampleRows.Clusters + 1) * MetricColumns.All.Count, points.Count);
        Assert.Equal(MetricsRow.RegionIndex, points[0].Cluster);
        Assert.Equal(0, points[MetricColumns.All.Count].Cluster);
        Assert.Equal("cluster-00", points[MetricColumns.All.Count].ClusterId);
        var clusterFirms = points.Single(p => p.Period == "2024Q2" && p.Cluster == 3 && p.Column == Firms);
        Assert.Equal(new Band(100.05, 100.5, 100.95), clusterFirms.Band with { P05 = Math.Round(clusterFirms.Band.P05, 9), P95 = Math.Round(clusterFirms.Band.P95, 9) });
    }

    [Fact]
    public void A_large_ensemble_keeps_the_region_only()
    {
        var summary = new EnsembleSummary(includeClusters: false);
        summary.Add(Run(0));
        summary.Add(Run(1));
        Assert.All(summary.Points(), p => Assert.Equal(MetricsRow.RegionIndex, p.Cluster));
        Assert.Equal(3 * MetricColumns.All.Count, summary.Points().Count);
        Assert.True(EnsembleSummary.ClustersFit(runs: 100, ticks: 108, clusters: 20));
        Assert.False(EnsembleSummary.ClustersFit(runs: 2000, ticks: 108, clusters: 20));
    }

    [Fact]
    public void A_run_with_other_clusters_is_refused()
    {
        var summary = new EnsembleSummary();
        summary.Add(Run(0));
        Assert.Throws<InvalidOperationException>(() => summary.Add(Run(0).Where(r => r.Cluster != 5).ToList()));
    }

    [Fact]
    public void Summary_csv_has_one_row_per_tick_cluster_and_metric()
    {
        using var folder = new TempFolder();
        var summary = new EnsembleSummary();
        foreach (int k in new[] { 0, 10, 30 }) summary.Add(Run(k));
        string path = folder.Combine("summary.csv");
        EnsembleSummaryCsv.Write(path, summary.Points());
        var lines = File.ReadAllLines(path);
        Assert.Equal("period,time,cluster,cluster_id,metric,unit,p05,median,p95", lines[0]);
        Assert.Equal(1 + 3 * (SampleRows.Clusters + 1) * MetricColumns.All.Count, lines.Length);
        var row = lines.Single(l => l.StartsWith("2024Q3,2024.5,-1,region,firms,", StringComparison.Ordinal)).Split(',');
        Assert.Equal(201, double.Parse(row[6], CultureInfo.InvariantCulture), 12);
        Assert.Equal(210, double.Parse(row[7], CultureInfo.InvariantCulture));
        Assert.Equal(228, double.Parse(row[8], CultureInfo.InvariantCulture), 12);
    }
}
