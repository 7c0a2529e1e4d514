using EcoSim.Experiments.Ensembles;
using EcoSim.Model.Metrics;

namespace EcoSim.Client.Tests;

/// <summary>summary.csv and sweep.csv are the same bytes whatever order the runs finish in, as <c>ecosim reproduce</c> needs.</summary>
public sealed class SummaryBytesTests
{
    /// <summary>A run whose numbers depend on <paramref name="k"/>, with signed zeros, ties and a NaN among them to test the sorting.</summary>
    private static List<MetricsRow> Run(int k) =>
        [.. SampleRows.Create(ticks: 8).Select(r => r.With(
            (MetricColumns.KnowledgeStock, 100 + r.Tick + (k * 37 % 11) / 3.0),
            (MetricColumns.Firms, k % 3 == 0 ? 2000 : 2000 + k),
            (MetricColumns.Breakthroughs, k % 2 == 0 ? 0.0 : -0.0),
            (MetricColumns.Productivity, k == 4 ? double.NaN : 1 + 0.01 * k)
        ))];

    private static IEnumerable<int[]> Orders(int count)
    {
        yield return [.. Enumerable.Range(0, count)];
        yield return [.. Enumerable.Range(0, count).Reverse()];
        for (int shuffle = 1; shuffle <= 3; shuffle++)
            yield return [.. Enumerable.Range(0, count).OrderBy(i => (i * (7 + 2 * shuffle) + shuffle) % count)];
    }

    [Fact]
    public void Summary_csv_does_not_depend_on_the_order_runs_finish_in()
    {
        using var folder = new TempFolder();
        var files = new List<byte[]>();
        foreach (var order in Orders(9))
        {
            var summary = new EnsembleSummary();
            Parallel.ForEach(order, new ParallelOptions { MaxDegreeOfParallelism = 3 }, k => summary.Add(Run(k)));
            string path = folder.Combine($"summary-{files.Count}.csv");
            EnsembleSummaryCsv.Write(path, summary.Points());
            files.Add(File.ReadAllBytes(path));
        }
        Assert.All(files, bytes => Assert.Equal(files[0], bytes));
        Assert.DoesNotContain(",-0,", File.ReadAllText(folder.Combine("summary-0.csv"))); // a signed zero is not a second answer
    }

    [Fact]
    public void Sweep_csv_does_not_depend_on_the_order_runs_finish_in()
    {
        using var folder = new TempFolder();
        var grid = SweepGrid.TryParse(["basicShare=0.1:0.3:0.1"], 4, out _)!;
        var members = grid.Points.SelectMany(p => Enumerable.Range(0, 4).Select(seed => (Point: p, Run: Run(p.Index * 4 + seed)))).ToList();
        var files = new List<byte[]>();
        foreach (var order in Orders(members.Count))
        {
            var summary = new SweepSummary(grid.Points, 8);
            Parallel.ForEach(order, new ParallelOptions { MaxDegreeOfParallelism = 3 }, i => summary.Add(members[i].Point, members[i].Run));
            string path = folder.Combine($"sweep-{files.Count}.csv");
            SweepCsv.Write(path, grid, summary.Results());
            files.Add(File.ReadAllBytes(path));
        }
        Assert.All(files, bytes => Assert.Equal(files[0], bytes));
    }
}
