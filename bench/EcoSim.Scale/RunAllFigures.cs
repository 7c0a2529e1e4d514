using System.Globalization;
using System.Text.RegularExpressions;

namespace EcoSim.Scale;

/// <summary>
/// The issue-15 rows that other stages of bench/run-all.sh measure, read from the files they left in the results folder
/// before the harness ran, so that summary.md holds every target from one run of the one command. A stage that did not
/// run (its file is missing: the harness run alone, or the ten-million-firm stage skipped) gives a row that says so,
/// never a number from another run.
/// </summary>
internal static partial class RunAllFigures
{
    /// <summary>The firm-phase BenchmarkDotNet report (FirmPhaseBenchmarks), copied here by run-all.sh.</summary>
    public const string FirmKernelFile = "firm-kernel.md";
    /// <summary>bench/whole-runs.sh's result file.</summary>
    public const string WholeRunsFile = "whole-runs.txt";
    /// <summary>One line each, "LABEL: SECONDS s", for the single baseline run with plots and the 30-seed comparison.</summary>
    public const string TimedRunsFile = "timed-runs.txt";
    /// <summary>The output of EcoSim.ClusterLoad --large-world (ten million firms over three silos).</summary>
    public const string LargeWorldFile = "large-world.txt";
    /// <summary>Folders of earlier harness runs of the same invocation of run-all.sh, each with its summary.csv.</summary>
    public const string EarlierHarnessRuns = "harness-run-";

    public const double FirmKernelNsTarget = 60;
    public const double FirmKernelSpeedUpTarget = 3.5;
    public const double SingleRunSecondsTarget = 3;
    public const double ThirtySeedsSecondsTarget = 20;
    public const double LargeWorldMiBTarget = 1.5 * 1024;
    /// <summary>
    /// Issue 15's Orleans-over-reference targets, above the 1.5 times the harness's own rows hold every size to: 1.7 times at
    /// 100,000 firms in every one of the consecutive harness runs, 1.9 times at the largest size (a million firms).
    /// </summary>
    public const double OrleansRatioTarget = 1.7;
    /// <inheritdoc cref="OrleansRatioTarget"/>
    public const double OrleansRatioTargetLargest = 1.9;
    public const string BaselineWithPlots = "baseline run with plots and report";
    public const string ThirtySeeds = "compare baseline vs one-third rule, 30 paired seeds, plots and report";

    /// <summary>
    /// Adds the rows; <paramref name="ratioMeasure"/> names this harness run's row of the Orleans/reference ratio the issue
    /// targets in every consecutive run, <paramref name="largestRatioMeasure"/> the one at the sweep's largest size.
    /// </summary>
    public static void Add(string folder, HarnessResults results, string ratioMeasure, string largestRatioMeasure)
    {
        var inv = CultureInfo.InvariantCulture;
        foreach (var row in FirmKernel(Read(folder, FirmKernelFile))) results.Add(row);
        results.Add(Consecutive(folder, results, ratioMeasure));
        results.Add(Largest(results, largestRatioMeasure));
        foreach (var label in new[] { BaselineWithPlots, ThirtySeeds })
        {
            double target = label == BaselineWithPlots ? SingleRunSecondsTarget : ThirtySeedsSecondsTarget;
            double? seconds = Timed(Read(folder, TimedRunsFile), label);
            results.Add(seconds is { } s
                ? new SummaryRow(label, $"{s.ToString("F2", inv)} s", $"<= {target:F0} s (issue 15)", s <= target)
                : Missing(label, $"<= {target:F0} s (issue 15)", TimedRunsFile));
        }
        results.Add(WholeRuns(Read(folder, WholeRunsFile)));
        results.Add(LargeWorld(Read(folder, LargeWorldFile)));
    }

