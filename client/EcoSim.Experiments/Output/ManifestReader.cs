using System.Text.Json;

namespace EcoSim.Experiments.Output;

/// <summary>Reads manifests written by <see cref="ManifestWriter"/>.</summary>
public static class ManifestReader
{
    /// <summary>Parses manifest JSON text.</summary>
    /// <param name="json">The manifest text.</param>
    /// <exception cref="FormatException">Not an EcoSim run manifest, a newer format version, or malformed.</exception>
    public static RunManifest Deserialize(string json)
    {
        RunManifest? manifest;
        try
        {
            using JsonDocument document = JsonDocument.Parse(json);
            if (!HasFormatMarker(document.RootElement))
                throw new FormatException($"not an EcoSim run manifest (\"format\" is not \"{RunManifest.FormatMarker}\")");
            manifest = document.Deserialize<RunManifest>(ManifestJson.Options);
        }
        catch (JsonException e)
        {
            throw new FormatException($"not a valid EcoSim run manifest: {e.Message}", e);
        }
        if (manifest is null)
            throw new FormatException("not an EcoSim run manifest (null)");
        if (manifest.FormatVersion > RunManifest.CurrentFormatVersion)
            throw new FormatException(
                $"manifest format version {manifest.FormatVersion} is newer than this program reads ({RunManifest.CurrentFormatVersion})");
        return manifest;
    }

    /// <summary>Reads the manifest file at <paramref name="path"/>.</summary>
    /// <param name="path">A <c>manifest.json</c> file.</param>
    /// <exception cref="FormatException">Not an EcoSim run manifest, a newer format version, or malformed.</exception>
    public static RunManifest Read(string path) => Deserialize(File.ReadAllText(path));

    /// <summary>
    /// Whether <paramref name="path"/> is a JSON object whose <c>format</c> is <see cref="RunManifest.FormatMarker"/>
    /// (any version). False if the file is missing, unreadable or not JSON.
    /// </summary>
    /// <param name="path">A candidate <c>manifest.json</c>.</param>
    public static bool HasFormatMarker(string path)
    {
        try
        {
            if (!File.Exists(path))
                return false;
            using JsonDocument document = JsonDocument.Parse(File.ReadAllBytes(path));
            return HasFormatMarker(document.RootElement);
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static bool HasFormatMarker(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object
        && root.TryGetProperty("format", out JsonElement format)
        && format.ValueKind == JsonValueKind.String
        && format.GetString() == RunManifest.FormatMarker;
}
