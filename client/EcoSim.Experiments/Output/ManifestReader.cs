using System.Globalization;
using System.Text.Json;

namespace EcoSim.Experiments.Output;

/// <summary>
/// The one reader of manifest.json, for every kind of output: it checks the format marker, the version, that
/// no key is given twice and that the files are listed, picks the payload by the <c>kind</c> key and names
/// the key at fault when anything is missing or of the wrong kind.
/// </summary>
public static class ManifestReader
{
    /// <summary>Reads the manifest file at <paramref name="path"/>.</summary>
    /// <param name="path">A <c>manifest.json</c> file.</param>
    /// <exception cref="ManifestProblem">The file is missing, unreadable, not JSON, not an EcoSim manifest, of an unknown kind or newer version, or a key is missing, bad or given twice.</exception>
    public static OutputManifest Read(string path)
    {
        byte[] bytes;
        try { bytes = File.ReadAllBytes(path); }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException) { throw new ManifestProblem(null, "file not found"); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { throw new ManifestProblem(null, $"cannot read the file: {e.Message}"); }
        return Parse(bytes);
    }

    /// <summary>Parses manifest JSON text.</summary>
    /// <param name="json">The manifest text.</param>
    /// <exception cref="ManifestProblem">As for <see cref="Read"/>.</exception>
    public static OutputManifest Deserialize(string json) => Parse(MetricsCsvFormat.Encoding.GetBytes(json));

    /// <summary>
    /// Whether <paramref name="path"/> is a JSON object whose <c>format</c> is <see cref="OutputManifest.FormatMarker"/>
    /// (any version). False if the file is missing, unreadable or not JSON.
    /// </summary>
    /// <param name="path">A candidate <c>manifest.json</c>.</param>
    public static bool HasFormatMarker(string path)
    {
        try
        {
            if (!File.Exists(path))
                return false;
            using JsonDocument document = JsonDocument.Parse(WithoutByteOrderMark(File.ReadAllBytes(path)));
            return HasFormatMarker(document.RootElement);
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static OutputManifest Parse(byte[] bytes)
    {
        JsonDocument document;
        try { document = JsonDocument.Parse(WithoutByteOrderMark(bytes)); }
        catch (JsonException e) { throw new ManifestProblem(null, NotJson(e)); }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw new ManifestProblem(null, "not an EcoSim manifest (expected a JSON object)");
            if (!root.TryGetProperty("format", out _)) throw new ManifestProblem("format", $"is missing (\"{OutputManifest.FormatMarker}\" in an EcoSim manifest)");
            if (!HasFormatMarker(root)) throw new ManifestProblem("format", $"is not \"{OutputManifest.FormatMarker}\": not an EcoSim manifest");
            ManifestStrictness.RefuseDuplicateKeys(root);
            if (root.TryGetProperty("formatVersion", out var version) && (version.ValueKind != JsonValueKind.Number || !version.TryGetInt32(out int v) || v > OutputManifest.CurrentFormatVersion))
                throw new ManifestProblem("formatVersion", $"{version} is not a manifest version this program reads (1 to {OutputManifest.CurrentFormatVersion})");
            var payloadType = PayloadType(root);
            // Every kind lists its files; without the key there would be nothing to compare, and no way to tell a forgotten list from an empty one.
            if (!root.TryGetProperty("files", out _)) throw new ManifestProblem("files", "is missing");
            // The payload's keys come first in the file, so its errors are named first.
            var (payload, payloadError) = Attempt(() => (ManifestPayload?)root.Deserialize(payloadType, ManifestJson.Options));
            var (common, commonError) = Attempt(() => root.Deserialize<OutputManifest>(ManifestJson.Options));
            JsonException[] errors = [.. new[] { payloadError, commonError }.OfType<JsonException>()];
            if (errors.Length > 0) throw ManifestStrictness.Describe(root, errors);
            return common! with { Payload = payload! };
        }
    }

    /// <summary>
    /// The bytes after a UTF-8 byte-order mark, if they start with one: an editor may add it, and JSON readers
    /// take it for a stray character. A scenario file is read the same way.
    /// </summary>
    private static ReadOnlyMemory<byte> WithoutByteOrderMark(byte[] bytes) =>
        bytes.AsSpan().StartsWith("\uFEFF"u8) ? bytes.AsMemory(3) : bytes;

    /// <summary>
    /// A syntax error in words and in the place an editor shows: the reader's own message counts lines and bytes
    /// from zero and ends in its field names ("LineNumber: 0 | BytePositionInLine: 72.").
    /// </summary>
    private static string NotJson(JsonException e)
    {
        string what = e.Message.Split(" LineNumber:", 2)[0].Split(" Path:", 2)[0].Trim();
        return e.LineNumber is long line && e.BytePositionInLine is long column
            ? string.Create(CultureInfo.InvariantCulture, $"not valid JSON at line {line + 1}, byte {column + 1}: {what}")
            : $"not valid JSON: {what}";
    }

    private static (T? Value, JsonException? Error) Attempt<T>(Func<T?> read) where T : class
    {
        try { return (read() ?? throw new ManifestProblem(null, "is null"), null); }
        catch (JsonException e) { return (null, e); }
    }

    private static Type PayloadType(JsonElement root)
    {
        string kind = RunPayload.KindName;
        if (root.TryGetProperty("kind", out var kindValue))
            kind = kindValue.ValueKind == JsonValueKind.String ? kindValue.GetString()! : throw new ManifestProblem("kind", "must be a string");
        return ManifestPayload.Kinds.TryGetValue(kind, out var type) ? type
            : throw new ManifestProblem("kind", $"'{kind}' is not a kind of output this program reads ({string.Join(", ", ManifestPayload.Kinds.Keys)})");
    }

    private static bool HasFormatMarker(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object
        && root.TryGetProperty("format", out JsonElement format)
        && format.ValueKind == JsonValueKind.String
        && format.GetString() == OutputManifest.FormatMarker;
}