    /// <summary>The firm phase's ns per firm per tick and its speed-up over the 2026-12-02 kernel, at each size of the report.</summary>
    internal static IEnumerable<SummaryRow> FirmKernel(string? report)
    {
        const string measure = "firm phase alone (BenchmarkDotNet): ns per firm per tick; speed-up over the 2026-12-02 kernel";
        string target = $"<= {FirmKernelNsTarget:F0} ns; >= {FirmKernelSpeedUpTarget:F1}x";
        var table = report is null ? [] : MarkdownTable(report);
        var rows = table.Where(r => r.TryGetValue("Method", out var m) && m.Contains("four lanes", StringComparison.Ordinal)).ToArray();
        if (rows.Length == 0) { yield return Missing(measure, target, FirmKernelFile); yield break; }
        foreach (var row in rows)
        {
            string firms = row.GetValueOrDefault("Firms", "?");
            double ns = Number(row.GetValueOrDefault("ns/firm/tick", ""));
            double ratio = Number(row.GetValueOrDefault("Ratio", ""));
            double speedUp = 1 / ratio;
            bool? met = double.IsNaN(ns) || double.IsNaN(ratio) ? null : ns <= FirmKernelNsTarget && speedUp >= FirmKernelSpeedUpTarget;
            yield return new SummaryRow($"firm phase alone (BenchmarkDotNet), {firms} firms: ns per firm per tick; speed-up over the 2026-12-02 kernel",
                $"{ns.ToString("F1", CultureInfo.InvariantCulture)} ns; {speedUp.ToString("F2", CultureInfo.InvariantCulture)}x", target, met);
        }
    }

    /// <summary>This run's Orleans/reference ratio with those of the earlier harness runs in the same folder: met only if every one is.</summary>
    private static SummaryRow Consecutive(string folder, HarnessResults results, string ratioMeasure)
    {
        string measure = $"{ratioMeasure}, consecutive harness runs";
        string target = $">= {OrleansRatioTarget:F1}x in every run (issue 15)";
        var values = new List<string>();
        foreach (var earlier in Directory.Exists(folder) ? Directory.GetDirectories(folder, EarlierHarnessRuns + "*").Order(StringComparer.Ordinal).ToArray() : [])
        {
            string? csv = Read(earlier, "summary.csv");
            string? line = csv?.Split('\n').FirstOrDefault(l => l.StartsWith($"\"{ratioMeasure}", StringComparison.Ordinal) || l.StartsWith(ratioMeasure, StringComparison.Ordinal));
            if (line is not null) values.Add(line);
        }
        var ratios = values.Select(RatioOf).Append(RatioOf(results.Summary.FirstOrDefault(r => r.Measure == ratioMeasure)?.Value ?? "")).ToArray();
        if (ratios.Any(double.IsNaN) || ratios.Length < 2) return Missing(measure, target, $"{EarlierHarnessRuns}*/summary.csv");
        return new SummaryRow(measure, string.Join(", ", ratios.Select(r => r.ToString("F2", CultureInfo.InvariantCulture) + "x")), target,
            ratios.All(r => r >= OrleansRatioTarget));
    }

    /// <summary>This run's Orleans/reference ratio at the sweep's largest size against issue 15's target for a million firms.</summary>
    private static SummaryRow Largest(HarnessResults results, string ratioMeasure)
    {
        string measure = $"{ratioMeasure}, issue 15";
        string target = $">= {OrleansRatioTargetLargest:F1}x";
        double ratio = RatioOf(results.Summary.FirstOrDefault(r => r.Measure == ratioMeasure)?.Value ?? "");
        return double.IsNaN(ratio)
            ? new SummaryRow(measure, "not measured in this run (no such row in this harness run)", target, null)
            : new SummaryRow(measure, ratio.ToString("F2", CultureInfo.InvariantCulture) + "x", target, ratio >= OrleansRatioTargetLargest);
    }

    /// <summary>Orleans against the reference engine on the whole baseline run, from whole-runs.sh's lines "run, ENGINE ...: S s, ...".</summary>
    internal static SummaryRow WholeRuns(string? text)
    {
        const string measure = "whole baseline run without plots (bench/whole-runs.sh): Orleans against reference";
        const string target = "Orleans never slower (issue 15)";
        double? reference = Timed(text, "run, reference engine"), orleans = Timed(text, "run, Orleans engine");
        if (reference is not { } r || orleans is not { } o) return Missing(measure, target, WholeRunsFile);
        return new SummaryRow(measure, string.Create(CultureInfo.InvariantCulture, $"{o:F2} s against {r:F2} s"), target, o <= r);
    }

