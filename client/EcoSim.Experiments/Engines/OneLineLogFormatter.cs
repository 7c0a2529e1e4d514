using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace EcoSim.Experiments.Engines;

/// <summary>
/// Writes what Orleans logs in the client (errors only, see <c>OrleansConnections</c>) as one line per entry:
/// level, category, message and the exception's type and first line, never its stack trace. The command line
/// promises no stack trace without ECOSIM_DEBUG, and a Redis that goes away mid-run makes Orleans log one.
/// </summary>
internal sealed class OneLineLogFormatter() : ConsoleFormatter(FormatterName)
{
    /// <summary>The name the console logger knows this formatter by.</summary>
    public const string FormatterName = "ecosim-one-line";

    /// <inheritdoc/>
    public override void Write<TState>(in LogEntry<TState> entry, IExternalScopeProvider? scopes, TextWriter writer)
    {
        string message = entry.Formatter(entry.State, entry.Exception);
        string cause = entry.Exception is { } e ? $" ({e.GetType().Name}: {FirstLine(e.Message)})" : "";
        writer.WriteLine($"{entry.LogLevel.ToString().ToLowerInvariant()}: {entry.Category}: {FirstLine(message)}{cause}");
    }

    private static string FirstLine(string text) => text.Split('\n', 2)[0].TrimEnd('\r');
}
