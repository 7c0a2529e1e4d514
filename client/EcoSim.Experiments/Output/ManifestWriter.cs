using System.Text.Json;

namespace EcoSim.Experiments.Output;

/// <summary>The one writer of manifest.json, for every kind of output.</summary>
public static class ManifestWriter
{
    /// <summary>The manifest as JSON text, every key of its own kind written, ending in a newline unless the kind never has (<see cref="OutputManifest.EndsWithNewline"/>).</summary>
    /// <param name="manifest">The manifest to serialise.</param>
    /// <remarks>Times are written in UTC: local times are converted, unspecified ones are taken as UTC.</remarks>
    public static string Serialize(OutputManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var utc = manifest with { StartedUtc = AsUtc(manifest.StartedUtc), EndedUtc = AsUtc(manifest.EndedUtc) };
        string json = JsonSerializer.Serialize(utc, utc.GetType(), ManifestJson.Options);
        return manifest.EndsWithNewline ? json + "\n" : json;
    }

    /// <summary>Writes <paramref name="manifest"/> to <paramref name="path"/> as UTF-8 without a byte-order mark.</summary>
    /// <param name="path">Usually <see cref="RunOutputFolder.ManifestFileName"/> inside the working folder.</param>
    /// <param name="manifest">The manifest to write.</param>
    public static void Write(string path, OutputManifest manifest) =>
        File.WriteAllText(path, Serialize(manifest), MetricsCsvFormat.Encoding);

    private static DateTime AsUtc(DateTime time) => time.Kind switch
    {
        DateTimeKind.Utc => time,
        DateTimeKind.Local => time.ToUniversalTime(),
        _ => DateTime.SpecifyKind(time, DateTimeKind.Utc),
    };
}
