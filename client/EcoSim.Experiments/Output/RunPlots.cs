using System.Globalization;
using EcoSim.Model.Metrics;

namespace EcoSim.Experiments.Output;

/// <summary>
/// Writes the standard plots of a run (900 x 550, bundled font, caption at the bottom) and the
/// small multiples of key metrics per cluster; each as PNG with an SVG twin of the same name.
/// </summary>
public static class RunPlots
{
    /// <summary>Width of every plot in pixels.</summary>
    public const int Width = PlotCanvas.Width;

    /// <summary>Height of every plot in pixels.</summary>
    public const int Height = PlotCanvas.Height;

    /// <summary>The PNG file names <see cref="WriteAll(IReadOnlyList{MetricsRow}, string, string, int?)"/> writes, in order (each also has an SVG twin).</summary>
    public static IReadOnlyList<string> FileNames { get; } =
        [.. RegionChart.All.Select(c => c.FileName), ClusterValueAddedChart.FileName, .. ClusterGridChart.Metrics.Select(ClusterGridChart.FileName)];

    /// <summary>The standard caption line, e.g. <c>scenario baseline · seed 42 · 2025-01-02</c>.</summary>
    /// <param name="scenarioName">Scenario name.</param>
    /// <param name="seed">Master random seed.</param>
    /// <param name="date">Date of the run (only the date part is shown).</param>
    public static string Caption(string scenarioName, ulong seed, DateTime date) =>
        string.Create(CultureInfo.InvariantCulture, $"scenario {scenarioName} · seed {seed} · {date:yyyy-MM-dd}");

    /// <summary>
    /// Draws the region plots (from rows with <see cref="MetricsRow.Cluster"/> equal to
    /// <see cref="MetricsRow.RegionIndex"/>), the value-added-by-cluster plot and the per-cluster grids
    /// into <paramref name="plotsDir"/>, creating it if needed, up to <paramref name="parallelism"/> plots at a time
    /// (<see cref="PlotJobs"/>; the bytes do not depend on it). Every PNG has an SVG twin (<see cref="PlotFiles.SvgTwin"/>).
    /// </summary>
    /// <param name="rows">Metrics rows of a run, in any order.</param>
    /// <param name="plotsDir">Folder to write the PNG files into.</param>
    /// <param name="caption">One line drawn small at the bottom of every plot (scenario, seed, date).</param>
    /// <param name="parallelism">Plots drawn at a time; by default <see cref="PlotJobs.DefaultParallelism"/>.</param>
    /// <returns>The full paths of the PNG files written, in <see cref="FileNames"/> order.</returns>
    /// <exception cref="ArgumentException"><paramref name="rows"/> has no region rows.</exception>
    /// <exception cref="FileNotFoundException">The bundled plot font is missing (see <see cref="PlotFonts"/>).</exception>
    public static IReadOnlyList<string> WriteAll(IReadOnlyList<MetricsRow> rows, string plotsDir, string caption, int? parallelism = null) =>
        PlotJobs.Run(Jobs(rows, plotsDir, caption), parallelism ?? PlotJobs.DefaultParallelism);

    /// <summary>
    /// As <see cref="WriteAll(IReadOnlyList{MetricsRow}, string, string, int?)"/>, with the firm-size distribution (<paramref name="sizes"/>, the first and last tick) drawn
    /// beside the others; its PNG comes last.
    /// </summary>
    public static IReadOnlyList<string> WriteAll(IReadOnlyList<MetricsRow> rows, IReadOnlyList<FirmSizeDistribution> sizes, string plotsDir, string caption, int? parallelism = null) =>
        PlotJobs.Run([.. Jobs(rows, plotsDir, caption), () => FirmSizeChart.Write(sizes, plotsDir, caption)[0]], parallelism ?? PlotJobs.DefaultParallelism);

    // One job per plot, each returning its PNG's path; checked and the folder made before any job runs.
    private static List<Func<string>> Jobs(IReadOnlyList<MetricsRow> rows, string plotsDir, string caption)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(caption);
        MetricsRow[] region = [.. rows.Where(r => r.Cluster == MetricsRow.RegionIndex).OrderBy(r => r.Tick)];
        if (region.Length == 0)
            throw new ArgumentException("no region rows (cluster = -1) to plot", nameof(rows));
        PlotFonts.EnsureLoaded();
        Directory.CreateDirectory(plotsDir);
        var jobs = new List<Func<string>>();
        foreach (RegionChart chart in RegionChart.All)
            jobs.Add(() => chart.Write(region, plotsDir, caption));
        jobs.Add(() => ClusterValueAddedChart.Write(rows, plotsDir, caption));
        foreach (string metric in ClusterGridChart.Metrics)
            jobs.Add(() => ClusterGridChart.Write(rows, metric, plotsDir, caption));
        return jobs;
    }
}
