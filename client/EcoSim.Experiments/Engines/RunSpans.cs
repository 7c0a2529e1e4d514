using System.Diagnostics;
using EcoSim.Grains.Abstractions.Telemetry;
using EcoSim.Model.World;

namespace EcoSim.Experiments.Engines;

/// <summary>The client's spans: one <c>run</c> span per run, the parent of its ticks wherever they are computed.</summary>
internal static class RunSpans
{
    /// <summary>Starts the span of one run (null when nobody listens).</summary>
    public static Activity? StartRun(string engine, WorldSpec world)
    {
        var span = EcoSimInstruments.Source.StartActivity("run");
        span?.SetTag("ecosim.engine", engine);
        span?.SetTag("ecosim.seed", world.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture));
        span?.SetTag("ecosim.ticks", world.Ticks);
        span?.SetTag("ecosim.firms", world.Firms);
        return span;
    }

    /// <summary>
    /// Makes <paramref name="run"/> the current span again before a call: an async iterator does not keep
    /// the span it started current from one step to the next.
    /// </summary>
    public static void Resume(Activity? run)
    {
        if (run is not null) Activity.Current = run;
    }

    /// <summary>Counts a finished run.</summary>
    public static void RunDone(string engine) => EcoSimInstruments.Runs.Add(1, new KeyValuePair<string, object?>("ecosim.engine", engine));
}
