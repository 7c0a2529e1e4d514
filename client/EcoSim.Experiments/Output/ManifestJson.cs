using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace EcoSim.Experiments.Output;

/// <summary>The JSON settings shared by <see cref="ManifestWriter"/> and <see cref="ManifestReader"/>.</summary>
internal static class ManifestJson
{
    /// <summary>
    /// Indented, camelCase, <c>\n</c> line ends, non-ASCII and <c>&amp;</c> kept readable. The contract of
    /// <see cref="OutputManifest"/> leaves out <see cref="OutputManifest.Payload"/>: its keys are written and read
    /// flat, beside the common ones, by the writer and the reader.
    /// </summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { LeaveOutPayload } },
    };

    private static void LeaveOutPayload(JsonTypeInfo type)
    {
        if (type.Type != typeof(OutputManifest)) return;
        for (int i = type.Properties.Count - 1; i >= 0; i--)
            if (type.Properties[i].Name == "payload") type.Properties.RemoveAt(i);
    }
}
