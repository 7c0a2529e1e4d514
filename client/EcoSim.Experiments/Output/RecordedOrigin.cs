namespace EcoSim.Experiments.Output;

/// <summary>
/// What a reproduction shows of the output it reproduces in place of its own: the command that first
/// wrote it and when that started. Plot captions and report.html carry these facts, and nothing else of
/// theirs depends on when or how a run was started, so with them a reproduction redraws both byte for byte
/// on the same platform. The reproduction's own manifest.json still records its own command and times.
/// </summary>
/// <param name="CommandLine">The recorded command line.</param>
/// <param name="StartedUtc">The recorded start time.</param>
public sealed record RecordedOrigin(IReadOnlyList<string> CommandLine, DateTime StartedUtc)
{
    /// <summary>The origin a manifest records.</summary>
    public static RecordedOrigin Of(OutputManifest manifest) => new(manifest.CommandLine, manifest.StartedUtc);

    /// <summary>
    /// <paramref name="manifest"/> as the report shows it: with the recorded command and start time when
    /// <paramref name="origin"/> is given, else as it is.
    /// </summary>
    public static OutputManifest Shown(RecordedOrigin? origin, OutputManifest manifest) =>
        origin is null ? manifest : manifest with { CommandLine = origin.CommandLine, StartedUtc = origin.StartedUtc };

    /// <summary>The date plot captions show: the recorded start when <paramref name="origin"/> is given, else <paramref name="started"/>.</summary>
    public static DateTime PlotDate(RecordedOrigin? origin, DateTime started) => origin?.StartedUtc ?? started;
}
