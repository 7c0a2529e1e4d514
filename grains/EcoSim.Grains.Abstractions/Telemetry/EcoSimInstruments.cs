using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace EcoSim.Grains.Abstractions.Telemetry;

/// <summary>
/// EcoSim's own traces and metrics, through the runtime's <see cref="ActivitySource"/> and
/// <see cref="Meter"/>: free when nobody listens, exported when telemetry is configured (see
/// EcoSim.Hosting's <c>EcoSimTelemetry</c>). Spans: <c>run</c> (client) contains <c>tick</c>
/// (run grain or reference engine); on the Orleans engine a tick contains <c>policy</c>,
/// <c>clusters</c> (each cluster's <c>research</c>, <c>gather</c> and <c>firms</c>), <c>finance</c>
/// and <c>entry</c>, and Orleans' own spans for the grain calls nest inside them through activity
/// propagation.
/// </summary>
public static class EcoSimInstruments
{
    /// <summary>Name of the activity source and meter.</summary>
    public const string Name = "EcoSim";

    /// <summary>Spans of runs, ticks and phases.</summary>
    public static readonly ActivitySource Source = new(Name);

    /// <summary>Counters and histograms of the engine.</summary>
    public static readonly Meter Meter = new(Name);

    /// <summary>Ticks completed, by engine.</summary>
    public static readonly Counter<long> Ticks = Meter.CreateCounter<long>("ecosim.ticks", "{tick}", "Ticks completed");

    /// <summary>Firm updates (one firm stepped through one tick), by engine.</summary>
    public static readonly Counter<long> FirmUpdates = Meter.CreateCounter<long>("ecosim.firm_updates", "{firm}", "Firms stepped through a tick");

    /// <summary>Wall-clock time of a tick, by engine.</summary>
    public static readonly Histogram<double> TickDuration = Meter.CreateHistogram<double>("ecosim.tick.duration", "s", "Time to run one tick");

    /// <summary>Runs completed, by engine.</summary>
    public static readonly Counter<long> Runs = Meter.CreateCounter<long>("ecosim.runs", "{run}", "Runs completed");

    /// <summary>Records one finished tick of <paramref name="engine"/> that stepped <paramref name="firms"/> firms.</summary>
    public static void TickDone(string engine, long firms, TimeSpan elapsed)
    {
        var tag = new KeyValuePair<string, object?>("ecosim.engine", engine);
        Ticks.Add(1, tag);
        FirmUpdates.Add(firms, tag);
        TickDuration.Record(elapsed.TotalSeconds, tag);
    }
}
