using EcoSim.Model.Randomness;
using EcoSim.Model.Tests.Support;
using EcoSim.Scenarios;

namespace EcoSim.Model.Tests.ScenarioLoading;

/// <summary>
/// Seeded fuzzing of the loader's contract: whatever the text, Load either returns a scenario or throws
/// a <see cref="ScenarioException"/>, never anything else. The mutations use the project's own
/// <see cref="RandomStream"/> with fixed keys, so every run tries the same 300 texts.
/// </summary>
public class ScenarioFuzzTests
{
    private const ulong Seed = 0xF0221;
    private static readonly string[] Tokens = [":", "-", "&a", "*a", "[", "]", "{", "}", "\"", "'", "#", ",", "? ", "!!int ", "\t", " ", "\n", "- [", ": {"];
    private const string Characters = ":-[]{}&*#,'\"!|>?% \t\n0123456789.eQqabcz";

    private static int Below(ref RandomStream s, int n) => n <= 0 ? 0 : (int)(s.NextUInt64() % (ulong)n);

    /// <summary>One random mutation of <paramref name="text"/>, and what it was.</summary>
    private static (string Text, string What) Mutate(string text, ref RandomStream s)
    {
        var lines = text.Split('\n').ToList();
        int line = Below(ref s, lines.Count);
        int at = Below(ref s, text.Length + 1);
        switch (Below(ref s, 8))
        {
            case 0:
                lines.RemoveAt(line);
                return (string.Join('\n', lines), $"delete line {line + 1}");
            case 1:
                lines.Insert(line, lines[line]);
                return (string.Join('\n', lines), $"duplicate line {line + 1}");
            case 2:
            {
                int other = Below(ref s, lines.Count);
                (lines[line], lines[other]) = (lines[other], lines[line]);
                return (string.Join('\n', lines), $"swap lines {line + 1} and {other + 1}");
            }
            case 3:
            {
                if (text.Length == 0) return (text, "nothing to replace");
                at = Math.Min(at, text.Length - 1);
                char c = Characters[Below(ref s, Characters.Length)];
                return (text[..at] + c + text[(at + 1)..], $"replace character {at} with '{c}'");
            }
            case 4:
            case 5:
            {
                string token = Tokens[Below(ref s, Tokens.Length)];
                return (text[..at] + token + text[at..], $"insert '{token}' at {at}");
            }
            case 6:
                return (text[..at], $"truncate at {at}");
            default:
            {
                // Indent or dedent a line by one or two spaces.
                int shift = 1 + Below(ref s, 2);
                lines[line] = s.NextDouble() < 0.5 ? new string(' ', shift) + lines[line] : lines[line].TrimStart();
                return (string.Join('\n', lines), $"re-indent line {line + 1}");
            }
        }
    }

    /// <summary>Loads every mutant; collects the texts that make Load throw something other than a ScenarioException.</summary>
    private static void Fuzz(string original, int cases, ulong stream, Func<string, string> write)
    {
        var failures = new List<string>();
        int loaded = 0, rejected = 0;
        for (int i = 0; i < cases; i++)
        {
            var s = new RandomStream(Seed, stream, i, RandomPurpose.Screening);
            string text = original;
            var steps = new List<string>();
            int mutations = 1 + Below(ref s, 3);
            for (int m = 0; m < mutations; m++)
            {
                (text, string what) = Mutate(text, ref s);
                steps.Add(what);
            }
            string path = write(text);
            try
            {
                var scenario = ScenarioLoader.Load(path);
                // A loaded scenario is runnable.
                Assert.True(scenario.World.Ticks >= 1 && scenario.World.ClusterCount >= 1 && scenario.World.Firms >= 1, $"case {i}: loaded an unusable world");
                loaded++;
            }
            catch (ScenarioException e)
            {
                Assert.NotEmpty(e.Errors);
                Assert.All(e.Errors, error => Assert.False(string.IsNullOrWhiteSpace(error.Message)));
                rejected++;
            }
            catch (Exception e)
            {
                string where = string.Join(" <- ", (e.StackTrace ?? "").Split('\n').Take(2).Select(frame => frame.Trim()));
                failures.Add($"case {i} ({string.Join(", ", steps)}): {e.GetType().FullName}: {e.Message} [{where}]{Environment.NewLine}---- text ----{Environment.NewLine}{text}{Environment.NewLine}--------------");
            }
        }
        Assert.True(failures.Count == 0, $"{failures.Count} of {cases} mutants made Load throw something other than ScenarioException:{Environment.NewLine}{string.Join(Environment.NewLine, failures)}");
        // Guard: the mutations are neither all harmless nor all fatal.
        Assert.True(loaded > 0 && rejected > 0, $"loaded {loaded}, rejected {rejected}");
    }

