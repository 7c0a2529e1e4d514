using EcoSim.Experiments.Ensembles;
using EcoSim.Model.Metrics;

namespace EcoSim.Experiments.Report;

/// <summary>
/// What a sweep's parameters change, in words with numbers: for each key metric at the last quarter,
/// how the median (with its 90% band) moves from the lowest to the highest value of each swept
/// parameter, whether the bands at the two ends overlap, and whether the median moves the same way at
/// every step. With two parameters, each line of the grid (one parameter moving, the other held) gets a sentence.
/// A change is called clear only with enough seeds per point for 90% bands (<see cref="SeedEvidence"/>);
/// with fewer, the spreads are named for what they are and no change is called clear.
/// </summary>
internal static class SweepResponses
{
    /// <summary>Lines of the grid described per parameter and metric; sweep.csv has the rest.</summary>
    private const int LinesDescribed = 5;

    /// <summary>Most grid values whose medians are listed in a sentence.</summary>
    private const int MediansListed = 12;

    /// <summary>Metrics the headline names at most.</summary>
    private const int HeadlineMetrics = 3;

    /// <summary>The response of one metric along one line of the grid, lowest value of the moving parameter first.</summary>
    /// <param name="Axis">Index of the moving parameter.</param>
    /// <param name="Held">The other parameters' settings, e.g. "publicBudget=80"; empty with one parameter.</param>
    /// <param name="Results">The metric at each value of the moving parameter, low to high.</param>
    private sealed record Line(int Axis, string Held, IReadOnlyList<SweepResult> Results)
    {
        public Band Low => Results[0].Band;
        public Band High => Results[^1].Band;
        public bool BandsOverlap => Low.P05 <= High.P95 && High.P05 <= Low.P95;
        public double RelativeChange => Low.Median != 0 ? High.Median / Low.Median - 1 : double.NaN;
    }

    /// <summary>The findings of a sweep.</summary>
    /// <param name="grid">The grid.</param>
    /// <param name="atEnd">The key metrics at the last quarter, per grid point (<see cref="SweepSummary.AtEnd"/>).</param>
    /// <param name="seeds">Seeds run at each grid point.</param>
    /// <param name="design">A paragraph on how the sweep was run.</param>
    public static FindingsSection Describe(SweepGrid grid, IReadOnlyList<SweepResult> atEnd, int seeds, string design)
    {
        string period = atEnd[0].Period;
        var metrics = atEnd.GroupBy(r => r.Column).ToList();
        var items = metrics.Select(byMetric => new FindingItem($"{byMetric.Key.Title} {SweepPlots.When(byMetric.First())}", Sentences(grid, [.. byMetric], seeds))).ToList();
        return new FindingsSection("What the swept parameters change", Headline(grid, metrics, period, seeds), [design], items);
    }

    private static string Sentences(SweepGrid grid, IReadOnlyList<SweepResult> results, int seeds)
    {
        var sentences = new List<string>();
        for (int axis = 0; axis < grid.Axes.Count; axis++)
        {
            var lines = Lines(grid, results, axis);
            sentences.AddRange(lines.Take(LinesDescribed).Select(line => Sentence(grid, line, seeds)));
            if (lines.Count > LinesDescribed)
                sentences.Add($"sweep.csv has the {lines.Count - LinesDescribed} other lines along {grid.Axes[axis].Parameter.Name}.");
        }
        sentences.Add($"Unit: {results[0].Unit}.");
        return string.Join(" ", sentences);
    }

    /// <summary>The lines of the grid along parameter <paramref name="axis"/>: one per setting of the other parameters.</summary>
    private static List<Line> Lines(SweepGrid grid, IReadOnlyList<SweepResult> results, int axis) =>
        [.. results
            .GroupBy(r => string.Join(", ", r.Point.Settings.Where((_, i) => i != axis).Select(s => $"{s.Parameter.Name}={SweepAxis.Text(s.Value)}")))
            .Select(g => new Line(axis, g.Key, [.. g.OrderBy(r => r.Point.Settings[axis].Value)]))];

