using System.Globalization;
using EcoSim.Model.Parameters;
using EcoSim.Scenarios;

namespace EcoSim.Model.Tests.Docs;

/// <summary>
/// Keeps docs/MODEL.md honest: its parameter table (section 8) must be exactly what
/// <see cref="ParameterTable.Markdown"/> renders from the code's <see cref="ParameterCatalog"/>.
/// </summary>
public sealed class ModelDocTests
{
    private const string BeginMarker = "<!-- parameter-table:begin -->";
    private const string EndMarker = "<!-- parameter-table:end -->";

    /// <summary>Set this environment variable to 1 to rewrite the table in docs/MODEL.md from the code.</summary>
    private const string UpdateVariable = "ECOSIM_UPDATE_MODEL_DOC";

    private static readonly string HowToRegenerate =
        "The parameter table in docs/MODEL.md is generated from EcoSim.Model.Parameters.ModelParameters " +
        "(its [Parameter] attributes) by EcoSim.Scenarios.ParameterTable.Markdown(); do not edit it by hand. " +
        $"To regenerate it, run:{Environment.NewLine}" +
        $"    {UpdateVariable}=1 dotnet test tests/EcoSim.Model.Tests --filter FullyQualifiedName~Docs{Environment.NewLine}" +
        $"from the repository root (the test then rewrites the text between '{BeginMarker}' and '{EndMarker}'), " +
        "review the diff, and also update the prose of docs/MODEL.md if a parameter's meaning or use changed.";

    [Fact]
    public void Parameter_table_in_MODEL_md_matches_the_code()
    {
        string path = ModelDocPath();
        string document = Normalize(File.ReadAllText(path));
        string expected = Normalize(ParameterTable.Markdown()).Trim('\n');

        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            document = Replace(document, expected);
            File.WriteAllText(path, document);
        }

        string actual = Between(document).Trim('\n');
        if (actual != expected)
            Assert.Fail($"docs/MODEL.md is out of date: its parameter table differs from the code.{Environment.NewLine}" +
                        $"{FirstDifference(expected, actual)}{Environment.NewLine}{HowToRegenerate}");
    }

    [Fact]
    public void Parameter_table_has_one_row_per_parameter_in_catalogue_order()
    {
        var rows = Normalize(ParameterTable.Markdown()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(ParameterCatalog.All.Count + 2, rows.Length);
        for (int i = 0; i < ParameterCatalog.All.Count; i++)
            Assert.StartsWith($"| `{ParameterCatalog.All[i].Name}` |", rows[i + 2], StringComparison.Ordinal);
    }

    [Fact]
    public void Every_parameter_appears_in_the_table_of_MODEL_md()
    {
        string table = Between(Normalize(File.ReadAllText(ModelDocPath())));
        var missing = ParameterCatalog.All.Select(s => s.Name).Where(name => !table.Contains($"| `{name}` |", StringComparison.Ordinal)).ToList();
        Assert.True(missing.Count == 0, $"parameters missing from the table in docs/MODEL.md: {string.Join(", ", missing)}.{Environment.NewLine}{HowToRegenerate}");
    }

    [Fact]
    public void Table_rows_have_six_cells_and_invariant_numbers()
    {
        var rows = Normalize(ParameterTable.Markdown()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(2).ToList();
        for (int r = 0; r < rows.Count; r++)
        {
            string row = rows[r];
            // Seven unescaped pipes make six cells; pipes inside text must be escaped as \|.
            int pipes = 0;
            for (int i = 0; i < row.Length; i++) if (row[i] == '|' && (i == 0 || row[i - 1] != '\\')) pipes++;
            Assert.True(pipes == 7, $"row does not have six cells: {row}");
            var spec = ParameterCatalog.All[r];
            string Invariant(double value) => value.ToString("R", CultureInfo.InvariantCulture);
            Assert.Contains($"| {Invariant(spec.Min)} to {Invariant(spec.Max)} | {Invariant(spec.Default)} |", row, StringComparison.Ordinal);
        }
    }

    private static string ModelDocPath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "EcoSim.sln")))
                return Path.Combine(dir.FullName, "docs", "MODEL.md");
        throw new InvalidOperationException($"no folder containing EcoSim.sln above {AppContext.BaseDirectory}");
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');

    private static (int Start, int End) Markers(string document)
    {
        int begin = document.IndexOf(BeginMarker, StringComparison.Ordinal);
        int end = document.IndexOf(EndMarker, StringComparison.Ordinal);
        if (begin < 0 || end < 0 || end < begin)
            Assert.Fail($"docs/MODEL.md must contain the lines '{BeginMarker}' and '{EndMarker}', in that order, around the parameter table.{Environment.NewLine}{HowToRegenerate}");
        return (begin + BeginMarker.Length, end);
    }

    private static string Between(string document)
    {
        var (start, end) = Markers(document);
        return document[start..end];
    }

    private static string Replace(string document, string table)
    {
        var (start, end) = Markers(document);
        return document[..start] + "\n" + table + "\n" + document[end..];
    }

    private static string FirstDifference(string expected, string actual)
    {
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        for (int i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            string want = i < e.Length ? e[i] : "(no line)", have = i < a.Length ? a[i] : "(no line)";
            if (want != have) return $"First difference at table line {i + 1}:{Environment.NewLine}  code says: {want}{Environment.NewLine}  doc says:  {have}";
        }
        return "The tables differ only in whitespace around them.";
    }
}
