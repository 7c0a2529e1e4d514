using System.Globalization;
using EcoSim.Model.World;
using EcoSim.Scenarios;

namespace EcoSim.Experiments.Calibration;

/// <summary>One observed value a calibration fits.</summary>
/// <param name="Indicator">What is observed.</param>
/// <param name="Year">The calendar year.</param>
/// <param name="Value">The observed value, in the indicator's unit.</param>
public sealed record TargetPoint(CalibrationIndicator Indicator, int Year, double Value);

/// <summary>
/// The observed series of <c>--target</c>: a CSV file with a header naming at least the columns
/// indicator, year and value (others, such as unit, source and note, are kept out of the fit), one
/// observation a line, in the layout of scenarios/data/guangdong-calibration.csv. Every indicator
/// must be one the model produces (<see cref="CalibrationIndicator.All"/>), every year within the
/// scenario's horizon, every value positive (the distance is a percentage error), no
/// (indicator, year) twice.
/// </summary>
public static class CalibrationTarget
{
    /// <summary>Most observations a target may hold.</summary>
    public const int MaxPoints = 1000;

    /// <summary>Reads <paramref name="path"/> for runs of <paramref name="world"/>; on failure, every problem found (file and line named), one a line.</summary>
    public static IReadOnlyList<TargetPoint>? TryRead(string path, WorldSpec world, out IReadOnlyList<string> errors)
    {
        var problems = new List<string>();
        errors = problems;
        string[] lines;
        try { lines = File.ReadAllLines(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            problems.Add($"--target {path}: cannot be read ({e.Message})");
            return null;
        }
        return TryParse(path, lines, world, problems);
    }

    /// <summary>Parses the lines of a target file named <paramref name="path"/> (also how a manifest's recorded target is read back).</summary>
    public static IReadOnlyList<TargetPoint>? TryParse(string path, IReadOnlyList<string> lines, WorldSpec world, List<string> problems)
    {
        if (lines.Count == 0 || lines[0].Trim().Length == 0) { problems.Add($"{path}: line 1: the header is missing; give indicator,year,value"); return null; }
        var header = Fields(lines[0]).Select(h => h.Trim()).ToList();
        int indicatorAt = header.IndexOf("indicator"), yearAt = header.IndexOf("year"), valueAt = header.IndexOf("value");
        var missing = new[] { ("indicator", indicatorAt), ("year", yearAt), ("value", valueAt) }.Where(c => c.Item2 < 0).Select(c => c.Item1).ToList();
        if (missing.Count > 0) { problems.Add($"{path}: line 1: the header lacks the column{(missing.Count > 1 ? "s" : "")} {string.Join(", ", missing)} (it has {string.Join(", ", header)})"); return null; }
        int firstYear = world.Start.Year, lastYear = world.PeriodOf(world.Ticks - 1).Year;
        var points = new List<TargetPoint>();
        for (int i = 1; i < lines.Count; i++)
        {
            if (lines[i].Trim().Length == 0) continue;
            string at = $"{path}: line {i + 1}";
            var fields = Fields(lines[i]);
            if (fields.Count <= Math.Max(indicatorAt, Math.Max(yearAt, valueAt))) { problems.Add($"{at}: has {fields.Count} fields, fewer than the header's {header.Count}"); continue; }
            string name = fields[indicatorAt].Trim(), yearText = fields[yearAt].Trim(), valueText = fields[valueAt].Trim();
            var indicator = CalibrationIndicator.All.FirstOrDefault(c => c.Name == name);
            if (indicator is null)
            {
                string? close = DidYouMean.Closest(name, CalibrationIndicator.All.Select(c => c.Name));
                problems.Add($"{at}: unknown indicator '{name}'; the model produces {string.Join(", ", CalibrationIndicator.All.Select(c => c.Name))}" + (close is null ? "" : $" (did you mean '{close}'?)"));
                continue;
            }
            if (!int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out int year)) { problems.Add($"{at}: year '{yearText}' is not a year"); continue; }
            if (year < firstYear || year > lastYear) { problems.Add($"{at}: year {year} of {name} is outside the scenario's horizon, {firstYear} to {lastYear}"); continue; }
            if (!double.TryParse(valueText, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value) || value <= 0)
            {
                problems.Add($"{at}: value '{valueText}' of {name} {year} is not a positive number ({indicator.Unit})");
                continue;
            }
            if (points.Any(p => p.Indicator == indicator && p.Year == year)) { problems.Add($"{at}: {name} {year} is given twice"); continue; }
            points.Add(new TargetPoint(indicator, year, value));
        }
        if (problems.Count == 0 && points.Count == 0) problems.Add($"{path}: holds no observation");
        if (points.Count > MaxPoints) problems.Add($"{path}: holds {points.Count} observations; at most {MaxPoints} are allowed");
        return problems.Count > 0 ? null : points;
    }

    /// <summary>
    /// Root-mean-square percentage error of <paramref name="simulated"/> (in target order) against the
    /// target, in per cent: 100 sqrt(mean((simulated / observed - 1)^2)). Relative errors put series in
    /// different units (bn yuan, millions, counts) on one scale, each observation weighing the same.
    /// </summary>
    public static double RmsPercentageError(IReadOnlyList<TargetPoint> target, IReadOnlyList<double> simulated)
    {
        double sum = 0;
        for (int i = 0; i < target.Count; i++) { double e = simulated[i] / target[i].Value - 1; sum += e * e; }
        return 100 * Math.Sqrt(sum / target.Count);
    }

    /// <summary>The fields of one CSV line (RFC 4180: commas, double quotes around fields with commas or quotes, "" for a quote).</summary>
    private static List<string> Fields(string line)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { fields.Add(field.ToString()); field.Clear(); }
            else field.Append(c);
        }
        fields.Add(field.ToString());
        return fields;
    }
}