    private static string Baseline => File.ReadAllText(TestWorlds.LibraryScenario("guangdong-baseline.yaml"));

    [Fact]
    public void Mutated_baseline_either_loads_or_throws_ScenarioException()
    {
        using var folder = new TempFolder();
        Fuzz(Baseline, 300, 1, text => folder.Write("mutant.yaml", text));
    }

    [Fact]
    public void Mutated_extending_scenario_either_loads_or_throws_ScenarioException()
    {
        using var folder = new TempFolder();
        folder.Write("guangdong-baseline.yaml", Baseline);
        Fuzz(File.ReadAllText(TestWorlds.LibraryScenario("one-third-basic-research.yaml")), 300, 2, text => folder.Write("mutant.yaml", text));
    }

    /// <summary>The baseline with the '}' that closes the frontier-materials cluster replaced; and the 1-based number of that line.</summary>
    private static (string Text, int Line) BaselineWithFrontierLineEndingIn(string ending)
    {
        var lines = Baseline.Split('\n');
        int index = Array.FindIndex(lines, l => l.TrimEnd().EndsWith("\"Frontier new materials\" }", StringComparison.Ordinal));
        Assert.True(index >= 0, "the baseline no longer has the frontier-materials cluster line this test edits");
        Assert.StartsWith("  - {", lines[index + 1]);
        lines[index] = lines[index].TrimEnd()[..^1] + ending;
        return (string.Join('\n', lines), index + 1);
    }

    [Fact]
    public void A_missing_closing_brace_in_the_baseline_is_reported_where_the_next_item_starts()
    {
        // The cluster line without its '}': the parser meets the '-' of the next line (column 3) inside the flow mapping.
        using var folder = new TempFolder();
        var (text, line) = BaselineWithFrontierLineEndingIn("");
        string path = folder.Write("brace.yaml", text);
        TinyScenario.AssertSingleError(path, line + 1, 3, "", "not valid YAML: While parsing a flow mapping, did not find expected ',' or '}'");
    }

    [Fact]
    public void A_closing_brace_typed_as_a_letter_in_the_baseline_is_a_scenario_error()
    {
        // The single mutation behind fuzz case 285: the '}' closing a cluster line replaced by a letter, so
        // the unclosed flow mapping's last plain scalar runs into the next line. Minimal form: "a: [b\nc: 1\n".
        // YamlDotNet's scanner throws InvalidOperationException there, which once escaped Load.
        using var folder = new TempFolder();
        var (text, line) = BaselineWithFrontierLineEndingIn("x");
        string path = folder.Write("brace.yaml", text);
        var error = Assert.Single(TinyScenario.Fails(path).Errors);
        Assert.Equal(path, error.File);
        Assert.Contains("not valid YAML", error.Message);
        // Where the scanner stopped: the '-' of the next line, as for the missing brace above.
        Assert.Equal((line + 1, 3), (error.Line, error.Column));
        string minimal = folder.Write("minimal.yaml", "a: [b\nc: 1\n");
        TinyScenario.AssertSingleError(minimal, 2, 1, "", "not valid YAML: cannot read on from here; is the '[' at line 1, column 4 closed?");
    }
}
