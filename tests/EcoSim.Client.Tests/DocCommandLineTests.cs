using System.CommandLine;
using System.Text.RegularExpressions;
using EcoSim.Client.Cli;

namespace EcoSim.Client.Tests;

/// <summary>
/// The command lines the documentation shows (<c>ecosim run ... --seeds 20</c>, <c>dotnet run --project
/// client/EcoSim.Client -- compare ...</c>) must use options the command has: an option renamed or
/// dropped in the code otherwise leaves examples that fail when a reader copies them.
/// </summary>
public sealed partial class DocCommandLineTests
{
    private static readonly string[] Documents = ["README.md", "docs/MODEL.md", "docs/ARCHITECTURE.md", "docs/PERFORMANCE.md", "docs/SCENARIOS.md", "docs/EXPLORER.md"];

    [Fact]
    public void Every_option_in_a_documented_command_line_is_an_option_of_that_command()
    {
        var root = CommandLine.Build(TextWriter.Null, TextWriter.Null);
        var everywhere = root.Options.Where(o => o.Recursive).SelectMany(Names).ToHashSet(StringComparer.Ordinal);
        var commands = root.Subcommands.ToDictionary(c => c.Name, c => c.Options.SelectMany(Names).Concat(everywhere).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);

        var lines = Documents.SelectMany(CommandLinesIn).ToList();
        Assert.True(lines.Count >= 10, $"found only {lines.Count} ecosim command lines in the docs; has the way they are written changed?");
        var unknown = lines
            .Where(l => commands.ContainsKey(l.Command))
            .SelectMany(l => OptionToken().Matches(l.Arguments).Select(m => (l.Where, l.Command, Option: m.Groups[1].Value)))
            .Where(l => !commands[l.Command].Contains(l.Option))
            .Select(l => $"{l.Where}: '{l.Command}' has no option {l.Option}")
            .ToList();
        Assert.True(unknown.Count == 0, string.Join(Environment.NewLine, unknown));
    }

    private static IEnumerable<string> Names(Option option) => option.Aliases.Prepend(option.Name);

    // Command lines of ecosim, with continuation lines (ending in a backslash) joined; the arguments
    // end at the end of the line, a closing backquote or a shell comment.
    private static IEnumerable<(string Where, string Command, string Arguments)> CommandLinesIn(string document)
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryRoot(), document));
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i];
            int first = i;
            while (line.EndsWith('\\') && i + 1 < lines.Length) line = line[..^1] + " " + lines[++i];
            foreach (Match m in CommandStart().Matches(line))
                yield return ($"{document}:{first + 1}", m.Groups["command"].Value, m.Groups["arguments"].Value);
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "EcoSim.sln"))) return dir.FullName;
        throw new InvalidOperationException($"no EcoSim.sln above {AppContext.BaseDirectory}");
    }

    [GeneratedRegex(@"(?:\becosim(?:\.dll)?|client/EcoSim\.Client --)\s+(?<command>[a-z][a-z-]*)\b(?<arguments>[^`#\n]*)")]
    private static partial Regex CommandStart();

    [GeneratedRegex(@"(?<![\w-])(--?[a-z?][a-z-]*)")]
    private static partial Regex OptionToken();
}