    private static string Sentence(SweepGrid grid, Line line, int seeds)
    {
        string Banded(Band band) => EnsembleReport.Banded(band, seeds, "runs");
        string median = seeds == 1 ? "value" : "median";
        string name = grid.Axes[line.Axis].Parameter.Name;
        string held = line.Held.Length > 0 ? $"With {line.Held}, it " : "It ";
        var (low, high) = (line.Results[0], line.Results[^1]);
        string Value(SweepResult r) => SweepAxis.Text(r.Point.Settings[line.Axis].Value);
        if (line.Results.Count == 1)
            return $"{held}is {Banded(low.Band)} at {name}={Value(low)}, the only value swept.";

        bool flat = Flat(line);
        string verb = flat ? "hardly changes" : high.Band.Median > low.Band.Median ? "rises" : "falls";
        string change = double.IsFinite(line.RelativeChange) ? $" ({Findings.Percent(line.RelativeChange)})" : "";
        string response = flat
            ? $"{held}hardly changes: {Banded(low.Band)} at {name}={Value(low)} and {Banded(high.Band)} at {Value(high)}"
            : $"{held}{verb} from {Banded(low.Band)} at {name}={Value(low)} to {Banded(high.Band)} at {Value(high)}{change}";
        // A change under 0.05% is "hardly" one, whether or not the bands at its ends touch.
        string overlap = flat ? "" : (seeds, line.BandsOverlap) switch
        {
            (1, _) => "; with one seed per point these are single runs with no band, so whether the change is larger than chance is unknown",
            (_, true) when SeedEvidence.HasBand(seeds) => "; the 90% bands at the lowest and highest values overlap, so over these seeds the change is not clearly larger than chance",
            (_, false) when SeedEvidence.HasBand(seeds) => "; the 90% bands at the lowest and highest values do not overlap, so the change is clear over these seeds",
            (_, true) => $"; the 5-95% spreads of the {seeds} runs at the lowest and highest values overlap, so the change cannot be told from chance",
            (_, false) => $"; the 5-95% spreads of the {seeds} runs at the lowest and highest values do not overlap, but {seeds} seeds are too few to call the change clear",
        };
        string steps = line.Results.Count < 3 || flat ? ""
            : Monotone(line) ? $", and the {median} moves the same way at every step"
            : $", but the {median} does not move the same way at every step";
        string medians = line.Results.Count is >= 3 and <= MediansListed
            ? $" {(seeds == 1 ? "Values" : seeds < SeedEvidence.MinimumSeeds ? $"Medians of {seeds} runs" : "Medians")}: {string.Join(", ", line.Results.Select(r => $"{Value(r)}: {HtmlReport.Number(r.Band.Median)}"))}."
            : "";
        return $"{response}{overlap}{steps}.{medians}";
    }

    /// <summary>True when the medians at the two ends read the same, or differ by less than 0.05%.</summary>
    private static bool Flat(Line line) =>
        HtmlReport.Number(line.Low.Median) == HtmlReport.Number(line.High.Median) || Math.Abs(line.RelativeChange) < 0.0005;

    /// <summary>A metric's title inside a sentence: the first letter in lower case unless the word is an abbreviation ("R&amp;D").</summary>
    private static string InSentence(string title) =>
        title.Length > 1 && char.IsUpper(title[1]) ? title : char.ToLowerInvariant(title[0]) + title[1..];

    private static bool Monotone(Line line)
    {
        var medians = line.Results.Select(r => r.Band.Median).ToList();
        var steps = medians.Zip(medians.Skip(1), (a, b) => Math.Sign(b - a)).ToList();
        return steps.All(s => s >= 0) || steps.All(s => s <= 0);
    }

    /// <summary>Along the first parameter that takes more than one value (the others at their first line): the clearest responses, and those lost in chance.</summary>
    private static string Headline(SweepGrid grid, IReadOnlyList<IGrouping<MetricColumn, SweepResult>> metrics, string period, int seeds)
    {
        int axis = Enumerable.Range(0, grid.Axes.Count).FirstOrDefault(a => grid.Axes[a].Count > 1, -1);
        if (axis < 0) return $"The grid has a single point, so there is no response to describe; the numbers at {period} are below.";
        var lines = metrics.Select(m => (Metric: m.Key, Line: Lines(grid, [.. m], axis)[0])).ToList();
        var first = lines[0].Line;
        string name = grid.Axes[axis].Parameter.Name;
        string from = $"At {period}, from {name}={SweepAxis.Text(grid.Axes[axis].Values[0])} to {SweepAxis.Text(grid.Axes[axis].Values[^1])}" +
                      (first.Held.Length > 0 ? $" (with {first.Held})" : "");
        string Changes(IEnumerable<(MetricColumn Metric, Line Line)> changes) => string.Join(", ", changes.Take(HeadlineMetrics).Select(l =>
            $"{InSentence(l.Metric.Title)} {HtmlReport.Number(l.Line.Low.Median)} → {HtmlReport.Number(l.Line.High.Median)}" +
            (double.IsFinite(l.Line.RelativeChange) ? $" ({Findings.Percent(l.Line.RelativeChange)})" : "")));
        if (!SeedEvidence.HasBand(seeds))
            return $"{from}, {(seeds == 1 ? "one seed per point gives no bands" : $"{seeds} seeds per point are too few for 90% bands")}, so no key metric can be said to move clearly; " +
                   $"the largest {(seeds == 1 ? "" : "median ")}changes: " +
                   Changes(lines.OrderByDescending(l => double.IsFinite(l.Line.RelativeChange) ? Math.Abs(l.Line.RelativeChange) : 0)) + ".";
        var clear = lines.Where(l => !l.Line.BandsOverlap).OrderByDescending(l => double.IsFinite(l.Line.RelativeChange) ? Math.Abs(l.Line.RelativeChange) : 0).ToList();
        var unclear = lines.Where(l => l.Line.BandsOverlap).Select(l => InSentence(l.Metric.Title)).ToList();
        string main = clear.Count == 0
            ? $"{from}, no key metric moves clearly: the 90% bands at the two ends overlap for every one."
            : $"{from}, {clear.Count} of the {lines.Count} key metrics {(clear.Count == 1 ? "moves" : "move")} clearly (the 90% bands at the two ends do not overlap)" +
              $"{(clear.Count == 1 ? ":" : "; the largest:")} " + Changes(clear) + ".";
        return clear.Count == 0 || unclear.Count == 0 ? main : $"{main} Bands overlap for: {string.Join(", ", unclear)}.";
    }
}
