using EcoSim.Model.Parameters;
using EcoSim.Scenarios;

namespace EcoSim.Model.Tests.Docs;

/// <summary>
/// Keeps docs/SENSITIVITY.md honest: its table of plausible ranges (section 9), which says what
/// <c>--param NAME</c> alone samples, must be exactly what <see cref="ParameterTable.PlausibleRangesMarkdown"/>
/// renders from the catalogue.
/// </summary>
public sealed class PlausibleRangeDocTests
{
    private const string BeginMarker = "<!-- plausible-ranges:begin -->";
    private const string EndMarker = "<!-- plausible-ranges:end -->";

    /// <summary>Set this environment variable to 1 to rewrite the table in docs/SENSITIVITY.md from the code.</summary>
    private const string UpdateVariable = "ECOSIM_UPDATE_SENSITIVITY_DOC";

    private static readonly string HowToRegenerate =
        "The table of plausible ranges in docs/SENSITIVITY.md is generated from the PlausibleLow, PlausibleHigh and PlausibleSource " +
        "of the [Parameter] attributes of EcoSim.Model.Parameters.ModelParameters by EcoSim.Scenarios.ParameterTable.PlausibleRangesMarkdown(); " +
        $"do not edit it by hand. To regenerate it, run:{Environment.NewLine}" +
        $"    {UpdateVariable}=1 dotnet test tests/EcoSim.Model.Tests --filter FullyQualifiedName~PlausibleRangeDoc{Environment.NewLine}" +
        $"from the repository root (the test then rewrites the text between '{BeginMarker}' and '{EndMarker}') and review the diff.";

    [Fact]
    public void The_table_of_plausible_ranges_in_SENSITIVITY_md_matches_the_catalogue()
    {
        string path = DocPath();
        string document = Normalize(File.ReadAllText(path));
        string expected = Normalize(ParameterTable.PlausibleRangesMarkdown()).Trim('\n');
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            var (start, end) = Markers(document);
            document = document[..start] + "\n" + expected + "\n" + document[end..];
            File.WriteAllText(path, document);
        }
        var (from, to) = Markers(document);
        string actual = document[from..to].Trim('\n');
        if (actual != expected)
            Assert.Fail($"docs/SENSITIVITY.md is out of date: {FirstDifference(expected, actual)}{Environment.NewLine}{HowToRegenerate}");
    }

    [Fact]
    public void The_table_has_one_row_per_parameter_with_its_plausible_and_allowed_range()
    {
        var rows = Normalize(ParameterTable.PlausibleRangesMarkdown()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(ParameterCatalog.All.Count + 2, rows.Length);
        for (int i = 0; i < ParameterCatalog.All.Count; i++)
        {
            var spec = ParameterCatalog.All[i];
            string N(double value) => value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
            Assert.StartsWith($"| `{spec.Name}` | {N(spec.Plausible.Low)} to {N(spec.Plausible.High)} |", rows[i + 2], StringComparison.Ordinal);
            Assert.Contains($"| {N(spec.Default)} | {N(spec.Min)} to {N(spec.Max)} |", rows[i + 2], StringComparison.Ordinal);
        }
    }

    private static string DocPath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "EcoSim.sln")))
                return Path.Combine(dir.FullName, "docs", "SENSITIVITY.md");
        throw new InvalidOperationException($"no folder containing EcoSim.sln above {AppContext.BaseDirectory}");
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');

    private static (int Start, int End) Markers(string document)
    {
        int begin = document.IndexOf(BeginMarker, StringComparison.Ordinal), end = document.IndexOf(EndMarker, StringComparison.Ordinal);
        if (begin < 0 || end < begin)
            Assert.Fail($"docs/SENSITIVITY.md must contain the lines '{BeginMarker}' and '{EndMarker}', in that order, around the table.{Environment.NewLine}{HowToRegenerate}");
        return (begin + BeginMarker.Length, end);
    }

    private static string FirstDifference(string expected, string actual)
    {
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        for (int i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            string want = i < e.Length ? e[i] : "(no line)", have = i < a.Length ? a[i] : "(no line)";
            if (want != have) return $"first difference at table line {i + 1}:{Environment.NewLine}  code says: {want}{Environment.NewLine}  doc says:  {have}";
        }
        return "the tables differ only in whitespace around them.";
    }
}
