using System.CommandLine.Help;
using EcoSim.Hosting;

namespace EcoSim.Client.Cli;

/// <summary>The ecosim program: parses the command line, reports usage errors with exit code 2, runs the command.</summary>
internal static class EcoSimCli
{
    /// <summary>Longest wait, after Ctrl-C, for runs to stop and the hidden output folder to be removed.</summary>
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Runs the command line <paramref name="args"/>; <paramref name="cancellation"/> acts like Ctrl-C. Everything
    /// printed goes through <see cref="TerminalText"/>, since much of it (names, paths, messages) comes from files.
    /// </summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter errors, CancellationToken cancellation = default)
    {
        Experiments.Pipelines.RunTimeline.Mark("main entered");
        (output, errors) = (TerminalText.Guard(output), TerminalText.Guard(errors));
        var root = CommandLine.Build(output, errors);
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0 && parsed.Action is not HelpAction)
        {
            UsageErrors.Write(parsed, errors);
            return ExitCodes.BadInput;
        }
        parsed.InvocationConfiguration.Output = output;
        parsed.InvocationConfiguration.Error = errors;
        parsed.InvocationConfiguration.ProcessTerminationTimeout = StopTimeout;
        Uri? endpoint;
        try { endpoint = EcoSimTelemetry.Endpoint(); }
        catch (FormatException e)
        {
            errors.WriteLine($"error: {e.Message}");
            return ExitCodes.BadInput;
        }
        // One set of providers for the process: it also sees an embedded silo's spans and meters.
        using var telemetry = EcoSimTelemetry.Start("ecosim", endpoint);
        int exitCode = await parsed.InvokeAsync(parsed.InvocationConfiguration, cancellation);
        Experiments.Pipelines.RunTimeline.Mark($"command done (exit code {exitCode})");
        return exitCode;
    }
}
