using Spectre.Console;


namespace EcoSim.Client.Cli.Progress;

/// <summary>
/// Chooses how a command shows progress: a live bar when standard error is an interactive terminal,
/// plain periodic lines otherwise (redirected, CI, tests, or ECOSIM_PROGRESS=plain).
/// </summary>
internal static class ProgressDisplay
{
    /// <summary>Longest time between two plain lines.</summary>
    public static readonly TimeSpan PlainInterval = TimeSpan.FromSeconds(10);

    /// <summary>Starts showing the progress of <paramref name="runs"/> runs of <paramref name="ticksPerRun"/> ticks each on <paramref name="errors"/>.</summary>
    public static IProgressDisplay Start(TextWriter errors, int runs, int ticksPerRun) =>
        IsInteractiveTerminal(errors)
            ? new LiveProgress(AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error), Interactive = InteractionSupport.Yes }), runs, ticksPerRun)
            : new PlainProgress(errors, runs, ticksPerRun, PlainInterval);

    /// <summary>Whether <paramref name="errors"/> is this process's standard error and that is a terminal a person watches.</summary>
    private static bool IsInteractiveTerminal(TextWriter errors) =>
        ReferenceEquals(TerminalText.Unwrap(errors), Console.Error)
        && !Console.IsErrorRedirected
        && Environment.GetEnvironmentVariable("CI") is null
        && Environment.GetEnvironmentVariable("TERM") is not "dumb"
        && Environment.GetEnvironmentVariable("ECOSIM_PROGRESS") is not "plain";
}
