using System.Text.Json;

namespace EcoSim.Experiments.Output;

/// <summary>Writes <see cref="RunManifest"/>s as indented camelCase JSON.</summary>
public static class ManifestWriter
{
    /// <summary>The manifest as JSON text (ending in a newline).</summary>
    /// <param name="manifest">The manifest to serialise.</param>
    /// <remarks>Times are written in UTC: local times are converted, unspecified ones are taken as UTC.</remarks>
    public static string Serialize(RunManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        RunManifest utc = manifest with { StartedUtc = AsUtc(manifest.StartedUtc), EndedUtc = AsUtc(manifest.EndedUtc) };
        return JsonSerializer.Serialize(utc, ManifestJson.Options) + "\n";
    }

    /// <summary>Writes <paramref name="manifest"/> to <paramref name="path"/> as UTF-8 without a byte-order mark.</summary>
    /// <param name="path">Usually <see cref="RunOutputFolder.ManifestFileName"/> inside the working folder.</param>
    /// <param name="manifest">The manifest to write.</param>
    public static void Write(string path, RunManifest manifest) =>
        File.WriteAllText(path, Serialize(manifest), MetricsCsvFormat.Encoding);

    private static DateTime AsUtc(DateTime time) => time.Kind switch
    {
        DateTimeKind.Utc => time,
        DateTimeKind.Local => time.ToUniversalTime(),
        _ => DateTime.SpecifyKind(time, DateTimeKind.Utc),
    };
}