    /// <summary>Ten million firms over three silos: the peak resident memory of the silos in all, from the harness's last line.</summary>
    internal static SummaryRow LargeWorld(string? text)
    {
        string target = $"<= {LargeWorldMiBTarget:F0} MiB in all (issue 15)";
        var head = text is null ? null : LargeWorldHead().Match(text);
        var tail = text is null ? null : LargeWorldTail().Match(text);
        if (head is not { Success: true } || tail is not { Success: true }) return Missing("firms over three silos: peak resident memory in all", target, LargeWorldFile);
        double total = double.Parse(tail.Groups["total"].Value, CultureInfo.InvariantCulture);
        return new SummaryRow($"{head.Groups["firms"].Value} firms over three silos, {head.Groups["ticks"].Value} quarters: peak resident memory in all (per silo)",
            $"{total:F0} MiB ({tail.Groups["silos"].Value}); {tail.Groups["rate"].Value} M firm updates/s", target, total <= LargeWorldMiBTarget);
    }

    /// <summary>The seconds of the line "LABEL...: S s" of <paramref name="text"/>, if there is one.</summary>
    internal static double? Timed(string? text, string label)
    {
        foreach (var line in (text ?? "").Split('\n'))
        {
            if (!line.StartsWith(label, StringComparison.Ordinal)) continue;
            var m = Seconds().Match(line);
            if (m.Success) return double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        }
        return null;
    }

    /// <summary>The rows of the first markdown table of a BenchmarkDotNet report, by column header, without its bold marks.</summary>
    internal static List<Dictionary<string, string>> MarkdownTable(string report)
    {
        var lines = report.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith('|')).ToArray();
        var rows = new List<Dictionary<string, string>>();
        if (lines.Length < 3) return rows;
        static string[] Cells(string line) => [.. line.Trim('|').Split('|').Select(c => c.Trim())];
        var header = Cells(lines[0]);
        foreach (var line in lines.Skip(2))
        {
            var cells = Cells(line);
            var row = new Dictionary<string, string>(StringComparer.Ordinal);
            for (int i = 0; i < Math.Min(header.Length, cells.Length); i++) row[header[i]] = System.Net.WebUtility.HtmlDecode(cells[i]).Trim('*'); // BenchmarkDotNet bolds every other group
            rows.Add(row);
        }
        return rows;
    }

    private static double Number(string cell)
    {
        var m = FirstNumber().Match(cell.Replace(",", "", StringComparison.Ordinal));
        return m.Success ? double.Parse(m.Value, CultureInfo.InvariantCulture) : double.NaN;
    }

    private static double RatioOf(string value)
    {
        var m = Ratio().Match(value);
        return m.Success ? double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : double.NaN;
    }

    private static SummaryRow Missing(string measure, string target, string file) => new(measure, $"not measured in this run (no {file})", target, null);

    private static string? Read(string folder, string file)
    {
        string path = Path.Combine(folder, file);
        return File.Exists(path) ? File.ReadAllText(path) : null;
    }

    [GeneratedRegex(@": ([0-9]+(?:\.[0-9]+)?) s\b")]
    private static partial Regex Seconds();
    [GeneratedRegex(@"-?[0-9]+(?:\.[0-9]+)?")]
    private static partial Regex FirstNumber();
    [GeneratedRegex(@"\(([0-9]+(?:\.[0-9]+)?)x\)")]
    private static partial Regex Ratio();
    [GeneratedRegex(@"(?<firms>[0-9,]+) firms, (?<ticks>[0-9]+) quarters")]
    private static partial Regex LargeWorldHead();
    [GeneratedRegex(@"ticks: (?<rate>[0-9.]+) M firm updates/s over [0-9]+ quarters; peak resident per silo (?<silos>[0-9 /]+), in all (?<total>[0-9]+) MiB")]
    private static partial Regex LargeWorldTail();
}
