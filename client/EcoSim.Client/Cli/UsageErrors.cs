using System.CommandLine;
using System.CommandLine.Parsing;
using EcoSim.Scenarios;

namespace EcoSim.Client.Cli;

/// <summary>
/// Writes the parser's errors as "error: ..." lines, with a did-you-mean for a misspelt command or
/// option and a closing hint that names the help of the command that was typed.
/// </summary>
/// <remarks>
/// System.CommandLine's own typo corrections (<c>ParseErrorAction.ShowTypoCorrections</c>) only run
/// inside its error action, which also prints the whole help text; EcoSim prints its own short
/// errors, so the suggestions come from the same <see cref="DidYouMean"/> as scenario keys.
/// </remarks>
internal static class UsageErrors
{
    /// <summary>Writes every error of <paramref name="parsed"/>.</summary>
    public static void Write(ParseResult parsed, TextWriter errors)
    {
        var command = parsed.CommandResult.Command;
        var unknown = Unknown(command, parsed.UnmatchedTokens).ToList();
        // An unknown command explains the missing one; the parser's errors for unmatched tokens are replaced by those above.
        bool unknownCommand = command is RootCommand && unknown.Count > 0;
        foreach (var error in parsed.Errors)
            if (!unknownCommand && !parsed.UnmatchedTokens.Any(t => error.Message.Contains($"'{t}'", StringComparison.Ordinal)))
                errors.WriteLine($"error: {error.Message}");
        foreach (string message in unknown) errors.WriteLine($"error: {message}");
        errors.WriteLine($"see '{Typed(command)} --help'");
    }

    /// <summary>
    /// Makes a file argument refuse a value that looks like an option and names no file: without this,
    /// <c>ecosim run --hlep</c> takes <c>--hlep</c> for the scenario and says only "file not found".
    /// A file whose name starts with a dash still works when it exists (or as <c>./-name</c>).
    /// </summary>
    public static void RefuseOptionLike(Argument argument) =>
        argument.Validators.Add(result =>
        {
            if (result.Parent is not CommandResult { Command: var command }) return;
            foreach (var token in result.Tokens)
                if (token.Value.StartsWith('-') && token.Value.Length > 1 && !File.Exists(token.Value))
                    result.AddError(Unknown(command, token.Value));
        });

    /// <summary>The command as typed: <c>ecosim</c> and the subcommand, if any.</summary>
    private static string Typed(Command command) => command is RootCommand ? "ecosim" : $"ecosim {command.Name}";

    /// <summary>
    /// A message for each token the command does not know. The word after an unknown option is taken to be
    /// its value, and after an unknown command nothing more is reported: the rest belongs to that command.
    /// </summary>
    private static IEnumerable<string> Unknown(Command command, IReadOnlyList<string> tokens)
    {
        for (int i = 0; i < tokens.Count; i++)
        {
            yield return Unknown(command, tokens[i]);
            if (command is RootCommand && !tokens[i].StartsWith('-')) yield break;
            if (tokens[i].StartsWith('-') && !tokens[i].Contains('=') && i + 1 < tokens.Count && !tokens[i + 1].StartsWith('-')) i++;
        }
    }

    /// <summary>The message for a token the command does not know, with the nearest option or command if one is close.</summary>
    private static string Unknown(Command command, string token)
    {
        bool option = token.StartsWith('-');
        IEnumerable<string> known = option
            ? command.Options.Where(o => !o.Hidden).SelectMany(o => o.Aliases.Prepend(o.Name)).Where(n => n.StartsWith("--", StringComparison.Ordinal)).Append("--help")
            : command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name);
        string name = option ? token.Split('=', 2)[0] : token;
        string? close = DidYouMean.Closest(name, known);
        string what = option ? $"unknown option '{name}'" : command.Subcommands.Count > 0 ? $"unknown command '{token}'" : $"unexpected argument '{token}'";
        string hint = close is not null ? $"; did you mean '{close}'?"
            : !option && command.Subcommands.Count > 0 ? $"; the commands are {string.Join(", ", command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name))}"
            : "";
        return $"{what} for '{Typed(command)}'{hint}";
    }
}
