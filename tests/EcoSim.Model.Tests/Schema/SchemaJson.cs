using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace EcoSim.Model.Tests.Schema;

/// <summary>
/// Writes JSON the way scenarios/schema/scenario.schema.json is laid out: two-space indentation, a
/// collection on one line when that line fits in <see cref="Width"/> characters, readable text (no
/// escaping of non-ASCII, '&amp;' or quotes beyond what JSON needs), and '\n' line ends. The schema's
/// update mode rewrites the file with it, so that regenerating makes no spurious changes.
/// </summary>
internal static class SchemaJson
{
    /// <summary>Longest line written for a collection kept on one line.</summary>
    public const int Width = 120;

    private static readonly JsonSerializerOptions Text = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The whole document, ending with a line break.</summary>
    public static string Format(JsonNode? node) => Write(node, 0, 0) + "\n";

    private static string Write(JsonNode? node, int indent, int prefix)
    {
        string inline = Inline(node);
        if (node is not (JsonObject or JsonArray) || indent + prefix + inline.Length + 1 <= Width) return inline;
        string pad = new(' ', indent + 2);
        var lines = node switch
        {
            JsonObject o => o.Select(p => $"{pad}{Quote(p.Key)}: {Write(p.Value, indent + 2, Quote(p.Key).Length + 2)}"),
            JsonArray a => a.Select(v => pad + Write(v, indent + 2, 0)),
            _ => throw new InvalidOperationException(),
        };
        var (open, close) = node is JsonObject ? ("{", "}") : ("[", "]");
        return $"{open}\n{string.Join(",\n", lines)}\n{new string(' ', indent)}{close}";
    }

    private static string Inline(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject { Count: 0 } => "{}",
        JsonObject o => "{ " + string.Join(", ", o.Select(p => $"{Quote(p.Key)}: {Inline(p.Value)}")) + " }",
        JsonArray a => "[" + string.Join(", ", a.Select(Inline)) + "]",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => Quote(v.GetValue<string>()),
        _ => node.ToJsonString(Text),
    };

    private static string Quote(string text) => JsonSerializer.Serialize(text, Text);
}
