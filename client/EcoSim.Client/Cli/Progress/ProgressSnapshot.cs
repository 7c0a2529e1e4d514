using System.Globalization;

namespace EcoSim.Client.Cli.Progress;

/// <summary>Where a command's runs stand at one moment, and how it reads in one line.</summary>
/// <param name="RunsDone">Runs finished.</param>
/// <param name="Runs">Runs in all.</param>
/// <param name="TicksDone">Ticks finished, over all runs.</param>
/// <param name="Ticks">Ticks in all.</param>
/// <param name="Elapsed">Time since the runs started.</param>
internal readonly record struct ProgressSnapshot(int RunsDone, int Runs, long TicksDone, long Ticks, TimeSpan Elapsed)
{
    /// <summary>Share of all ticks done, 0 to 1.</summary>
    public double Fraction => Ticks == 0 ? 1 : (double)TicksDone / Ticks;

    /// <summary>Ticks per second so far (0 before any time has passed).</summary>
    public double TicksPerSecond => Elapsed > TimeSpan.Zero ? TicksDone / Elapsed.TotalSeconds : 0;

    /// <summary>Time left at the rate so far, or null while there is no rate yet.</summary>
    public TimeSpan? Remaining => TicksPerSecond > 0 ? TimeSpan.FromSeconds((Ticks - TicksDone) / TicksPerSecond) : null;

    /// <summary>Whether every run is done.</summary>
    public bool Complete => RunsDone >= Runs;

    /// <summary>e.g. <c>runs 2/6, ticks 16/48 (33%), 12.5 ticks/s, about 3 s left</c>.</summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"runs {RunsDone}/{Runs}, ticks {TicksDone}/{Ticks} ({Math.Floor(Fraction * 100):0}%), {TicksPerSecond:0.0} ticks/s, {Left()}");

    /// <summary>e.g. <c>6 runs, 48 ticks in 3.8 s (12.5 ticks/s)</c>.</summary>
    public string DescribeDone() => string.Create(CultureInfo.InvariantCulture,
        $"{Runs} run{(Runs == 1 ? "" : "s")}, {Ticks} ticks in {Duration(Elapsed)} ({TicksPerSecond:0.0} ticks/s)");

    private string Left() => Remaining is { } left ? $"about {Duration(left)} left" : "time left not known yet";

    /// <summary>A duration in words a person reads at a glance: <c>0.4 s</c>, <c>42 s</c>, <c>3 min 5 s</c>, <c>2 h 10 min</c>.</summary>
    public static string Duration(TimeSpan span) => span.TotalSeconds switch
    {
        < 10 => string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:0.0} s"),
        < 60 => string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:0} s"),
        < 3600 => $"{(int)span.TotalMinutes} min {span.Seconds} s",
        _ => $"{(int)span.TotalHours} h {span.Minutes} min",
    };
}
