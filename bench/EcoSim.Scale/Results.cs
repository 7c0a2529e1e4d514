using System.Globalization;
using EcoSim.Experiments;

namespace EcoSim.Scale;

/// <summary>One measured value: one repetition of one case of one measure.</summary>
/// <param name="Measure">throughput, activation, memory-managed, memory-working-set, ensemble, ensemble-peak.</param>
/// <param name="Engine">The engine measured.</param>
/// <param name="Firms">Firms at the start of each run.</param>
/// <param name="FirmsPerShard">Firms per shard grain (0 for the reference engine); for ensembles, the runs at a time.</param>
/// <param name="Ticks">Ticks of each run.</param>
/// <param name="Repetition">1, 2, ...</param>
/// <param name="Value">The value, in <paramref name="Unit"/>.</param>
/// <param name="Unit">firm updates/s, s, bytes/firm, runs/min, MiB.</param>
internal sealed record Sample(string Measure, EngineKind Engine, int Firms, int FirmsPerShard, int Ticks, int Repetition, double Value, string Unit)
{
    public const string Header = "measure,engine,firms,firms_per_shard,ticks,repetition,value,unit";

    public string ToCsv() => string.Create(CultureInfo.InvariantCulture,
        $"{Measure},{Engine.Name()},{Firms},{FirmsPerShard},{Ticks},{Repetition},{Value:R},{Unit}");

    public static Sample FromCsv(string line)
    {
        var f = line.Split(',');
        var inv = CultureInfo.InvariantCulture;
        return new(f[0], EngineKinds.Parse(f[1]) ?? throw new FormatException($"'{f[1]}' is not an engine ({line})"), int.Parse(f[2], inv), int.Parse(f[3], inv), int.Parse(f[4], inv), int.Parse(f[5], inv), double.Parse(f[6], inv), f[7]);
    }
}

/// <summary>Median and range of repeated measurements.</summary>
internal readonly record struct Spread(double Median, double Min, double Max, int Count)
{
    public static Spread Of(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0) return new(double.NaN, double.NaN, double.NaN, 0);
        int mid = sorted.Length / 2;
        double median = sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
        return new(median, sorted[0], sorted[^1], sorted.Length);
    }

    /// <summary>"median (min-max, n runs)" with values scaled by <paramref name="scale"/>.</summary>
    public string Describe(string format, double scale = 1) => Count <= 1
        ? (Median * scale).ToString(format, CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"{(Median * scale).ToString(format, CultureInfo.InvariantCulture)} ({(Min * scale).ToString(format, CultureInfo.InvariantCulture)}-{(Max * scale).ToString(format, CultureInfo.InvariantCulture)}, n={Count})");
}

/// <summary>One line of the summary table.</summary>
/// <param name="Measure">What was measured, with its size.</param>
/// <param name="Value">The value as printed.</param>
/// <param name="Target">The target, or "none set".</param>
/// <param name="Met">Whether the target was met; null when there is none.</param>
internal sealed record SummaryRow(string Measure, string Value, string Target, bool? Met)
{
    public string MetText => Met switch { true => "met", false => "MISSED", null => "-" };
}

/// <summary>Everything one harness run measured, and whether the engines agreed.</summary>
internal sealed class HarnessResults
{
    private readonly List<Sample> _samples = [];
    private readonly List<SummaryRow> _summary = [];
    private readonly List<string> _differences = [];

    public IReadOnlyList<Sample> Samples => _samples;
    public IReadOnlyList<SummaryRow> Summary => _summary;
    public IReadOnlyList<string> Differences => _differences;
    public int ComparedRuns { get; private set; }

    public void Add(Sample sample) => _samples.Add(sample);
    public void Add(SummaryRow row) => _summary.Add(row);

    /// <summary>Records the comparison of an Orleans run with the reference engine's run of the same world.</summary>
    public void Compared(bool equal, string what)
    {
        ComparedRuns++;
        if (!equal) _differences.Add(what);
    }

    /// <summary>Median and range of the samples matching a filter.</summary>
    public Spread SpreadOf(string measure, EngineKind engine, int firms, int firmsPerShard) =>
        Spread.Of(_samples.Where(s => s.Measure == measure && s.Engine == engine && s.Firms == firms && s.FirmsPerShard == firmsPerShard).Select(s => s.Value));
}
