using EcoSim.Scenarios;

namespace EcoSim.Model.Tests.ScenarioLoading;

/// <summary>
/// A small valid scenario whose line numbers the malformed-input tests rely on; each test changes one
/// line (keeping the line count) so that positions can be read off the text below.
/// </summary>
internal static class TinyScenario
{
    public const string Text =
        "name: tiny\n" +                                                                      //  1
        "description: a small valid scenario for tests\n" +                                   //  2
        "start: 2024Q1\n" +                                                                   //  3
        "end: 2026Q4\n" +                                                                     //  4
        "seed: 7\n" +                                                                         //  5
        "population:\n" +                                                                     //  6
        "  firms: 300\n" +                                                                    //  7
        "  labs:\n" +                                                                         //  8
        "    - { kind: university, count: 4, basicWeight: 1.0, appliedWeight: 0.4 }\n" +     //  9
        "    - { kind: rd-institute, count: 2, basicWeight: 0.3, appliedWeight: 1.5 }\n" +   // 10
        "  funds:\n" +                                                                        // 11
        "    - { kind: venture, count: 2, capital: 10 }\n" +                                  // 12
        "    - { kind: guidance, count: 1, capital: 5 }\n" +                                  // 13
        "clusters:\n" +                                                                       // 14
        "  - { id: alpha, kind: pillar, revenue: 1000, rdIntensity: 0.03 }\n" +               // 15
        "  - { id: beta, kind: emerging, revenue: 300, rdIntensity: 0.06, priority: 1.5 }\n" + // 16
        "  - { id: gamma, kind: pillar, revenue: 600, rdIntensity: 0.01 }\n" +                // 17
        "relatedness:\n" +                                                                    // 18
        "  default: 0.1\n" +                                                                  // 19
        "  pairs:\n" +                                                                        // 20
        "    - [alpha, beta, 0.6]\n" +                                                        // 21
        "parameters:\n" +                                                                     // 22
        "  basicShare: 0.2\n" +                                                               // 23
        "events:\n" +                                                                         // 24
        "  - at: 2025Q1\n" +                                                                  // 25
        "    set: { minBasicShare: 0.3333 }\n";                                               // 26

    /// <summary>The template with line <paramref name="line"/> (1-based) replaced by <paramref name="replacement"/>.</summary>
    public static string WithLine(int line, string replacement)
    {
        var lines = Text.Split('\n');
        Assert.True(line >= 1 && line < lines.Length, $"no line {line}");
        lines[line - 1] = replacement;
        return string.Join('\n', lines);
    }

    /// <summary>Loads <paramref name="path"/> and returns the exception it must throw.</summary>
    public static ScenarioException Fails(string path) => Assert.Throws<ScenarioException>(() => ScenarioLoader.Load(path));

    /// <summary>Asserts one error: file, line, column, key and a message fragment.</summary>
    public static void AssertError(ScenarioError error, string file, int line, int column, string key, string fragment)
    {
        Assert.Equal(file, error.File);
        Assert.True(line == error.Line && column == error.Column, $"expected {line}:{column}, got {error.Line}:{error.Column} for '{error}'");
        Assert.Equal(key, error.Key);
        Assert.Contains(fragment, error.Message, StringComparison.Ordinal);
    }

    /// <summary>Asserts the load fails with exactly one error, as described.</summary>
    public static void AssertSingleError(string path, int line, int column, string key, string fragment)
    {
        var e = Fails(path);
        Assert.True(e.Errors.Count == 1, $"expected one error, got:{Environment.NewLine}{string.Join(Environment.NewLine, e.Errors)}");
        AssertError(e.Errors[0], path, line, column, key, fragment);
    }
}
