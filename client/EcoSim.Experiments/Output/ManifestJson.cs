using System.Text.Encodings.Web;
using System.Text.Json;

namespace EcoSim.Experiments.Output;

/// <summary>The JSON settings shared by <see cref="ManifestWriter"/> and <see cref="ManifestReader"/>.</summary>
internal static class ManifestJson
{
    /// <summary>Indented, camelCase, <c>\n</c> line ends, non-ASCII and <c>&amp;</c> kept readable.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict,
    };
}
