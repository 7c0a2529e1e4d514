using System.Diagnostics;
using System.Globalization;

namespace EcoSim.Experiments.Pipelines;

/// <summary>
/// Where a command's wall time goes, on request: with <c>ECOSIM_TIMELINE=1</c> each stage a run passes (the
/// scenario read, the engine open, the first quarter, the plots, the report, the manifest) prints one line
/// <c>timeline &lt;seconds since the process started&gt; &lt;stage&gt;</c> to standard error. Off, a mark costs one
/// branch, so the stages can stay marked in the code that users run and a profile needs no other build.
/// </summary>
public static class RunTimeline
{
    /// <summary>The environment variable that switches the timeline on (any value but empty or <c>0</c>).</summary>
    public const string Variable = "ECOSIM_TIMELINE";

    private static readonly bool Enabled = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } v && v != "0";

    // The process's own start, so the first line already shows what .NET's start-up took before Main.
    private static readonly DateTime ProcessStarted = Enabled ? Process.GetCurrentProcess().StartTime.ToUniversalTime() : default;

    /// <summary>Whether marks are printed.</summary>
    public static bool IsEnabled => Enabled;

    /// <summary>Prints that <paramref name="stage"/> has just been reached, when the timeline is on.</summary>
    public static void Mark(string stage)
    {
        if (!Enabled) return;
        double seconds = (DateTime.UtcNow - ProcessStarted).TotalSeconds;
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"timeline {seconds,7:0.000} {stage}"));
    }
}
