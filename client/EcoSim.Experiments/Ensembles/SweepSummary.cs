using EcoSim.Model.Metrics;

namespace EcoSim.Experiments.Ensembles;

/// <summary>One key metric at one checkpoint for one grid point, across the seeds.</summary>
/// <param name="Point">The grid point.</param>
/// <param name="Period">The checkpoint's calendar label.</param>
/// <param name="Column">The metric.</param>
/// <param name="Unit">Unit of the value: the metric's, or "count per year" for counts per tick, which are summed over the year to the checkpoint.</param>
/// <param name="Band">Median and 5-95% band over the seeds.</param>
internal sealed record SweepResult(SweepPoint Point, string Period, MetricColumn Column, string Unit, Band Band);

/// <summary>
/// What a sweep keeps of each finished run: the region's key metrics (<see cref="Findings.KeyMetrics"/>)
/// at a few checkpoints (the end of the middle year and the last tick), nothing else.
/// </summary>
internal sealed class SweepSummary
{
    private readonly Lock _lock = new();
    private readonly IReadOnlyList<SweepPoint> _points;
    private readonly IReadOnlyList<int> _checkpoints;
    private readonly MetricColumn[] _columns = [.. Findings.KeyMetrics.Select(MetricColumns.Get)];
    private readonly List<double>[,,] _values;
    private readonly string[] _periods;

    /// <summary>A summary for <paramref name="points"/>, runs of <paramref name="ticks"/> ticks.</summary>
    public SweepSummary(IReadOnlyList<SweepPoint> points, int ticks)
    {
        _points = points;
        _checkpoints = Checkpoints(ticks);
        _periods = new string[_checkpoints.Count];
        _values = new List<double>[points.Count, _columns.Length, _checkpoints.Count];
        foreach (var p in points)
            for (int m = 0; m < _columns.Length; m++)
                for (int c = 0; c < _checkpoints.Count; c++)
                    _values[p.Index, m, c] = [];
    }

    /// <summary>The ticks results are kept for: the last quarter of the middle year (when the run has two years or more) and the last tick.</summary>
    public static IReadOnlyList<int> Checkpoints(int ticks)
    {
        int middle = ticks / 4 / 2 * 4 - 1;
        return middle >= 0 && middle < ticks - 1 ? [middle, ticks - 1] : [ticks - 1];
    }

    /// <summary>The unit a metric is reported in: counts per tick become counts per year.</summary>
    public static string UnitOf(MetricColumn column) => IsPerTick(column) ? "count per year" : column.Unit;

    /// <summary>Keeps the checkpoint values of a finished run of <paramref name="point"/>.</summary>
    public void Add(SweepPoint point, IReadOnlyList<MetricsRow> rows)
    {
        var region = rows.Where(r => r.Cluster == MetricsRow.RegionIndex).OrderBy(r => r.Tick).ToList();
        lock (_lock)
            for (int c = 0; c < _checkpoints.Count; c++)
            {
                int tick = _checkpoints[c];
                _periods[c] = region[tick].Period;
                for (int m = 0; m < _columns.Length; m++)
                    _values[point.Index, m, c].Add(ValueAt(_columns[m], region, tick));
            }
    }

    /// <summary>Every point, checkpoint and key metric, in that order.</summary>
    public IReadOnlyList<SweepResult> Results()
    {
        lock (_lock)
            return [.. from p in _points
                       from c in Enumerable.Range(0, _checkpoints.Count)
                       from m in Enumerable.Range(0, _columns.Length)
                       select new SweepResult(p, _periods[c], _columns[m], UnitOf(_columns[m]), Band.Of(_values[p.Index, m, c]))];
    }

    /// <summary>The results at the last tick only.</summary>
    public IReadOnlyList<SweepResult> AtEnd()
    {
        var results = Results();
        string last = _periods[^1];
        return [.. results.Where(r => r.Period == last)];
    }

    /// <summary>A metric of one run at <paramref name="tick"/> of its region rows (one per tick, in order): the level, or for a count per tick the sum over the four quarters to it.</summary>
    public static double ValueAt(MetricColumn column, IReadOnlyList<MetricsRow> region, int tick) =>
        IsPerTick(column)
            ? Enumerable.Range(Math.Max(0, tick - 3), Math.Min(4, tick + 1)).Sum(t => column.Value(region[t]))
            : column.Value(region[tick]);

    private static bool IsPerTick(MetricColumn column) => column.PerTick;
}
