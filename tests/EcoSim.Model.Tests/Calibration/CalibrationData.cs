using System.Globalization;
using System.Text;
using EcoSim.Model.Tests.Support;

namespace EcoSim.Model.Tests.Calibration;

/// <summary>One figure of scenarios/data/guangdong-calibration.csv.</summary>
/// <param name="Indicator">What is measured, snake_case.</param>
/// <param name="Year">Year the figure is for; null for literature anchors without one.</param>
/// <param name="Value">The figure, in <paramref name="Unit"/>.</param>
/// <param name="Unit">Unit of the value.</param>
/// <param name="Source">Where the figure comes from (URL or reference).</param>
/// <param name="Note">Qualifiers: "unverified", "mirror", what the figure covers.</param>
internal sealed record CalibrationRow(string Indicator, int? Year, double Value, string Unit, string Source, string Note);

/// <summary>Reads scenarios/data/guangdong-calibration.csv (RFC 4180: comma-separated, double quotes around fields with commas or quotes).</summary>
internal static class CalibrationData
{
    public static readonly string[] Header = ["indicator", "year", "value", "unit", "source", "note"];

    public static string FilePath => Path.Combine(TestWorlds.RepoRoot, "scenarios", "data", "guangdong-calibration.csv");

    private static readonly Lazy<IReadOnlyList<CalibrationRow>> Loaded = new(() => Parse(File.ReadAllText(FilePath)));

    /// <summary>Every row of the file.</summary>
    public static IReadOnlyList<CalibrationRow> Rows => Loaded.Value;

    /// <summary>The values of one indicator by year.</summary>
    public static SortedDictionary<int, double> Series(string indicator) =>
        new(Rows.Where(r => r.Indicator == indicator && r.Year is not null).ToDictionary(r => r.Year!.Value, r => r.Value));

    /// <summary>Parses the file's text; throws with the line number on any malformed row.</summary>
    public static IReadOnlyList<CalibrationRow> Parse(string text)
    {
        var records = Records(text);
        if (records.Count == 0 || !records[0].SequenceEqual(Header))
            throw new FormatException($"line 1: the header must be {string.Join(",", Header)}");
        var rows = new List<CalibrationRow>();
        for (int i = 1; i < records.Count; i++)
        {
            var f = records[i];
            string where = $"record {i + 1} ({string.Join(",", f)})";
            if (f.Length != Header.Length) throw new FormatException($"{where}: {f.Length} fields, expected {Header.Length}");
            int? year = null;
            if (f[1].Length > 0)
            {
                if (!int.TryParse(f[1], NumberStyles.None, CultureInfo.InvariantCulture, out int y) || y < 1900 || y > 2100)
                    throw new FormatException($"{where}: year '{f[1]}' is not a year");
                year = y;
            }
            if (!double.TryParse(f[2], NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value))
                throw new FormatException($"{where}: value '{f[2]}' is not a plain number");
            rows.Add(new CalibrationRow(f[0], year, value, f[3], f[4], f[5]));
        }
        return rows;
    }

    private static List<string[]> Records(string text)
    {
        var records = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        bool quoted = false, any = false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
                continue;
            }
            switch (c)
            {
                case '"' when field.Length == 0: quoted = true; any = true; break;
                case '"': throw new FormatException($"a quote inside an unquoted field near '{field}'");
                case ',': fields.Add(field.ToString()); field.Clear(); any = true; break;
                case '\r': break;
                case '\n':
                    if (any || field.Length > 0) { fields.Add(field.ToString()); records.Add([.. fields]); }
                    fields.Clear(); field.Clear(); any = false;
                    break;
                default: field.Append(c); any = true; break;
            }
        }
        if (quoted) throw new FormatException("a quoted field is not closed");
        if (any || field.Length > 0) { fields.Add(field.ToString()); records.Add([.. fields]); }
        return records;
    }
}
