using EcoSim.Model.Metrics;

namespace EcoSim.Experiments.Ensembles;

/// <summary>One metric at one tick across an ensemble: baseline, policy, and the paired effect.</summary>
/// <param name="Period">Calendar label.</param>
/// <param name="Time">Decimal year.</param>
/// <param name="Column">The metric.</param>
/// <param name="Baseline">Baseline across seeds.</param>
/// <param name="Policy">Policy across seeds.</param>
/// <param name="Effect">Policy minus baseline, per seed (common random numbers).</param>
/// <param name="RelativeEffect">Policy over baseline minus one, per seed (NaN where the baseline is zero).</param>
public sealed record EffectPoint(string Period, double Time, MetricColumn Column, Band Baseline, Band Policy, Band Effect, Band RelativeEffect);

/// <summary>
/// Region metrics of paired runs reduced to bands, and the few cluster metrics that the per-cluster
/// panels draw (<see cref="ClusterMetrics"/>; a handful of numbers per cluster and tick, nothing per
/// firm). Runs of the same seed are paired, so the effect is measured within each pair (common random
/// numbers), not between two noisy means.
/// </summary>
public sealed class ComparisonSummary
{
    /// <summary>Cluster metrics kept for the per-cluster panels.</summary>
    public static IReadOnlyList<string> ClusterMetrics => Output.ClusterGridChart.Metrics;

    private readonly Dictionary<ulong, IReadOnlyList<MetricsRow>> _baseline = [];
    private readonly Dictionary<ulong, IReadOnlyList<MetricsRow>> _policy = [];
    private readonly Dictionary<ulong, ClusterValues> _baselineClusters = [];
    private readonly Dictionary<ulong, ClusterValues> _policyClusters = [];
    private readonly Lock _lock = new();

    /// <summary>Keeps the region rows of a finished run and its clusters' values of <see cref="ClusterMetrics"/>.</summary>
    public void Add(MemberRole role, ulong seed, IReadOnlyList<MetricsRow> rows)
    {
        var region = rows.Where(r => r.Cluster == MetricsRow.RegionIndex).ToList();
        var clusters = ClusterValues.Of(rows, ClusterMetrics);
        lock (_lock)
        {
            (role == MemberRole.Baseline ? _baseline : _policy)[seed] = region;
            (role == MemberRole.Baseline ? _baselineClusters : _policyClusters)[seed] = clusters;
        }
    }

    /// <summary>
    /// The relative effect on <paramref name="metric"/> (one of <see cref="ClusterMetrics"/>) of every
    /// cluster at every tick across paired seeds, in cluster order.
    /// </summary>
    public IReadOnlyList<ClusterEffect> ClusterEffects(string metric)
    {
        var seeds = PairedSeeds;
        if (seeds.Count == 0) return [];
        int m = ClusterMetrics.ToList().IndexOf(metric);
        if (m < 0) throw new ArgumentException($"cluster metric '{metric}' is not kept; kept: {string.Join(", ", ClusterMetrics)}", nameof(metric));
        var first = _baselineClusters[seeds[0]];
        double[] times = [.. Periods.Select(r => r.Time)];
        return [.. first.ClusterIds.Select((id, c) => new ClusterEffect(id, times, [.. Enumerable.Range(0, times.Length).Select(t =>
            Band.Of([.. seeds
                .Select(s => (Base: _baselineClusters[s].Values[m][c][t], Policy: _policyClusters[s].Values[m][c][t]))
                .Where(p => p.Base != 0)
                .Select(p => p.Policy / p.Base - 1)]))]))];
    }

    /// <summary>Seeds with both runs done, ascending.</summary>
    public IReadOnlyList<ulong> PairedSeeds => [.. _baseline.Keys.Intersect(_policy.Keys).Order()];

    /// <summary>
    /// The relative effect on <paramref name="column"/> at <paramref name="tick"/> across paired seeds;
    /// counts per tick are summed over the four ticks of the year that ends there, to speak of a year's
    /// breakthroughs rather than one quarter's.
    /// </summary>
    public Band YearEffect(MetricColumn column, int tick)
    {
        bool perTick = column.Unit.Contains("per tick", StringComparison.Ordinal);
        double Value(IReadOnlyList<MetricsRow> rows) => perTick
            ? Enumerable.Range(Math.Max(0, tick - 3), Math.Min(4, tick + 1)).Sum(t => column.Value(rows[t]))
            : column.Value(rows[tick]);
        var relative = PairedSeeds.Select(s => (Base: Value(_baseline[s]), Policy: Value(_policy[s])))
            .Where(p => p.Base != 0).Select(p => p.Policy / p.Base - 1).ToList();
        return Band.Of(relative);
    }

    /// <summary>The first tick at which any region metric differs between a baseline run and its policy twin, or null.</summary>
    public int? FirstDivergence()
    {
        int? first = null;
        foreach (var seed in PairedSeeds)
        {
            var b = _baseline[seed];
            var p = _policy[seed];
            for (int t = 0; t < Math.Min(b.Count, p.Count); t++)
                if (MetricColumns.All.Any(c => BitConverter.DoubleToInt64Bits(c.Value(b[t])) != BitConverter.DoubleToInt64Bits(c.Value(p[t]))))
                {
                    first = first is null ? t : Math.Min(first.Value, t);
                    break;
                }
        }
        return first;
    }

    /// <summary>The region rows of the first baseline run (for periods and times).</summary>
    public IReadOnlyList<MetricsRow> Periods => _baseline[PairedSeeds[0]];

    /// <summary>Every metric at every tick.</summary>
    public IReadOnlyList<EffectPoint> Points()
    {
        var seeds = PairedSeeds;
        if (seeds.Count == 0) return [];
        int ticks = _baseline[seeds[0]].Count;
        var points = new List<EffectPoint>(ticks * MetricColumns.All.Count);
        for (int t = 0; t < ticks; t++)
        {
            var reference = _baseline[seeds[0]][t];
            foreach (var column in MetricColumns.All)
            {
                var b = seeds.Select(s => column.Value(_baseline[s][t])).ToList();
                var p = seeds.Select(s => column.Value(_policy[s][t])).ToList();
                var effect = b.Zip(p, (x, y) => y - x).ToList();
                var relative = b.Zip(p, (x, y) => x != 0 ? y / x - 1 : double.NaN).Where(double.IsFinite).ToList();
                points.Add(new EffectPoint(reference.Period, reference.Time, column, Band.Of(b), Band.Of(p), Band.Of(effect), Band.Of(relative)));
            }
        }
        return points;
    }
}
