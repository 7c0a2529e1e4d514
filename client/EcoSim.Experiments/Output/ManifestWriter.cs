using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace EcoSim.Experiments.Output;

/// <summary>The one writer of manifest.json, for every kind of output.</summary>
public static class ManifestWriter
{
    /// <summary>
    /// The manifest as JSON text: one flat object, the common keys and the payload's merged in key order
    /// (see <see cref="OutputManifest"/>), without the keys their properties leave out when null, ending in a newline unless the kind never has (<see cref="ManifestPayload.EndsWithNewline"/>).
    /// </summary>
    /// <param name="manifest">The manifest to serialise.</param>
    /// <remarks>Times are written in UTC: local times are converted, unspecified ones are taken as UTC.</remarks>
    public static string Serialize(OutputManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(manifest.Payload);
        var utc = manifest with { StartedUtc = AsUtc(manifest.StartedUtc), EndedUtc = AsUtc(manifest.EndedUtc) };
        var keys = Keys(utc).Concat(Keys(utc.Payload)).OrderBy(k => k.Property.Order); // stable: within an order, as declared
        var options = ManifestJson.Options;
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, NewLine = "\n", Encoder = options.Encoder }))
        {
            writer.WriteStartObject();
            foreach (var (property, owner) in keys)
            {
                object? value = property.Get!(owner);
                if (property.ShouldSerialize is { } wanted && !wanted(owner, value)) continue; // e.g. [JsonIgnore(Condition = WhenWritingNull)]
                writer.WritePropertyName(property.Name);
                JsonSerializer.Serialize(writer, value, property.PropertyType, options);
            }
            writer.WriteEndObject();
        }
        string json = MetricsCsvFormat.Encoding.GetString(buffer.ToArray());
        return manifest.Payload.EndsWithNewline ? json + "\n" : json;
    }

    /// <summary>Writes <paramref name="manifest"/> to <paramref name="path"/> as UTF-8 without a byte-order mark.</summary>
    /// <param name="path">Usually <see cref="RunOutputFolder.ManifestFileName"/> inside the working folder.</param>
    /// <param name="manifest">The manifest to write.</param>
    public static void Write(string path, OutputManifest manifest) =>
        File.WriteAllText(path, Serialize(manifest), MetricsCsvFormat.Encoding);

    private static IEnumerable<(JsonPropertyInfo Property, object Owner)> Keys(object owner) =>
        ManifestJson.Options.GetTypeInfo(owner.GetType()).Properties.Select(p => (p, owner));

    private static DateTime AsUtc(DateTime time) => time.Kind switch
    {
        DateTimeKind.Utc => time,
        DateTimeKind.Local => time.ToUniversalTime(),
        _ => DateTime.SpecifyKind(time, DateTimeKind.Utc),
    };
}
