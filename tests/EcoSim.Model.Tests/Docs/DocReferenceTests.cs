using System.Reflection;
using System.Text.RegularExpressions;
using EcoSim.Model.Metrics;
using EcoSim.Model.Tests.Support;

namespace EcoSim.Model.Tests.Docs;

/// <summary>
/// Keeps the parts of the documentation that name code, and so go stale silently when the code
/// moves, in step with it: the test commands the docs give must still select a test (a renamed test
/// turns such a command into one that runs nothing and reports success), and the metrics table of
/// docs/MODEL.md section 4.11 must list the columns the CSV and Parquet files have, in their order.
/// </summary>
public sealed partial class DocReferenceTests
{
    private static readonly string[] Documents = ["README.md", "docs/MODEL.md", "docs/ARCHITECTURE.md", "docs/PERFORMANCE.md", "docs/SCENARIOS.md"];

    [Fact]
    public void Every_test_filter_the_docs_give_for_this_project_selects_a_test()
    {
        var tests = TestNames();
        var filters = Documents.SelectMany(FiltersIn).ToList();
        Assert.NotEmpty(filters);
        var stale = filters
            .SelectMany(f => f.Filter.Split('|').Select(term => (f.Where, Term: term.Trim())))
            .Where(f => !Selects(f.Term, tests))
            .Select(f => $"{f.Where}: '{f.Term}'")
            .ToList();
        Assert.True(stale.Count == 0,
            $"these --filter terms of 'dotnet test tests/EcoSim.Model.Tests' commands select no test of the project " +
            $"(only FullyQualifiedName or Name with ~ or = are understood here):{Environment.NewLine}  {string.Join($"{Environment.NewLine}  ", stale)}");
    }

    [Fact]
    public void The_metrics_table_of_MODEL_md_lists_every_column_in_output_order()
    {
        string model = File.ReadAllText(Path.Combine(TestWorlds.RepoRoot, "docs", "MODEL.md")).Replace("\r\n", "\n", StringComparison.Ordinal);
        int header = model.IndexOf("\n| column | unit | cluster row | region row |", StringComparison.Ordinal);
        Assert.True(header >= 0, "docs/MODEL.md has no table headed '| column | unit | cluster row | region row |' (section 4.11)");
        var rows = model[(header + 1)..].Split('\n').TakeWhile(line => line.StartsWith('|')).Skip(2);
        // A row may name several columns that share a unit and a rule: `a`, `b`, `c`.
        var documented = rows.SelectMany(row => CodeSpan().Matches(row.Split('|')[1]).Select(m => m.Groups[1].Value)).ToList();
        Assert.Equal(MetricColumns.All.Select(c => c.Name), documented);
    }

    // The full names of this project's tests, as `dotnet test --filter` matches them.
    private static List<(string FullyQualifiedName, string Name)> TestNames() =>
        [.. typeof(DocReferenceTests).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Where(m => m.GetCustomAttributes<FactAttribute>(inherit: true).Any())
                .Select(m => ($"{t.FullName}.{m.Name}", m.Name)))];

    private static bool Selects(string term, List<(string FullyQualifiedName, string Name)> tests)
    {
        var match = FilterTerm().Match(term);
        if (!match.Success) return false;
        string value = match.Groups["value"].Value;
        bool contains = match.Groups["op"].Value == "~";
        return tests.Any(t =>
        {
            string field = match.Groups["field"].Value == "Name" ? t.Name : t.FullyQualifiedName;
            return contains ? field.Contains(value, StringComparison.Ordinal) : field == value;
        });
    }

    private static IEnumerable<(string Where, string Filter)> FiltersIn(string document)
    {
        var lines = File.ReadAllLines(Path.Combine(TestWorlds.RepoRoot, document));
        for (int i = 0; i < lines.Length; i++)
            foreach (Match m in TestCommand().Matches(lines[i]))
                yield return ($"{document}:{i + 1}", m.Groups["quoted"].Success ? m.Groups["quoted"].Value : m.Groups["bare"].Value);
    }

    [GeneratedRegex(@"dotnet test tests/EcoSim\.Model\.Tests\b[^`\n]*?--filter\s+(?:""(?<quoted>[^""]+)""|(?<bare>[^\s`]+))")]
    private static partial Regex TestCommand();

    [GeneratedRegex(@"^(?<field>FullyQualifiedName|Name)(?<op>[~=])(?<value>\S+)$")]
    private static partial Regex FilterTerm();

    [GeneratedRegex(@"`([a-z_]+)`")]
    private static partial Regex CodeSpan();
}
