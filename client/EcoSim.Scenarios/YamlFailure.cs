using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace EcoSim.Scenarios;

/// <summary>
/// Turns whatever YamlDotNet throws on malformed text into one "not valid YAML" error at the best
/// position known: the exception's own mark, the tab itself when a tab is used as indentation, or
/// where the scanner stopped when the exception carries no position (or is not a YAML exception at all).
/// </summary>
internal static class YamlFailure
{
    private const string TabMessage = "not valid YAML: tab used for indentation; YAML indents with spaces only";

    /// <summary>Records <paramref name="error"/>, thrown while reading <paramref name="text"/> through <paramref name="scanner"/>.</summary>
    /// <param name="sink">Where to record it.</param>
    /// <param name="error">What YamlDotNet threw.</param>
    /// <param name="scanner">The scanner that was reading, for its position.</param>
    /// <param name="text">The text read.</param>
    /// <param name="openFlow">The innermost '[' or '{' still open when it was thrown, if known.</param>
    public static void Record(ErrorSink sink, Exception error, Scanner scanner, string text, ParsingEvent? openFlow = null)
    {
        var stopped = scanner.CurrentPosition;
        if (error is YamlException yaml)
        {
            string message = StripPosition(yaml.InnerException is { } inner && yaml.Message.Contains("See inner exception", StringComparison.Ordinal) ? inner.Message : yaml.Message);
            if (message.Contains("tab", StringComparison.OrdinalIgnoreCase) && IsIndentingTab(text, stopped))
            {
                // YamlDotNet's marks for these point at the enclosing node or the value before; the scanner stands on the tab.
                sink.At(stopped, "", TabMessage);
                return;
            }
            bool unplaced = yaml.Start.Equals(Mark.Empty) && yaml.End.Equals(Mark.Empty);
            sink.At(unplaced ? stopped : yaml.Start, "", $"not valid YAML: {message}");
            return;
        }
        string hint = openFlow is null
            ? "; look for an unclosed '[' or '{' before this point"
            : $"; is the '{(openFlow is SequenceStart ? '[' : '{')}' at line {openFlow.Start.Line}, column {openFlow.Start.Column} closed?";
        sink.At(stopped, "", $"not valid YAML: cannot read on from here{hint}");
    }

    /// <summary>True when <paramref name="mark"/> is on a tab with nothing but spaces and tabs before it on its line.</summary>
    private static bool IsIndentingTab(string text, Mark mark)
    {
        if (mark.Index < 0 || mark.Index >= text.Length || text[(int)mark.Index] != '\t') return false;
        for (int i = (int)mark.Index - 1; i >= 0 && text[i] is not ('\n' or '\r'); i--)
            if (text[i] is not (' ' or '\t')) return false;
        return true;
    }

    private static string StripPosition(string message)
    {
        int close = message.IndexOf("): ", StringComparison.Ordinal);
        return message.StartsWith("(Line", StringComparison.Ordinal) && close > 0 ? message[(close + 3)..] : message;
    }
}
